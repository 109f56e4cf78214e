package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.text.NumberParser;
import io.mlformats.testkit.AllocationMeter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Streaming 1M rows (label, qid, 4 features each) from a byte[] allocates less than 1 MB in total, measured
 * with ThreadMXBean after two warm-up passes.
 */
class LibSvmZeroAllocationTest {
    private static final int ROWS = 1_000_000;

    @Test
    void streamingAMillionRowsAllocatesLessThanOneMegabyte() throws IOException {
        StringBuilder sb = new StringBuilder(ROWS * 40);
        String[] values = {"0.5", "-1.25", "3", "1e-3", "2.718282"};
        for (int i = 0; i < ROWS; i++) {
            sb.append(i & 1).append(" qid:").append(i / 100);
            for (int k = 0; k < 4; k++) {
                sb.append(' ').append(k * 7 + (i % 5)).append(':').append(values[(i + k) % 5]);
            }
            sb.append('\n');
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        stream(data); // warm up: JIT, array growth
        stream(data);

        long before = AllocationMeter.allocatedBytes();
        long checksum = stream(data);
        long readerBytes = AllocationMeter.allocatedBytes() - before;

        long parserBytes = numberParserAllocation(values);
        assertEquals(ROWS * 4L, checksum);
        // Core's number parser is allocation-free; if a regression made it allocate, say which layer did.
        assertTrue(readerBytes < 1_000_000, "streaming 1M rows allocated " + readerBytes + " bytes (core's "
                + "NumberParser alone allocates " + parserBytes + " bytes for the same numbers)");
    }

    private static long stream(byte[] data) throws IOException {
        long nnz = 0;
        try (LibSvmReader r = TestRows.reader(data, LibSvmReadOptions.defaults())) {
            while (r.next()) {
                nnz += r.current().nnz();
            }
        }
        return nnz;
    }

    /** What NumberParser allocates for the numbers the stream parses: 1M labels and 4M values. */
    private static long numberParserAllocation(String[] values) {
        NumberParser p = new NumberParser();
        byte[][] v = new byte[values.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i].getBytes(StandardCharsets.US_ASCII);
        }
        byte[] label = {'1'};
        double sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < 100_000; i++) {
                sink += p.parseFloat(v[i % 5], 0, v[i % 5].length) + p.parseDouble(label, 0, 1);
            }
        }
        long before = AllocationMeter.allocatedBytes();
        for (int i = 0; i < ROWS; i++) {
            sink += p.parseDouble(label, 0, 1);
            for (int k = 0; k < 4; k++) {
                byte[] b = v[(i + k) % 5];
                sink += p.parseFloat(b, 0, b.length);
            }
        }
        long bytes = AllocationMeter.allocatedBytes() - before;
        assertTrue(sink != 0);
        return bytes;
    }
}
