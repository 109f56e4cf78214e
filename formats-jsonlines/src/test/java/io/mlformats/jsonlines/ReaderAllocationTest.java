package io.mlformats.jsonlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.blazingtext.BlazingTextLineView;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.core.ByteSources;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecPairView;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.testkit.AllocationMeter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Steady-state {@code next()} + {@code current()} allocate nothing per record (ThreadMXBean, after two warm-up
 * passes): 100,000 records in less than 1 MB in total, for the readers whose views are reused (DeepAR series:
 * {@link JsonLinesZeroAllocationTest}).
 */
class ReaderAllocationTest {
    private static final int RECORDS = 100_000;
    private static final long BUDGET = 1_000_000;

    @FunctionalInterface
    interface Pass {
        long run(byte[] data) throws IOException;
    }

    private static long measure(byte[] data, Pass pass, long expected, String what) throws IOException {
        pass.run(data);
        pass.run(data);
        long before = AllocationMeter.allocatedBytes();
        long checksum = pass.run(data);
        long bytes = AllocationMeter.allocatedBytes() - before;
        assertEquals(expected, checksum, what);
        assertTrue(bytes < BUDGET, "reading " + RECORDS + " " + what + " allocated " + bytes + " bytes");
        return bytes;
    }

    @Test
    void object2VecPairs() throws IOException {
        StringBuilder sb = new StringBuilder();
        long expected = 0;
        for (int i = 0; i < RECORDS; i++) {
            boolean real = i % 3 == 0;
            sb.append("{\"label\": ").append(real ? (i % 10) + ".25" : String.valueOf(i % 5))
                    .append(", \"in0\": [").append(i % 100).append(", 7, 19, 3], \"in1\": [").append(i % 50)
                    .append(", 2]}\n");
            expected += 4 + 2 + i % 100 + 7 + 19 + 3 + i % 50 + 2;
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        measure(data, d -> {
            long n = 0;
            try (Object2VecReader r = Object2VecReader.open(ByteSources.of(d, "o2v").input(),
                    Object2VecReadOptions.training(Object2VecHyperparameters.unchecked()))) {
                while (r.next()) {
                    Object2VecPairView p = r.current();
                    n += p.in0Length() + p.in1Length();
                    for (int k = 0; k < p.in0Length(); k++) {
                        n += p.in0Array()[k];
                    }
                    for (int k = 0; k < p.in1Length(); k++) {
                        n += p.in1Array()[k];
                    }
                    if (!p.hasLabel()) {
                        n = Long.MIN_VALUE;
                    }
                }
            }
            return n;
        }, expected, "Object2Vec pairs");
    }

    @Test
    void blazingTextLines() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            sb.append("__label__").append(i % 4).append(" the quick brown fox ").append(i % 10).append('\n');
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        measure(data, d -> {
            long n = 0;
            try (BlazingTextReader r = BlazingTextReader.open(ByteSources.of(d, "bt").input(),
                    BlazingTextReadOptions.supervised())) {
                while (r.next()) {
                    BlazingTextLineView v = r.current();
                    n += v.labelCount() * 10L + v.wordCount();
                }
            }
            return n;
        }, RECORDS * 15L, "BlazingText lines");
    }
}
