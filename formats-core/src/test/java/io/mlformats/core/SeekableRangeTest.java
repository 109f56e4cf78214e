package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeekableRangeTest {

    /** A seekable input that is not a local file: only readFully, counted. */
    static final class RemoteLike implements SeekableInput {
        final byte[] bytes;
        int reads;
        boolean closed;

        RemoteLike(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public String name() {
            return "s3://bucket/part-00017";
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
            if (position < 0 || position + length > bytes.length) {
                throw new EOFException("beyond the end");
            }
            reads++;
            System.arraycopy(bytes, (int) position, dst, offset, length);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static String readAll(ByteInput in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[3];   // small reads cross the range input's buffer edges
        for (int n; (n = in.read(b, 0, b.length)) >= 0; ) {
            out.write(b, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCutPointReadsEveryLineExactlyOnce() throws IOException {
        String text = "a\r\nbb\n\n# c\nddd\neeee";   // CRLF, blank line, comment, no final newline
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            RemoteLike in = new RemoteLike(bytes);
            String left = readAll(ByteSources.range(in, ByteRange.of(0, cut), RecordStarts.LINES,
                    ReadLimits.defaults()));
            String right = readAll(ByteSources.range(in, ByteRange.of(cut, bytes.length), RecordStarts.LINES,
                    ReadLimits.defaults()));
            assertEquals(text, left + right, "cut at " + cut);
            assertTrue(left.isEmpty() || left.endsWith("\n") || left.equals(text),
                    "a range ends after a whole line: cut " + cut);
            assertEquals(false, in.closed, "the caller owns the input");
        }
    }

    @Test
    void randomMultiWayCutsTileTheFileOverHeapMappedAndRemoteInputs(@TempDir Path dir) throws IOException {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(' ').append("x".repeat(rnd.nextInt(40))).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        String text = sb.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("big.txt");
        Files.write(file, bytes);
        try (ByteSource mapped = ByteSources.map(file); SeekableInput local = ByteSources.seekable(file)) {
            List<SeekableInput> inputs = List.of(new RemoteLike(bytes), ByteSources.seekable(mapped), local,
                    ByteSources.seekable(bytes, "heap"));
            for (int round = 0; round < 20; round++) {
                int parts = 2 + rnd.nextInt(6);
                long[] cuts = rnd.longs(parts - 1, 0, bytes.length + 1).sorted().toArray();
                for (SeekableInput in : inputs) {
                    StringBuilder joined = new StringBuilder();
                    long from = 0;
                    for (int k = 0; k <= cuts.length; k++) {
                        long to = k < cuts.length ? cuts[k] : Long.MAX_VALUE;
                        joined.append(readAll(ByteSources.range(in, ByteRange.of(from, to), RecordStarts.LINES,
                                ReadLimits.defaults())));
                        from = to;
                    }
                    assertEquals(text, joined.toString(), in.name() + " round " + round);
                }
            }
        }
    }

    @Test
    void positionsAreOffsetsInTheWholeInput() throws IOException {
        byte[] bytes = "first\nsecond\nthird\n".getBytes(StandardCharsets.UTF_8);
        ByteInput in = ByteSources.range(new RemoteLike(bytes), ByteRange.of(3, 8), RecordStarts.LINES,
                ReadLimits.defaults());
        assertEquals(6, in.position());
        assertEquals("second\n", readAll(in));
        assertEquals(13, in.position());
        assertEquals("s3://bucket/part-00017", in.name());
    }

    @Test
    void gzipIsReadWholeAndRefusedInPart() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write("x\ny\n".getBytes(StandardCharsets.UTF_8));
        }
        RemoteLike in = new RemoteLike(gz.toByteArray());
        assertEquals("x\ny\n", readAll(ByteSources.range(in, ByteRange.ALL, RecordStarts.LINES,
                ReadLimits.defaults())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSources.range(in,
                ByteRange.of(0, 5), RecordStarts.LINES, ReadLimits.defaults()));
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void aFileSeekableInputReportsReadsBeyondTheEnd(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("f");
        Files.write(f, new byte[] {1, 2, 3});
        try (SeekableInput in = ByteSources.seekable(f)) {
            byte[] b = new byte[2];
            in.readFully(1, b, 0, 2);
            assertEquals(2, b[0]);
            assertEquals(3, b[1]);
            assertThrows(EOFException.class, () -> in.readFully(2, b, 0, 2));
        }
    }

    @Test
    void rangesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ByteRange.of(5, 4));
        assertThrows(IllegalArgumentException.class, () -> ByteRange.of(-1, 4));
        assertTrue(ByteRange.ALL.coversAll(1L << 40));
    }

    @Test
    void aBadGzipHeaderFailsWithAPositionAndLeaksNoFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.gz");
        Files.write(f, new byte[] {0x1f, (byte) 0x8b, 99, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        long before = openDescriptors(f);
        for (int i = 0; i < 20; i++) {
            assertThrows(FormatException.class, () -> {
                try (ByteInput in = ByteSources.open(f)) {
                    in.read(new byte[16], 0, 16);
                }
            });
        }
        assertEquals(before, openDescriptors(f), "every failed open closed its file");
    }

    private static long openDescriptors(Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        Path real = file.toRealPath();
        long n = 0;
        try (var s = Files.list(fds)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    if (Files.readSymbolicLink(p).equals(real)) {
                        n++;
                    }
                } catch (IOException ignored) {
                    // closed while listing
                }
            }
        }
        return n;
    }
}
