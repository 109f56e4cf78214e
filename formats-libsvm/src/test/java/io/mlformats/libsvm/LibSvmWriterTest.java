package io.mlformats.libsvm;

import io.mlformats.testkit.Golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibSvmWriterTest {
    @TempDir
    Path dir;

    private static String text(List<LibSvmRow> rows, LibSvmWriteOptions o) throws IOException {
        return new String(LibSvmChecks.write(rows, o), StandardCharsets.US_ASCII);
    }

    private static LibSvmRow row(double label, int[] idx, double[] values) {
        LibSvmRow r = LibSvmRow.float64().setLabel(label);
        for (int i = 0; i < idx.length; i++) {
            r.features().append(idx[i], values[i]);
        }
        return r;
    }

    @Test
    void canonicalBytes() throws IOException {
        // Spark's saveAsLibSVMFile writes "1.1 1:1.23 3:4.56" (1-based); we write the same, with shortest labels.
        LibSvmRow spark = row(1.1, new int[] {0, 2}, new double[] {1.23, 4.56});
        assertEquals("1.1 1:1.23 3:4.56\n", text(List.of(spark), LibSvmWriteOptions.defaults()
                .withIndexBase(IndexBase.ONE)));
        LibSvmRow f32 = LibSvmRow.float32().setLabel(0).setWeight(0.5).setQid(-3);
        f32.features().append(2, 0.1f);
        f32.features().append(0, 1f); // unsorted: written sorted
        LibSvmRow empty = LibSvmRow.float32().setLabel(3);
        assertEquals("0:0.5 qid:-3 0:1 2:0.1\n3\n", text(List.of(f32, empty), LibSvmWriteOptions.defaults()));
    }

    @Test
    void multiLabelLikeScikitLearnButWithoutTrailingSpaces() throws IOException {
        // sklearn test_dump_multilabel writes "1 0:1 2:3 4:5", "0,2 " and "0,1 1:5 3:1"; we drop the trailing space.
        LibSvmRow a = LibSvmRow.float64().setMultiLabel().addLabel(1);
        a.features().append(0, 1.0);
        a.features().append(2, 3.0);
        a.features().append(4, 5.0);
        LibSvmRow b = LibSvmRow.float64().setMultiLabel().addLabel(0).addLabel(2);
        LibSvmRow c = LibSvmRow.float64().setMultiLabel();
        c.features().append(1, 5.0);
        assertEquals("1 0:1 2:3 4:5\n0,2\n 1:5\n", text(List.of(a, b, c), LibSvmWriteOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> text(List.of(LibSvmRow.float64().setMultiLabel()),
                LibSvmWriteOptions.defaults()));
    }

    @Test
    void refusedRowsAreNotWrittenAndTheWriterGoesOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LibSvmWriter w = LibSvmWriter.open(out, LibSvmWriteOptions.defaults())) {
            w.write(row(1, new int[] {0}, new double[] {1}));
            assertThrows(IllegalArgumentException.class, () -> w.write(row(1, new int[] {0, 1},
                    new double[] {2, Double.POSITIVE_INFINITY})));
            assertThrows(IllegalArgumentException.class, () -> w.write(row(Double.NaN, new int[0], new double[0])));
            assertThrows(IllegalArgumentException.class, () -> w.write(row(1, new int[] {1, 1}, new double[] {1, 2})));
            assertThrows(IllegalArgumentException.class, () -> w.write(row(1, new int[] {-1}, new double[] {1})));
            w.write(row(0, new int[] {5}, new double[] {-0.0}));
            w.commit();
        }
        assertEquals("1 0:1\n0 5:-0\n", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void filesAppearOnlyWhenComplete() throws IOException {
        Path target = dir.resolve("out.svm.gz");
        try (LibSvmWriter w = LibSvmWriter.open(target, LibSvmWriteOptions.defaults().withGzip(true))) {
            w.write(row(1, new int[] {3}, new double[] {2.5}));
            assertFalse(Files.exists(target));
            w.commit();
        }
        assertTrue(Files.exists(target));
        CsrMatrix m = LibSvmLoader.load(target, LibSvmReadOptions.defaults().withValueType(ValueType.FLOAT64));
        assertEquals(2.5, m.get(0, 3));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }

        Path failed = dir.resolve("failed.svm");
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        LibSvmWriter w = LibSvmWriter.open(broken, LibSvmWriteOptions.defaults());
        w.write(row(1, new int[0], new double[0]));
        assertThrows(IOException.class, w::flush);
        assertThrows(IOException.class, w::commit);
        w.close();

        LibSvmWriter aborted = LibSvmWriter.open(failed, LibSvmWriteOptions.defaults());
        aborted.write(row(1, new int[0], new double[0]));
        aborted.abort();
        aborted.close();
        assertFalse(Files.exists(failed));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void matrixAndRowsWriteTheSameBytes() throws IOException {
        byte[] src = Golden.bytes("libsvm/peer/dmlc-core/inline_test_qid.txt");
        LibSvmReadOptions o = LibSvmReadOptions.defaults();
        CsrMatrix m = LibSvmLoader.load(src, o);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        try (LibSvmWriter w = LibSvmWriter.open(a, LibSvmWriteOptions.defaults())) {
            w.write(m);
            w.commit();
        }
        byte[] b = LibSvmChecks.write(LibSvmChecks.readRows(src, o), LibSvmWriteOptions.defaults());
        assertArrayEquals(b, a.toByteArray());
        assertTrue(a.toString(StandardCharsets.US_ASCII).startsWith("3 qid:1 1:1 2:1 3:0 4:0.2 5:0\n"));
        assertEquals(m, LibSvmLoader.load(a.toByteArray(), o));
    }
}
