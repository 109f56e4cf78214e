package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.internal.GzipInput;
import io.mlformats.core.text.LineScanner;
import io.mlformats.testkit.AdversarialInputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The core limits at limit - 1, limit and limit + 1: every limit is inclusive (the value equal to the limit is
 * accepted, one more is refused), as {@link ReadLimits}' javadoc says.
 */
class ReadLimitsBoundaryTest {

    /** A line of {@code n} bytes, then a second line, with both terminators and through both scanner modes. */
    @Test
    void maxLineBytesAcceptsALineOfExactlyTheLimit() throws IOException {
        int limit = 100;
        ReadLimits limits = ReadLimits.builder().maxLineBytes(limit).build();
        for (String eol : List.of("\n", "\r\n")) {
            for (int n : new int[] {limit - 1, limit}) {
                for (ByteInput in : inputs("x".repeat(n) + eol + "y" + eol, limits)) {
                    try (LineScanner s = new LineScanner(in, limits, 16)) {
                        assertTrue(s.next());
                        assertEquals(n, s.length());
                        assertTrue(s.next());
                        assertEquals(1, s.length());
                    }
                }
            }
            for (ByteInput in : inputs("x".repeat(limit + 1) + eol + "y" + eol, limits)) {
                try (LineScanner s = new LineScanner(in, limits, 16)) {
                    LimitExceededException e = assertThrows(LimitExceededException.class, s::next);
                    assertEquals("maxLineBytes", e.limitName());
                    assertEquals(limit, e.limitValue());
                    assertEquals(1, e.position().line());
                    assertEquals(0, e.position().byteOffset());
                }
            }
        }
        // The last line without a terminator counts the same way.
        for (ByteInput in : inputs("x".repeat(limit), limits)) {
            try (LineScanner s = new LineScanner(in, limits, 16)) {
                assertTrue(s.next());
                assertEquals(limit, s.length());
            }
        }
        for (ByteInput in : inputs("x".repeat(limit + 1), limits)) {
            try (LineScanner s = new LineScanner(in, limits, 16)) {
                assertThrows(LimitExceededException.class, s::next);
            }
        }
    }

    private static List<ByteInput> inputs(String text, ReadLimits limits) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return List.of(ByteSources.of(b).input(),
                ByteSources.stream(AdversarialInputs.chunked(b, 7), "s", limits),
                ByteSources.stream(new ByteArrayInputStream(AdversarialInputs.gzip(b)), "s.gz", limits));
    }

    @Test
    void maxDecompressedBytesAcceptsExactlyTheLimit() throws IOException {
        byte[] data = new byte[10_000];
        Arrays.fill(data, (byte) 'a');
        byte[] gz = AdversarialInputs.gzip(data);
        for (long limit : new long[] {data.length - 1, data.length, data.length + 1}) {
            ReadLimits limits = ReadLimits.builder().maxDecompressedBytes(limit).build();
            ByteInput in = ByteSources.stream(new ByteArrayInputStream(gz), "d.gz", limits);
            if (limit < data.length) {
                LimitExceededException e = assertThrows(LimitExceededException.class, () -> drain(in));
                assertEquals("maxDecompressedBytes", e.limitName());
                assertEquals(limit, e.limitValue());
                assertTrue(e.getMessage().startsWith("d.gz (gzip, compressed offset):"), e.getMessage());
                assertTrue(e.detail().startsWith("decompressed size " + data.length + " exceeds"), e.detail());
            } else {
                assertArrayEquals(data, drain(in));
            }
        }
    }

    /**
     * The ratio is whole decompressed bytes over compressed bytes consumed, checked after every read past
     * {@link ReadLimits#RATIO_GRACE_BYTES}: a stream whose highest such ratio is R reads with the limit R and R + 1
     * and is refused with R - 1.
     */
    @Test
    void maxCompressionRatioAcceptsARatioEqualToTheLimit() throws IOException {
        byte[] data = new byte[(int) ReadLimits.RATIO_GRACE_BYTES + (4 << 20)];
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            g.write(data);
        }
        byte[] gz = raw.toByteArray();
        long highest = 0;
        try (ByteInput in = ByteSources.stream(new ByteArrayInputStream(gz), "r.gz", ReadLimits.builder()
                .maxCompressionRatio(Integer.MAX_VALUE).build())) {
            GzipInput g = (GzipInput) in;
            byte[] buf = new byte[1 << 16];
            while (g.read(buf, 0, buf.length) >= 0) {
                if (g.position() > ReadLimits.RATIO_GRACE_BYTES) {
                    highest = Math.max(highest, g.position() / g.compressedPosition());
                }
            }
        }
        assertTrue(highest > 10, "zeros compress well: " + highest);
        for (long limit : new long[] {highest - 1, highest, highest + 1}) {
            ReadLimits limits = ReadLimits.builder().maxCompressionRatio((int) limit).build();
            ByteInput in = ByteSources.stream(new ByteArrayInputStream(gz), "r.gz", limits);
            if (limit < highest) {
                LimitExceededException e = assertThrows(LimitExceededException.class, () -> count(in));
                assertEquals("maxCompressionRatio", e.limitName());
                assertEquals(limit, e.limitValue());
                assertTrue(e.detail().startsWith("compression ratio " + highest + " "), e.detail());
            } else {
                assertEquals(data.length, count(in));
            }
        }
    }

    @Test
    void everyLimitMustBePositiveAndIsKeptByToBuilder() {
        ReadLimits l = ReadLimits.builder().maxLineBytes(1).maxRecordBytes(2).maxDecompressedBytes(3)
                .maxCompressionRatio(4).maxNestingDepth(5).maxArrayElements(6).maxMapEntries(7).build();
        ReadLimits copy = l.toBuilder().build();
        assertEquals(l.toString(), copy.toString());
        assertEquals(List.of(1, 2, 3L, 4, 5, 6, 7), List.of(copy.maxLineBytes(), copy.maxRecordBytes(),
                copy.maxDecompressedBytes(), copy.maxCompressionRatio(), copy.maxNestingDepth(),
                copy.maxArrayElements(), copy.maxMapEntries()));
        assertEquals(ReadLimits.DEFAULT_MAX_MAP_ENTRIES, ReadLimits.defaults().maxMapEntries());
        assertThrows(IllegalArgumentException.class, () -> ReadLimits.builder().maxMapEntries(0));
        assertThrows(IllegalArgumentException.class, () -> ReadLimits.builder().maxDecompressedBytes(0));
    }

    /** A memory error moved to another byte range keeps its class and text (only the position changes). */
    @Test
    void insufficientMemoryKeepsItsClassWhenShifted() {
        InsufficientMemoryException e = new InsufficientMemoryException(SourcePosition.ofLine("f", 10, 0, 1),
                "line 1", 1 << 20, "maxLineBytes", 64);
        FormatException s = e.shifted(5, 2);
        assertTrue(s instanceof InsufficientMemoryException, s.getClass().getName());
        assertEquals(6, s.position().line());
        assertEquals(e.detail(), s.detail());
        assertEquals(1 << 20, ((InsufficientMemoryException) s).bytesNeeded());
        assertEquals("maxLineBytes", ((LimitExceededException) s).limitName());
        assertTrue(e.detail().startsWith("line 1 needs a buffer of 1048576 bytes"), e.detail());
    }

    /** Reads to the end in 64 KiB reads (as the measuring loop does, so the ratio is checked at the same points). */
    private static long count(ByteInput in) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            total += n;
        }
        return total;
    }

    private static byte[] drain(ByteInput in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
