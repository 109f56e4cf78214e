package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.text.NumberParser;
import io.mlformats.testkit.AllocationMeter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Streaming 1M rows from a byte[] allocates (almost) nothing. The bound excludes what core's NumberParser
 * itself allocates for the same numbers, measured right here: the placeholder parser builds a String per number
 * (the fast replacement allocates nothing, and then the bound is absolute).
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
        // What this layer adds on top of the number parser (JIT escape analysis makes the difference noisy by a
        // few MB while the placeholder parser allocates ~500 MB, so this only catches per-row allocations).
        assertTrue(readerBytes - parserBytes < 4_000_000, "streaming 1M rows allocated " + readerBytes
                + " bytes, of which core's NumberParser accounts for " + parserBytes);
        Assumptions.assumeTrue(parserBytes < 1_000_000, "core's NumberParser still allocates (" + parserBytes
                + " bytes per 5M numbers): the absolute bound applies once the fast parser is merged");
        assertTrue(readerBytes < 1_000_000, "streaming 1M rows allocated " + readerBytes + " bytes");
    }

    private static long stream(byte[] data) throws IOException {
        long nnz = 0;
        try (LibSvmReader r = LibSvmReader.of(data, LibSvmOptions.defaults())) {
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
