package io.mlformats.libsvm;

import io.mlformats.testkit.WriterFaults;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.RecordWriter;
import io.mlformats.libsvm.csv.CsvWriteOptions;
import io.mlformats.libsvm.csv.CsvWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link RecordWriter} lifecycle of both text writers, for file and stream targets, plain and gzip: only
 * {@code commit()} publishes; everything else leaves no file (and an existing file byte for byte as it was) and
 * a stream unfinished and open.
 */
class WriterLifecycleTest {
    private static final byte[] OLD = "the good file that was here before\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    enum Format { LIBSVM, CSV }

    /** One writer configuration under test, and where its output goes. */
    record Case(Format format, boolean file, boolean gzip) {
        @Override
        public String toString() {
            return format + (file ? " file" : " stream") + (gzip ? " gzip" : "");
        }
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (Format f : Format.values()) {
            for (boolean file : new boolean[] {true, false}) {
                for (boolean gzip : new boolean[] {false, true}) {
                    all.add(new Case(f, file, gzip));
                }
            }
        }
        return all.stream();
    }

    /** An open writer of one case, plus what it wrote. */
    private final class Target {
        final Case c;
        final Path path = dir.resolve("out.data");
        final TrackingStream stream = new TrackingStream();

        Target(Case c) throws IOException {
            this.c = c;
            Files.write(path, OLD);
        }

        RecordWriter<LibSvmRow> open() throws IOException {
            return open(c.file ? null : stream);
        }

        RecordWriter<LibSvmRow> open(OutputStream out) throws IOException {
            if (c.format == Format.LIBSVM) {
                LibSvmWriteOptions o = LibSvmWriteOptions.defaults().withGzip(c.gzip);
                return out == null ? LibSvmWriter.open(path, o) : LibSvmWriter.open(out, o);
            }
            CsvWriteOptions o = CsvWriteOptions.defaults().withGzip(c.gzip).withNumFeatures(3);
            return out == null ? CsvWriter.open(path, o) : CsvWriter.open(out, o);
        }

        /** The published text (decompressed), or null if nothing was published. */
        String published() throws IOException {
            byte[] raw = c.file ? Files.readAllBytes(path) : stream.toByteArray();
            if (c.file && java.util.Arrays.equals(raw, OLD)) {
                return null;
            }
            if (c.gzip) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    raw = in.readAllBytes();
                }
            }
            return new String(raw, StandardCharsets.US_ASCII);
        }

        /** Nothing was published: the old file is intact and alone; a stream is open and unfinished. */
        void assertNothingPublished() throws IOException {
            if (c.file) {
                assertArrayEquals(OLD, Files.readAllBytes(path), "the existing target is untouched");
                try (Stream<Path> s = Files.list(dir)) {
                    assertEquals(List.of(path), s.toList(), "no temporary file left");
                }
            } else {
                assertFalse(stream.closed, "the caller's stream is never closed");
                byte[] raw = stream.toByteArray();
                if (c.gzip) {
                    assertThrows(EOFException.class, () -> new GZIPInputStream(new ByteArrayInputStream(raw))
                            .readAllBytes(), "no gzip trailer without commit");
                }
            }
        }

        String expected(int rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                sb.append(c.format == Format.LIBSVM ? i + " 0:1 2:" + i + "\n" : i + ",1,," + i + "\n");
            }
            return sb.toString();
        }
    }

    private static LibSvmRow row(int i) {
        LibSvmRow r = LibSvmRow.float32().setLabel(i);
        r.features().append(0, 1f);
        r.features().append(2, (float) i);
        r.features().setDimension(3);
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void callerThrowsMidLoop(Case c) throws IOException {
        Target t = new Target(c);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (RecordWriter<LibSvmRow> w = t.open()) {
                for (int i = 0; i < 10_000; i++) {
                    w.write(row(i));
                    if (i == 5_000) {
                        throw new IllegalStateException("caller failed mid-way");
                    }
                }
                w.commit();
            }
        });
        assertEquals("caller failed mid-way", e.getMessage());
        t.assertNothingPublished();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void callerThrowsBeforeAnyRow(Case c) throws IOException {
        Target t = new Target(c);
        assertThrows(IllegalStateException.class, () -> {
            try (RecordWriter<LibSvmRow> w = t.open()) {
                throw new IllegalStateException("before any row");
            }
        });
        t.assertNothingPublished();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commitThenClose(Case c) throws IOException {
        Target t = new Target(c);
        RecordWriter<LibSvmRow> w = t.open();
        for (int i = 0; i < 3; i++) {
            w.write(row(i));
        }
        if (c.file) {
            assertArrayEquals(OLD, Files.readAllBytes(t.path), "nothing published before commit");
        }
        w.commit();
        w.close();
        w.close();
        w.abort();
        assertEquals(t.expected(3), t.published());
        assertFalse(t.stream.closed);
        assertThrows(IllegalStateException.class, w::commit, "commit twice");
        assertThrows(IllegalStateException.class, () -> w.write(row(9)), "write after commit");
        assertEquals(t.expected(3), t.published(), "a refused late write changed nothing");
        if (c.file) {
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(1, s.count(), "no temporary file left");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void closeWithoutCommitAndCloseTwice(Case c) throws IOException {
        Target t = new Target(c);
        RecordWriter<LibSvmRow> w = t.open();
        w.write(row(1));
        w.flush();
        w.close();
        w.close();
        t.assertNothingPublished();
        assertThrows(IllegalStateException.class, () -> w.write(row(2)), "write after close");
        assertThrows(IllegalStateException.class, w::commit, "commit after close");
        t.assertNothingPublished();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void abortThenCloseAndCommitAfterAbort(Case c) throws IOException {
        Target t = new Target(c);
        RecordWriter<LibSvmRow> w = t.open();
        w.write(row(1));
        w.abort();
        w.abort();
        assertThrows(IllegalStateException.class, w::commit, "commit after abort");
        assertThrows(IllegalStateException.class, () -> w.write(row(2)), "write after abort");
        w.close();
        t.assertNothingPublished();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRefusedRowDoesNotPoison(Case c) throws IOException {
        Target t = new Target(c);
        try (RecordWriter<LibSvmRow> w = t.open()) {
            w.write(row(0));
            LibSvmRow bad = row(1);
            bad.features().append(1, Float.POSITIVE_INFINITY);
            assertThrows(IllegalArgumentException.class, () -> w.write(bad));
            w.write(row(1));
            w.commit();
        }
        assertEquals(t.expected(2), t.published());
    }

    /** The stream cases: a file target cannot be made to fail on demand, and both go through the same sink. */
    static Stream<Case> streamCases() {
        return cases().filter(c -> !c.file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamCases")
    void aFailingWritePoisons(Case c) throws IOException {
        Target t = new Target(c);
        TrackingStream broken = new TrackingStream();
        broken.failAfter = 100;
        RecordWriter<LibSvmRow> w = t.open(broken);
        IOException e = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 100_000; i++) {
                w.write(row(i));
            }
        });
        assertEquals("disk full", e.getMessage());
        assertThrows(IOException.class, w::commit, "commit after a failed write aborts and throws");
        assertThrows(IllegalStateException.class, () -> w.write(row(1)), "aborted by the failed commit");
        w.close();
        assertFalse(broken.closed);
        assertArrayEquals(OLD, Files.readAllBytes(t.path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamCases")
    void aFailingFlushPoisons(Case c) throws IOException {
        Target t = new Target(c);
        TrackingStream broken = new TrackingStream();
        RecordWriter<LibSvmRow> w = t.open(broken);
        w.write(row(1));
        broken.failAfter = 0;
        assertThrows(IOException.class, w::flush);
        broken.failAfter = Long.MAX_VALUE;
        IOException e = assertThrows(IOException.class, w::commit);
        assertTrue(e.getMessage().contains("an earlier write failed"), e.getMessage());
        w.close();
    }

    /** A caller's stream that records whether it was closed and can fail after some bytes. */
    private static final class TrackingStream extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;
        long failAfter = Long.MAX_VALUE;

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            bytes.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            bytes.write(b);
        }

        @Override
        public void flush() throws IOException {
            check(0);
        }

        private void check(int len) throws IOException {
            if (failAfter <= 0 || bytes.size() + len > failAfter) {
                throw new IOException("disk full");
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The cases that write a file (a caller's stream has no file to protect). */
    static Stream<Case> fileCases() {
        return cases().filter(Case::file);
    }

    /**
     * Issue 16, fault injection: an exception mid-way, a full disk, a failing publish and a second writer of the
     * same file leave an existing file intact and no temporary file, and the errors name the file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fileCases")
    void faultsLeaveTheExistingFileIntact(Case c) throws IOException {
        WriterFaults.check(dir, c.format == Format.LIBSVM ? "out.libsvm" : "out.csv", 200_000, p -> {
            RecordWriter<LibSvmRow> w = c.format == Format.LIBSVM
                    ? LibSvmWriter.open(p, LibSvmWriteOptions.defaults().withGzip(c.gzip))
                    : CsvWriter.open(p, CsvWriteOptions.defaults().withGzip(c.gzip).withNumFeatures(3));
            int[] i = {0};
            return WriterFaults.writer(() -> w.write(row(i[0]++)), w::commit, w::abort);
        });
    }
}
