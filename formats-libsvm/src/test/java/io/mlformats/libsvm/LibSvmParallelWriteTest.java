package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LibSvmWriter#write(CsrMatrix, int)} writes exactly what the one-thread write does. */
class LibSvmParallelWriteTest {

    @Test
    void parallelWriteEqualsSequentialWriteOnRandomMatrices() throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < 150; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            RandomLibSvm.Shape shape = RandomLibSvm.Shape.random(r);
            byte[] text = LibSvmChecks.write(RandomLibSvm.rows(r, shape, r.nextInt(0, 300)), shape.writeOptions());
            CsrMatrix m = LibSvmLoader.load(text, shape.readOptions());
            byte[] expected = write(m, shape.writeOptions(), 1, LibSvmWriter.BLOCK_NNZ);
            assertEquals(m, LibSvmLoader.load(expected, shape.readOptions()), "the sequential write reads back");
            int threads = r.nextInt(2, 9);
            int blockNnz = r.nextInt(1, 60);
            assertArrayEquals(expected, write(m, shape.writeOptions(), threads, blockNnz),
                    Seeds.describe(base, c) + ": " + threads + " threads, blocks of " + blockNnz + " pairs");
        }
    }

    @Test
    void aRefusedRowStopsAtTheSameByteAsTheSequentialWrite() throws IOException {
        CsrMatrix.Builder b = CsrMatrix.builder(ValueType.FLOAT32);
        for (int row = 0; row < 500; row++) {
            SparseVector v = SparseVector.of(ValueType.FLOAT32, 3);
            v.append(row % 7, row == 321 ? Float.NaN : row * 0.5f);
            v.append(10 + row % 3, 1f);
            b.addRow(v, row % 2);
        }
        CsrMatrix m = b.build();
        ByteArrayOutputStream sequential = new ByteArrayOutputStream();
        LibSvmWriter one = LibSvmWriter.open(sequential, LibSvmWriteOptions.defaults());
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> one.write(m));
        one.commit();
        ByteArrayOutputStream parallel = new ByteArrayOutputStream();
        LibSvmWriter two = LibSvmWriter.open(parallel, LibSvmWriteOptions.defaults());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> two.write(m, 3, 7));
        two.commit();
        assertEquals(e1.getMessage(), e2.getMessage());
        assertArrayEquals(sequential.toByteArray(), parallel.toByteArray());
        assertEquals(321, sequential.toString().split("\n").length, "rows before the refused one");
    }

    @Test
    void writesAFileAtomicallyOnSeveralThreads(@TempDir Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        RandomLibSvm.Shape shape = new RandomLibSvm.Shape(ValueType.FLOAT32, IndexBase.ONE, false, false, false,
                100_000);
        byte[] text = LibSvmChecks.write(RandomLibSvm.rows(r, shape, 2_000), shape.writeOptions());
        CsrMatrix m = LibSvmLoader.load(text, shape.readOptions());
        Path out = dir.resolve("m.svm");
        try (LibSvmWriter w = LibSvmWriter.open(out, shape.writeOptions())) {
            w.write(m, 2);
            w.commit();
        }
        assertArrayEquals(text, Files.readAllBytes(out));
        assertThrows(IllegalArgumentException.class, () -> LibSvmWriter.open(new ByteArrayOutputStream(),
                LibSvmWriteOptions.defaults()).write(m, 0));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(
                t -> t.getName().startsWith("libsvm-write-") && t.isAlive()), "workers are joined");
    }

    @Test
    void anInterruptStopsTheWriteAndEveryFormattingThread() throws IOException {
        CsrMatrix.Builder b = CsrMatrix.builder(ValueType.FLOAT32);
        for (int row = 0; row < 20_000; row++) {
            SparseVector v = SparseVector.of(ValueType.FLOAT32, 2);
            v.append(row % 7, row * 0.25f);
            v.append(10, 1f);
            b.addRow(v, row % 2);
        }
        CsrMatrix m = b.build();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream interruptsTheWriter = new OutputStream() {
            @Override
            public void write(int x) {
                sink.write(x);
            }

            @Override
            public void write(byte[] src, int off, int len) {
                Thread.currentThread().interrupt(); // an interrupt arrives while the write is under way
                sink.write(src, off, len);
            }
        };
        LibSvmWriter w = LibSvmWriter.open(interruptsTheWriter, LibSvmWriteOptions.defaults());
        try {
            assertThrows(InterruptedIOException.class, () -> w.write(m, 3, 64));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(
                t -> t.getName().startsWith("libsvm-write-") && t.isAlive()), "no formatting thread left running");
        assertTrue(sink.size() < 20_000 * 10, "the write stopped early: " + sink.size() + " bytes");
        assertThrows(IOException.class, w::commit, "an interrupted write poisons the writer");
    }

    private static byte[] write(CsrMatrix m, LibSvmWriteOptions o, int threads, int blockNnz) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LibSvmWriter w = LibSvmWriter.open(out, o)) {
            w.write(m, threads, blockNnz);
            w.commit();
        }
        return out.toByteArray();
    }
}
