package io.mlformats.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.AllocationMeter;
import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineScannerTest {

    /** One scanned line: text, number and absolute offset. */
    record Line(String text, long number, long offset) {
    }

    static List<Line> scan(ByteInput in, int window) throws IOException {
        List<Line> out = new ArrayList<>();
        try (LineScanner s = new LineScanner(in, ReadLimits.defaults(), window)) {
            while (s.next()) {
                out.add(new Line(new String(s.buffer(), s.start(), s.length(), StandardCharsets.UTF_8),
                        s.lineNumber(), s.lineOffset()));
            }
        }
        return out;
    }

    /**
     * Scans with {@link LineScanner#peekLine()}, claiming a line itself (as a one-pass parser does) when its
     * {@code '\n'} lies in the window and {@code claim} says so, else falling back to {@code next()}; consumed
     * bytes are recorded after each line.
     */
    static List<String> peekAndClaim(ByteInput in, int window, java.util.function.IntPredicate claim)
            throws IOException {
        return peekAndClaim(in, ReadLimits.defaults(), window, claim);
    }

    static List<String> peekAndClaim(ByteInput in, ReadLimits limits, int window,
            java.util.function.IntPredicate claim) throws IOException {
        List<String> out = new ArrayList<>();
        try (LineScanner s = new LineScanner(in, limits, window)) {
            int k = 0;
            for (int from; (from = s.peekLine()) >= 0; k++) {
                int nl = from;
                while (nl < s.available() && s.buffer()[nl] != '\n') {
                    nl++;
                }
                if (nl < s.available() && claim.test(k)) {
                    s.claimLine(nl);
                } else {
                    assertTrue(s.next());
                }
                out.add(new String(s.buffer(), s.start(), s.length(), StandardCharsets.UTF_8) + "|" + s.lineNumber()
                        + "|" + s.lineOffset() + "|" + s.consumed() + "|" + s.bomSkipped());
            }
            assertFalse(s.next());
        }
        return out;
    }

    @Test
    void claimedLinesLeaveTheScannerAsNextWould() throws IOException {
        long base = Seeds.base();
        for (int i = 0; i < 300; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "");
            for (int n = r.nextInt(12); n > 0; n--) {
                sb.append("ab\rc d".repeat(r.nextInt(4))).append(r.nextInt(4) == 0 ? "\r\n" : "\n");
            }
            sb.append(r.nextBoolean() ? "tail" : "");
            byte[] data = utf8(sb.toString());
            int window = r.nextInt(16, 64);
            List<String> expected = peekAndClaim(ByteSources.of(data).input(), 1 << 20, k -> false);
            assertEquals(expected, peekAndClaim(ByteSources.of(data).input(), 1 << 20, k -> true), "in place " + i);
            assertEquals(expected, peekAndClaim(ByteSources.stream(AdversarialInputs.chunked(data, r.nextInt(1, 9)),
                    "<bytes>", ReadLimits.defaults()), window, k -> r.nextBoolean()), "stream " + i);
        }
    }

    @Test
    void claimLineChecksItsArgumentAndTheLineLimit() throws IOException {
        byte[] data = utf8("abcdef\nxy\n");
        try (LineScanner s = new LineScanner(ByteSources.of(data).input(), ReadLimits.defaults())) {
            assertEquals(0, s.peekLine());
            assertThrows(IllegalArgumentException.class, () -> s.claimLine(3));
            assertThrows(IllegalArgumentException.class, () -> s.claimLine(data.length));
            s.claimLine(6);
            assertEquals(7, s.peekLine());
            assertTrue(s.next());
            assertEquals("xy", new String(s.buffer(), s.start(), s.length(), StandardCharsets.UTF_8));
            assertEquals(-1, s.peekLine());
        }
        // Peeking never grows the window (only a line that needs it does): lines within the limit pass.
        byte[] many = utf8("0123456789abcdefghij\n".repeat(50));
        ReadLimits twenty = ReadLimits.builder().maxLineBytes(20).build();
        assertEquals(50, peekAndClaim(ByteSources.stream(AdversarialInputs.chunked(many, 5), "<bytes>", twenty),
                twenty, 16, k -> true).size());
        ReadLimits tight = ReadLimits.builder().maxLineBytes(4).build();
        try (LineScanner s = new LineScanner(ByteSources.of(data).input(), tight)) {
            assertEquals(0, s.peekLine());
            assertEquals(6, s.available(), "a peeking parser sees no more than the longest allowed line + CRLF");
            assertThrows(LimitExceededException.class, () -> s.claimLine(6));
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void splitsLfCrlfAndMissingFinalNewline() throws IOException {
        List<Line> lines = scan(ByteSources.of(utf8("a b\r\n\nccc\rx\nlast")).input(), 1 << 20);
        assertEquals(List.of(new Line("a b", 1, 0), new Line("", 2, 5), new Line("ccc\rx", 3, 6),
                new Line("last", 4, 12)), lines);
    }

    @Test
    void finalNewlineDoesNotMakeAnEmptyLine() throws IOException {
        assertEquals(List.of(new Line("x", 1, 0)), scan(ByteSources.of(utf8("x\n")).input(), 16));
        assertEquals(List.of(), scan(ByteSources.of(new byte[0]).input(), 16));
        assertEquals(List.of(new Line("", 1, 0)), scan(ByteSources.of(utf8("\n")).input(), 16));
    }

    @Test
    void leadingBomIsSkippedAndReported() throws IOException {
        byte[] data = utf8("\uFEFF1 0:1\n2 0:2\n");
        try (LineScanner s = new LineScanner(ByteSources.of(data).input(), ReadLimits.defaults())) {
            assertTrue(s.next());
            assertTrue(s.bomSkipped());
            assertEquals("1 0:1", new String(s.buffer(), s.start(), s.length(), StandardCharsets.UTF_8));
            assertEquals(3, s.lineOffset());
        }
        // A BOM that is not at the very start stays in the line, for the format to reject.
        List<Line> lines = scan(ByteSources.of(utf8("a\n\uFEFFb\n")).input(), 16);
        assertEquals("\uFEFFb", lines.get(1).text());
    }

    @Test
    void sameLinesForEverySplitPointOneByteReadsAndTinyWindows() throws IOException {
        SplittableRandom r = Seeds.forCase(Seeds.base(), 1);
        StringBuilder sb = new StringBuilder("\uFEFF");
        for (int i = 0; i < 60; i++) {
            int len = r.nextInt(0, 40);
            for (int k = 0; k < len; k++) {
                sb.append((char) ('a' + r.nextInt(26)));
            }
            sb.append(r.nextBoolean() ? "\n" : "\r\n");
        }
        sb.append("tail");
        byte[] data = utf8(sb.toString());
        List<Line> expected = scan(ByteSources.of(data).input(), 1 << 20);
        assertEquals(61, expected.size());
        for (int split = 0; split <= data.length; split++) {
            assertEquals(expected, scan(ByteSources.stream(AdversarialInputs.splitAt(data, split), "<stream>",
                    ReadLimits.defaults()), 16), "split " + split);
        }
        assertEquals(expected, scan(ByteSources.stream(AdversarialInputs.oneBytePerRead(data), "<stream>",
                ReadLimits.defaults()), 16));
        assertEquals(expected, scan(ByteSources.of(AdversarialInputs.direct(data), "d").input(), 16));
        assertEquals(expected, scan(ByteSources.stream(new java.io.ByteArrayInputStream(
                AdversarialInputs.gzipMembers(data, 3)), "gz", ReadLimits.defaults()), 16));
    }

    @Test
    void mappedFileGivesTheSameLines(@TempDir Path dir) throws IOException {
        byte[] data = utf8("1 0:1\r\n\n# c\n2 3:4");
        Path f = AdversarialInputs.file(dir, "a.svm", data);
        assertEquals(scan(ByteSources.of(data).input(), 1 << 20), scan(ByteSources.open(f), 16));
    }

    @Test
    void overlongLineIsALimitErrorInEveryMode() throws IOException {
        byte[] data = utf8("short\n" + "x".repeat(100) + "\nnext\n");
        ReadLimits limits = ReadLimits.builder().maxLineBytes(50).build();
        for (ByteInput in : List.of(ByteSources.of(data).input(),
                ByteSources.stream(AdversarialInputs.oneBytePerRead(data), "s", limits))) {
            try (LineScanner s = new LineScanner(in, limits, 16)) {
                assertTrue(s.next());
                LimitExceededException e = assertThrows(LimitExceededException.class, s::next);
                assertEquals("maxLineBytes", e.limitName());
                assertEquals(50, e.limitValue());
                assertEquals(2, e.position().line());
                assertEquals(6, e.position().byteOffset());
            }
        }
    }

    @Test
    void streamingWindowNeverGrowsBeyondTheLimit() throws IOException {
        // 10 MB without a newline and a 1 KiB limit: the error comes after reading little more than the limit.
        byte[] data = new byte[10 << 20];
        java.util.Arrays.fill(data, (byte) 'a');
        ReadLimits limits = ReadLimits.builder().maxLineBytes(1024).build();
        ByteInput in = ByteSources.stream(new java.io.ByteArrayInputStream(data), "s", limits);
        try (LineScanner s = new LineScanner(in, limits, 64)) {
            assertThrows(LimitExceededException.class, s::next);
            assertTrue(in.position() < 4096, "read " + in.position());
            assertTrue(s.buffer().length <= 1026);
        }
    }

    @Test
    void scanningAMillionLinesFromAByteArrayAllocatesAlmostNothing() throws IOException {
        byte[] line = utf8("1 3:0.5 17:2.25 1024:1e-3\n");
        byte[] data = new byte[line.length * 1_000_000];
        for (int i = 0; i < 1_000_000; i++) {
            System.arraycopy(line, 0, data, i * line.length, line.length);
        }
        long total = countLines(data); // warm up
        assertEquals(1_000_000, total);
        long before = AllocationMeter.allocatedBytes();
        total = countLines(data);
        long allocated = AllocationMeter.allocatedBytes() - before;
        assertEquals(1_000_000, total);
        assertTrue(allocated < 1_000_000, "allocated " + allocated + " bytes");
    }

    private static long countLines(byte[] data) throws IOException {
        long n = 0;
        long bytes = 0;
        try (LineScanner s = new LineScanner(ByteSources.of(data).input(), ReadLimits.defaults())) {
            while (s.next()) {
                n++;
                bytes += s.length();
            }
        }
        assertFalse(bytes == 0);
        return n;
    }
}
