package io.mlformats.parquet;

import io.mlformats.testkit.WriterFaults;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.FormatException;
import io.mlformats.core.RecordWriter;
import io.mlformats.core.vector.LabeledRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.OutputFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The core RecordWriter lifecycle, for both Parquet writers, on local files and on a caller's OutputFile. */
class WriterLifecycleTest {
    @TempDir
    Path dir;

    /** One of the module's writers, driven the same way. */
    enum Kind {
        FEATURES {
            @Override
            RecordWriter<Object> open(Path file) throws IOException {
                return cast(ParquetFeatureWriter.open(file, options()));
            }

            @Override
            RecordWriter<Object> open(OutputFile file, long rowGroupBytes) throws IOException {
                return cast(ParquetFeatureWriter.open(file, options().withRowGroupBytes(rowGroupBytes)));
            }

            private ParquetFeatureWriteOptions options() {
                return ParquetFeatureWriteOptions.defaults().withNumFeatures(3);
            }

            @Override
            Object row(int i) {
                return FeatureRows.denseRow(i, i, i + 0.5f, -i);
            }

            @Override
            Object refused() {
                return FeatureRows.denseRow(1, 1f, 2f);
            }

            @Override
            List<Double> read(InputFile file) throws IOException {
                List<Double> out = new ArrayList<>();
                try (ParquetFeatureReader r = ParquetFeatureReader.open(file, ParquetFeatureReadOptions.defaults())) {
                    while (r.next()) {
                        LabeledRow row = r.current();
                        assertEquals(row.label(0) + 0.5, row.dense().value(1));
                        out.add(row.label(0));
                    }
                }
                return out;
            }
        },
        DEEPAR {
            @Override
            RecordWriter<Object> open(Path file) throws IOException {
                return cast(DeepArParquetWriter.open(file, DeepArParquetWriteOptions.defaults()));
            }

            @Override
            RecordWriter<Object> open(OutputFile file, long rowGroupBytes) throws IOException {
                return cast(DeepArParquetWriter.open(file,
                        DeepArParquetWriteOptions.defaults().withRowGroupBytes(rowGroupBytes)));
            }

            @Override
            Object row(int i) {
                return new DeepArParquetSeries("2020-01-01 00:00:00", new double[] {i, i + 0.5, -i}, null, null);
            }

            @Override
            Object refused() {
                return new DeepArParquetSeries("2020-01-01 00:00:00", new double[] {1}, new long[] {1}, null);
            }

            @Override
            List<Double> read(InputFile file) throws IOException {
                List<Double> out = new ArrayList<>();
                try (DeepArParquetReader r = DeepArParquetReader.open(file, DeepArParquetReadOptions.defaults())) {
                    while (r.next()) {
                        assertEquals(r.current().target(0) + 0.5, r.current().target(1));
                        out.add(r.current().target(0));
                    }
                }
                return out;
            }
        };

        abstract RecordWriter<Object> open(Path file) throws IOException;

        abstract RecordWriter<Object> open(OutputFile file, long rowGroupBytes) throws IOException;

        /** A valid row whose first value is {@code i}. */
        abstract Object row(int i);

        /** A row the writer refuses with IllegalArgumentException. */
        abstract Object refused();

        /** The first value of every row read back. */
        abstract List<Double> read(InputFile file) throws IOException;

        List<Double> read(Path file) throws IOException {
            return read(new LocalInputFile(file));
        }

        @SuppressWarnings("unchecked")
        static RecordWriter<Object> cast(RecordWriter<?> w) {
            return (RecordWriter<Object>) w;
        }
    }

    private static List<Double> firstValues(int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add((double) i);
        }
        return out;
    }

    private void assertDirHolds(Path... files) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(files), s.sorted().toList(), "files in the directory (temporary files left?)");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void callerThrowsMidLoopLeavesNoFile(Kind kind) throws IOException {
        Path file = dir.resolve("out.parquet");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (RecordWriter<Object> w = kind.open(file)) {
                w.write(kind.row(0));
                w.write(kind.row(1));
                throw new IllegalStateException("caller failed mid-way");
            }
        });
        assertEquals("caller failed mid-way", e.getMessage());
        assertDirHolds();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void callerThrowsLeavesExistingTargetUntouched(Kind kind) throws IOException {
        Path file = dir.resolve("out.parquet");
        try (RecordWriter<Object> w = kind.open(file)) {
            w.write(kind.row(7));
            w.commit();
        }
        byte[] before = Files.readAllBytes(file);
        assertThrows(IllegalStateException.class, () -> {
            try (RecordWriter<Object> w = kind.open(file)) {
                w.write(kind.row(0));
                throw new IllegalStateException("caller failed");
            }
        });
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(7.0), kind.read(file));
        assertDirHolds(file);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void commitPublishesThenCloseIsANoOp(Kind kind) throws IOException {
        Path file = dir.resolve("out.parquet");
        RecordWriter<Object> w = kind.open(file);
        for (int i = 0; i < 5; i++) {
            w.write(kind.row(i));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "one temporary file while writing");
        }
        assertFalse(Files.exists(file), "published before commit");
        w.commit();
        byte[] committed = Files.readAllBytes(file);
        w.close();
        w.close();
        assertArrayEquals(committed, Files.readAllBytes(file));
        assertEquals(firstValues(5), kind.read(file));
        assertDirHolds(file);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void closeWithoutCommitAbortsAndCloseTwiceIsFine(Kind kind) throws IOException {
        Path file = dir.resolve("out.parquet");
        RecordWriter<Object> w = kind.open(file);
        w.write(kind.row(0));
        w.close();
        w.close();
        assertDirHolds();
        assertThrows(IllegalStateException.class, () -> w.write(kind.row(1)));
        assertThrows(IllegalStateException.class, w::commit);
        assertDirHolds();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void abortIsIdempotentThenCloseAndCommitFail(Kind kind) throws IOException {
        Path file = dir.resolve("out.parquet");
        RecordWriter<Object> w = kind.open(file);
        w.write(kind.row(0));
        w.abort();
        w.abort();
        w.close();
        assertThrows(IllegalStateException.class, w::commit);
        assertThrows(IllegalStateException.class, () -> w.write(kind.row(1)));
        assertDirHolds();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void commitTwiceAndWriteAfterCommitThrow(Kind kind) throws IOException {
        Path file = dir.resolve("out.parquet");
        try (RecordWriter<Object> w = kind.open(file)) {
            w.write(kind.row(3));
            w.commit();
            assertThrows(IllegalStateException.class, w::commit);
            assertThrows(IllegalStateException.class, () -> w.write(kind.row(4)));
            w.abort();
        }
        assertEquals(List.of(3.0), kind.read(file));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusedRowDoesNotPoison(Kind kind) throws IOException {
        Path file = dir.resolve("out.parquet");
        try (RecordWriter<Object> w = kind.open(file)) {
            w.write(kind.row(0));
            assertThrows(IllegalArgumentException.class, () -> w.write(kind.refused()));
            w.write(kind.row(1));
            w.commit();
        }
        assertEquals(firstValues(2), kind.read(file));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failedWritePoisonsAndCommitDiscards(Kind kind) throws IOException {
        MemoryFiles.Out out = new MemoryFiles.Out(64);
        RecordWriter<Object> w = kind.open(out, 1024);
        IOException failure = null;
        for (int i = 0; i < 100_000 && failure == null; i++) {
            try {
                w.write(kind.row(i));
            } catch (IOException e) {
                failure = e;
            }
        }
        assertTrue(failure != null, "a row group flush into the failing stream never happened");
        assertTrue(failure.getMessage().contains("disk full (test)")
                || String.valueOf(failure.getCause()).contains("disk full (test)"), failure.toString());
        assertThrows(IOException.class, () -> w.write(kind.row(0)));
        IOException e = assertThrows(IOException.class, w::commit);
        assertTrue(e.getMessage().contains("earlier write"), e.getMessage());
        assertThrows(IllegalStateException.class, w::commit);
        w.close();
        assertFalse(MemoryFiles.endsWithMagic(out.bytes()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void outputFileCommitWritesFooterAndClosesStream(Kind kind) throws IOException {
        MemoryFiles.Out out = new MemoryFiles.Out();
        try (RecordWriter<Object> w = kind.open(out, 128L << 20)) {
            for (int i = 0; i < 4; i++) {
                w.write(kind.row(i));
            }
            assertFalse(out.closed);
            w.commit();
        }
        assertEquals(1, out.creates);
        assertTrue(out.closed, "commit closes the stream Parquet created");
        assertTrue(MemoryFiles.endsWithMagic(out.bytes()));
        assertEquals(firstValues(4), kind.read(new MemoryFiles.In(out.bytes(), "memory:out.parquet")));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void outputFileWithoutCommitHasNoFooterAndStaysOpen(Kind kind) throws IOException {
        MemoryFiles.Out out = new MemoryFiles.Out();
        try (RecordWriter<Object> w = kind.open(out, 1024)) {
            for (int i = 0; i < 2000; i++) {
                w.write(kind.row(i));
            }
        }
        byte[] b = out.bytes();
        assertTrue(b.length > 4, "row groups were flushed before the abort: " + b.length + " bytes");
        assertArrayEquals("PAR1".getBytes(), java.util.Arrays.copyOf(b, 4), "header");
        assertFalse(MemoryFiles.endsWithMagic(b), "an aborted output must have no footer");
        assertFalse(out.closed, "abort leaves the caller's stream open");
        FormatException e = assertThrows(FormatException.class,
                () -> kind.read(new MemoryFiles.In(b, "memory:aborted.parquet")));
        // Refused at the missing end magic, before parquet-java reads anything (issue 16, item 4).
        assertTrue(e.getMessage().startsWith("memory:aborted.parquet:" + (b.length - 4) + ": not a Parquet file,"
                + " or a truncated one"), e.getMessage());
    }

    /**
     * Issue 16, fault injection: an exception mid-way, a full disk (met when the row group and footer are
     * written), a failing publish and a second writer of the same file leave an existing file intact and no
     * temporary file, and the errors name the file.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void faultsLeaveTheExistingFileIntact(Kind kind) throws IOException {
        WriterFaults.check(dir, "out.parquet", 20_000, p -> {
            RecordWriter<Object> w = kind.open(p);
            int[] i = {0};
            return WriterFaults.writer(() -> w.write(kind.row(i[0]++)), w::commit, w::abort);
        });
    }
}
