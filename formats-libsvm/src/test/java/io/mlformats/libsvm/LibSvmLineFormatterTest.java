package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LibSvmLineFormatterTest {

    private static String line(LibSvmLineFormatter f, int n) {
        assertEquals(n, f.length());
        return new String(f.buffer(), 0, n, StandardCharsets.US_ASCII);
    }

    @Test
    void formatsLikeTheWriterWithoutNewline() {
        LibSvmLineFormatter zero = LibSvmLineFormatter.of(LibSvmWriteOptions.defaults());
        assertEquals("1 0:0.5 3:2", line(zero, zero.format(1, new int[] {0, 3}, new double[] {0.5, 2}, 0, 2)));
        assertEquals("-1.5 1:0.1", line(zero, zero.format(-1.5, new int[] {9, 1}, new float[] {7, 0.1f}, 1, 1)));
        assertEquals("0 0:0 1:2.5 2:0", line(zero, zero.formatDense(0, new double[] {0, 2.5, 0, 99}, 3)));
        assertEquals("3", line(zero, zero.formatDense(3, new float[0], 0)));
        LibSvmLineFormatter one = LibSvmLineFormatter.of(LibSvmWriteOptions.defaults().withIndexBase(IndexBase.ONE));
        assertEquals("1.1 1:1.23 3:4.56", line(one, one.format(1.1, new int[] {2, 0}, new double[] {4.56, 1.23}, 0, 2)));
        assertEquals("2 1:1 2:0.1", line(one, one.formatDense(2, new float[] {1, 0.1f}, 2)));
    }

    @Test
    void refusedRowsLeaveTheFormatterUsable() {
        LibSvmLineFormatter f = LibSvmLineFormatter.of(LibSvmWriteOptions.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.formatDense(Double.NaN, new double[] {1}, 1));
        assertTrue(e.getMessage().contains("non-finite label NaN"), e.getMessage());
        assertEquals(0, f.length());
        assertThrows(IllegalArgumentException.class, () -> f.format(0, new int[] {1, 1}, new double[] {1, 2}, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> f.format(0, new int[] {-1}, new double[] {1}, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> f.format(0, new int[] {1}, new double[] {1}, 0, 2));
        assertEquals("0 1:1", line(f, f.format(0, new int[] {1}, new double[] {1}, 0, 1)));
        LibSvmLineFormatter lax = LibSvmLineFormatter.of(LibSvmWriteOptions.defaults().withAllowNonFinite(true));
        assertEquals("NaN 0:Infinity", line(lax, lax.formatDense(Double.NaN, new double[] {Double.POSITIVE_INFINITY}, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> LibSvmLineFormatter.of(LibSvmWriteOptions.defaults().withGzip(true)));
    }

    @Test
    void randomRowsEqualTheWritersBytes() throws IOException {
        SplittableRandom r = new SplittableRandom(12);
        for (int round = 0; round < 40; round++) {
            RandomLibSvm.Shape s = RandomLibSvm.Shape.random(r);
            List<LibSvmRow> rows = RandomLibSvm.rows(r, s, 50);
            byte[] written = LibSvmChecks.write(rows, s.writeOptions());
            LibSvmLineFormatter f = LibSvmLineFormatter.of(s.writeOptions());
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            ByteArrayOutputStream arrays = new ByteArrayOutputStream();
            for (LibSvmRow row : rows) {
                lines.write(f.buffer(), 0, f.format(row));
                lines.write('\n');
                if (!row.isMultiLabel() && !row.hasWeight() && !row.hasQid()) {
                    SparseVector v = row.features();
                    int n = v.type() == ValueType.FLOAT32
                            ? f.format(row.label(), v.indices(), v.floatValues(), 0, v.nnz())
                            : f.format(row.label(), v.indices(), v.doubleValues(), 0, v.nnz());
                    arrays.write(f.buffer(), 0, n);
                    arrays.write('\n');
                }
            }
            assertArrayEquals(written, lines.toByteArray(), "round " + round + " " + s);
            List<LibSvmRow> plain = rows.stream()
                    .filter(row -> !row.isMultiLabel() && !row.hasWeight() && !row.hasQid()).toList();
            assertArrayEquals(LibSvmChecks.write(plain, s.writeOptions()), arrays.toByteArray(), "round " + round);
        }
    }

    @Test
    void denseRowsEqualWritingEveryEntry() throws IOException {
        double[] dense = {0, -2.25, 1e-7, 0, 3};
        LibSvmRow row = LibSvmRow.float64().setLabel(1);
        for (int i = 0; i < dense.length; i++) {
            row.features().append(i, dense[i]);
        }
        byte[] written = LibSvmChecks.write(List.of(row), LibSvmWriteOptions.defaults());
        LibSvmLineFormatter f = LibSvmLineFormatter.of(LibSvmWriteOptions.defaults());
        int n = f.formatDense(1, dense, dense.length);
        assertArrayEquals(Arrays.copyOf(written, written.length - 1), Arrays.copyOf(f.buffer(), n));
        byte[] before = f.buffer();
        f.formatDense(1, dense, 2);
        assertSame(before, f.buffer(), "the buffer is reused");
    }
}
