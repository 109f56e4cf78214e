package io.mlformats.jsonlines;

import io.mlformats.testkit.WriterFaults;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.blazingtext.BlazingTextLine;
import io.mlformats.blazingtext.BlazingTextWriteOptions;
import io.mlformats.blazingtext.BlazingTextWriter;
import io.mlformats.core.RecordWriter;
import io.mlformats.deepar.DeepArSeries;
import io.mlformats.deepar.DeepArWriteOptions;
import io.mlformats.deepar.DeepArWriter;
import io.mlformats.manifest.AugmentedManifestWriter;
import io.mlformats.manifest.ManifestRecord;
import io.mlformats.manifest.ManifestWriteOptions;
import io.mlformats.object2vec.Object2VecPair;
import io.mlformats.object2vec.Object2VecWriteOptions;
import io.mlformats.object2vec.Object2VecWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link RecordWriter} lifecycle, for every writer of this module and every kind of target (file, gzip file,
 * caller's stream, gzip stream): publish only on commit; close without commit leaves an existing target byte for
 * byte; the caller's stream is never closed and never finished without commit; misuse throws
 * {@link IllegalStateException}; an I/O failure poisons the writer, a refused record does not.
 */
class WriterLifecycleTest {
    private static final byte[] OLD = "a good file that was here before\n".getBytes(StandardCharsets.UTF_8);
    private static final int RECORDS = 3;

    /** One writer of this module: how to open it and which records it accepts and refuses. */
    interface Format<R> {
        RecordWriter<R> file(Path file, boolean gzip) throws IOException;

        RecordWriter<R> stream(OutputStream out, boolean gzip) throws IOException;

        R good(int i);

        R refused();
    }

    enum Target { FILE, GZIP_FILE, STREAM, GZIP_STREAM }

    static final Format<DeepArSeries> DEEPAR = new Format<>() {
        public RecordWriter<DeepArSeries> file(Path f, boolean gz) throws IOException {
            return DeepArWriter.open(f, DeepArWriteOptions.defaults().withGzip(gz));
        }

        public RecordWriter<DeepArSeries> stream(OutputStream o, boolean gz) throws IOException {
            return DeepArWriter.open(o, DeepArWriteOptions.defaults().withGzip(gz));
        }

        public DeepArSeries good(int i) {
            return DeepArSeries.of(LocalDateTime.of(2024, 1, 1, 0, 0).plusHours(i), i, i + 0.5f);
        }

        public DeepArSeries refused() {
            return DeepArSeries.of(LocalDateTime.of(2024, 1, 1, 0, 0), Float.POSITIVE_INFINITY);
        }

        public String toString() {
            return "DeepArWriter";
        }
    };

    static final Format<Object2VecPair> OBJECT2VEC = new Format<>() {
        public RecordWriter<Object2VecPair> file(Path f, boolean gz) throws IOException {
            return Object2VecWriter.open(f, Object2VecWriteOptions.defaults().withGzip(gz));
        }

        public RecordWriter<Object2VecPair> stream(OutputStream o, boolean gz) throws IOException {
            return Object2VecWriter.open(o, Object2VecWriteOptions.defaults().withGzip(gz));
        }

        public Object2VecPair good(int i) {
            return Object2VecPair.classification(i % 2, new int[] {i, i + 1}, new int[] {i + 2});
        }

        public Object2VecPair refused() {
            return Object2VecPair.classification(1, new int[0], new int[] {1});
        }

        public String toString() {
            return "Object2VecWriter";
        }
    };

    static final Format<BlazingTextLine> BLAZINGTEXT = new Format<>() {
        public RecordWriter<BlazingTextLine> file(Path f, boolean gz) throws IOException {
            return BlazingTextWriter.open(f, BlazingTextWriteOptions.defaults().withGzip(gz));
        }

        public RecordWriter<BlazingTextLine> stream(OutputStream o, boolean gz) throws IOException {
            return BlazingTextWriter.open(o, BlazingTextWriteOptions.defaults().withGzip(gz));
        }

        public BlazingTextLine good(int i) {
            return new BlazingTextLine(List.of("__label__" + i), List.of("word" + i, "and", "more"));
        }

        public BlazingTextLine refused() {
            return new BlazingTextLine(List.of("nolabelprefix"), List.of("w"));
        }

        public String toString() {
            return "BlazingTextWriter";
        }
    };

    static final Format<ManifestRecord> MANIFEST = new Format<>() {
        public RecordWriter<ManifestRecord> file(Path f, boolean gz) throws IOException {
            return AugmentedManifestWriter.open(f, ManifestWriteOptions.defaults().withGzip(gz));
        }

        public RecordWriter<ManifestRecord> stream(OutputStream o, boolean gz) throws IOException {
            return AugmentedManifestWriter.open(o, ManifestWriteOptions.defaults().withGzip(gz));
        }

        public ManifestRecord good(int i) {
            return ManifestRecord.builder().string("source-ref", "s3://b/" + i + ".jpg").number("label", i).build();
        }

        public ManifestRecord refused() {
            return null;   // a manifest record is written verbatim: nothing to refuse
        }

        public String toString() {
            return "AugmentedManifestWriter";
        }
    };

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
        for (Format<?> f : List.of(DEEPAR, OBJECT2VEC, BLAZINGTEXT, MANIFEST)) {
            for (Target t : Target.values()) {
                out.add(org.junit.jupiter.params.provider.Arguments.of(f, t));
            }
        }
        return out.stream();
    }

    /** A caller's stream that records whether it was closed. */
    static final class CallerStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    /** An output stream whose writes throw a checked IOException once {@code limit} bytes were accepted. */
    static final class FailingStream extends OutputStream {
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        final long limit;
        boolean closed;

        FailingStream(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (got.size() + len > limit) {
                throw new IOException("disk full (simulated)");
            }
            got.write(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Opens the writer for a target; a file target is {@code dir/out}, pre-filled with {@link #OLD}. */
    private static final class Run<R> {
        final Format<R> format;
        final Target target;
        final Path file;
        final CallerStream stream = new CallerStream();

        Run(Format<R> format, Target target, Path dir) throws IOException {
            this.format = format;
            this.target = target;
            this.file = dir.resolve("out");
            Files.write(file, OLD);
        }

        RecordWriter<R> open() throws IOException {
            boolean gz = target == Target.GZIP_FILE || target == Target.GZIP_STREAM;
            return target == Target.FILE || target == Target.GZIP_FILE ? format.file(file, gz)
                    : format.stream(stream, gz);
        }

        boolean gzip() {
            return target == Target.GZIP_FILE || target == Target.GZIP_STREAM;
        }

        boolean isFile() {
            return target == Target.FILE || target == Target.GZIP_FILE;
        }

        /** The published bytes (decompressed). */
        byte[] published() throws IOException {
            byte[] raw = isFile() ? Files.readAllBytes(file) : stream.toByteArray();
            return gzip() ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes() : raw;
        }

        /** Nothing published: the old file is there byte for byte and alone; a stream is open and unfinished. */
        void assertNothingPublished(Path dir) throws IOException {
            assertArrayEquals(OLD, Files.readAllBytes(file), "existing target changed");
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(file), s.toList(), "temporary file left behind");
            }
            assertFalse(stream.closed, "the caller's stream was closed");
            if (!isFile()) {
                byte[] raw = stream.toByteArray();
                if (gzip()) {
                    assertThrows(IOException.class,
                            () -> new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes(),
                            "an unfinished gzip stream must not read as a complete one");
                } else {
                    assertTrue(raw.length < expected(format, RECORDS).length, "the stream looks complete");
                }
            }
        }
    }

    /** The text of records 0..n-1 as written to a plain committed stream. */
    static <R> byte[] expected(Format<R> f, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter<R> w = f.stream(out, false)) {
            for (int i = 0; i < n; i++) {
                w.write(f.good(i));
            }
            w.commit();
        }
        return out.toByteArray();
    }

    private static long lines(byte[] b) {
        long n = 0;
        for (byte x : b) {
            n += x == '\n' ? 1 : 0;
        }
        return n;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    <R> void callerThrowsMidLoopPublishesNothing(Format<R> f, Target t, @TempDir Path dir) throws IOException {
        Run<R> run = new Run<>(f, t, dir);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (RecordWriter<R> w = run.open()) {
                for (int i = 0; i < RECORDS; i++) {
                    w.write(f.good(i));
                    if (i == 1) {
                        throw new IllegalStateException("caller failed mid-way");
                    }
                }
                w.commit();
            }
        });
        assertEquals("caller failed mid-way", thrown.getMessage());
        run.assertNothingPublished(dir);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    <R> void closeWithoutCommitPublishesNothing(Format<R> f, Target t, @TempDir Path dir) throws IOException {
        Run<R> run = new Run<>(f, t, dir);
        RecordWriter<R> w = run.open();
        for (int i = 0; i < RECORDS; i++) {
            w.write(f.good(i));
        }
        if (t != Target.STREAM) {
            w.flush();   // flushing never publishes a file nor finishes gzip (a plain stream would get the lines)
        }
        w.close();
        w.close();   // twice is fine
        run.assertNothingPublished(dir);
        assertThrows(IllegalStateException.class, () -> w.write(f.good(0)));
        assertThrows(IllegalStateException.class, w::commit);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    <R> void commitThenClosePublishesOnce(Format<R> f, Target t, @TempDir Path dir) throws IOException {
        Run<R> run = new Run<>(f, t, dir);
        RecordWriter<R> w = run.open();
        for (int i = 0; i < RECORDS; i++) {
            w.write(f.good(i));
        }
        w.commit();
        byte[] published = run.published();
        assertArrayEquals(expected(f, RECORDS), published);
        assertEquals(RECORDS, lines(published));
        w.close();
        w.close();
        w.abort();   // a no-op after commit
        assertArrayEquals(published, run.published());
        assertThrows(IllegalStateException.class, w::commit);
        assertThrows(IllegalStateException.class, () -> w.write(f.good(0)));
        assertFalse(run.stream.closed, "the caller's stream was closed");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(run.file), s.toList());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    <R> void abortThenCloseAndCommitAfterAbort(Format<R> f, Target t, @TempDir Path dir) throws IOException {
        Run<R> run = new Run<>(f, t, dir);
        RecordWriter<R> w = run.open();
        w.write(f.good(0));
        w.abort();
        w.abort();   // idempotent
        w.close();
        run.assertNothingPublished(dir);
        assertThrows(IllegalStateException.class, w::commit);
        assertThrows(IllegalStateException.class, () -> w.write(f.good(1)));
        run.assertNothingPublished(dir);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    <R> void refusedRecordDoesNotPoison(Format<R> f, Target t, @TempDir Path dir) throws IOException {
        R bad = f.refused();
        if (bad == null) {
            return;   // the manifest writer refuses nothing
        }
        Run<R> run = new Run<>(f, t, dir);
        try (RecordWriter<R> w = run.open()) {
            w.write(f.good(0));
            w.write(f.good(1));
            assertThrows(IllegalArgumentException.class, () -> w.write(bad));
            w.write(f.good(2));
            w.commit();
        }
        assertArrayEquals(expected(f, RECORDS), run.published(), "the refused record left bytes behind");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    <R> void writeThatThrowsInsideTryPublishesNothing(Format<R> f, Target t, @TempDir Path dir)
            throws IOException {
        R bad = f.refused();
        if (bad == null) {
            return;
        }
        Run<R> run = new Run<>(f, t, dir);
        assertThrows(IllegalArgumentException.class, () -> {
            try (RecordWriter<R> w = run.open()) {
                w.write(f.good(0));
                w.write(bad);
                w.commit();
            }
        });
        run.assertNothingPublished(dir);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("ioFailureCases")
    <R> void ioFailurePoisonsTheWriter(Format<R> f, boolean gzip) throws IOException {
        FailingStream out = new FailingStream(100);
        RecordWriter<R> w = f.stream(out, gzip);
        IOException failed = null;
        for (int i = 0; i < 100_000 && failed == null; i++) {
            try {
                w.write(f.good(i));
                if (i % 10 == 9) {
                    w.flush();
                }
            } catch (IOException e) {
                failed = e;
            }
        }
        assertTrue(failed != null, "the failing stream never failed");
        IOException atCommit = assertThrows(IOException.class, w::commit);
        assertTrue(atCommit.getMessage().contains("earlier write failed"), atCommit.getMessage());
        assertThrows(IllegalStateException.class, () -> w.write(f.good(0)));
        w.close();
        assertFalse(out.closed, "the caller's stream was closed");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> ioFailureCases() {
        List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
        for (Format<?> f : List.of(DEEPAR, OBJECT2VEC, BLAZINGTEXT, MANIFEST)) {
            out.add(org.junit.jupiter.params.provider.Arguments.of(f, false));
            out.add(org.junit.jupiter.params.provider.Arguments.of(f, true));
        }
        return out.stream();
    }

    /** The cases that write a file (a caller's stream has no file to protect). */
    static Stream<org.junit.jupiter.params.provider.Arguments> fileCases() {
        return cases().filter(a -> a.get()[1] == Target.FILE || a.get()[1] == Target.GZIP_FILE);
    }

    /**
     * Issue 16, fault injection: an exception mid-way, a full disk, a failing publish and a second writer of the
     * same file leave an existing file intact and no temporary file, and the errors name the file.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fileCases")
    <R> void faultsLeaveTheExistingFileIntact(Format<R> f, Target t, @TempDir Path dir) throws IOException {
        WriterFaults.check(dir, "out.jsonl", 100_000, p -> {
            RecordWriter<R> w = f.file(p, t == Target.GZIP_FILE);
            int[] i = {0};
            return WriterFaults.writer(() -> w.write(f.good(i[0]++)), w::commit, w::abort);
        });
    }
}
