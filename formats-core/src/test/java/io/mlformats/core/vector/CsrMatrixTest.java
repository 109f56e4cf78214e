package io.mlformats.core.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mlformats.testkit.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {

    @Test
    void buildsRowsWithOptionalWeightsAndQids() {
        SparseVector v = SparseVector.float32(2);
        CsrMatrix.Builder b = CsrMatrix.builder(ValueType.FLOAT32);
        v.append(1, 0.5f);
        v.append(7, -2f);
        b.addRow(v, 1.0);
        v.clear();
        b.addRow(v, 0.0, 2.5, true, 0, false);
        v.clear();
        v.append(3, 4f);
        b.addRow(v, 1.0, 0, false, 42, true);
        CsrMatrix m = b.build();
        assertEquals(3, m.numRows());
        assertEquals(8, m.numCols());
        assertEquals(3, m.nnz());
        assertArrayEquals(new long[] {0, 2, 2, 3}, m.indptr());
        assertArrayEquals(new int[] {1, 7, 3}, m.indices());
        assertArrayEquals(new float[] {0.5f, -2f, 4f}, m.floatValues());
        assertNull(m.doubleValues());
        assertArrayEquals(new double[] {1, 0, 1}, m.labels());
        assertArrayEquals(new double[] {1, 2.5, 1}, m.weights(), "rows without a weight read as 1");
        assertArrayEquals(new long[] {0, 0, 42}, m.qids(), "rows without a qid read as 0");
        assertEquals(-2.0, m.get(0, 7));
        assertEquals(0.0, m.get(0, 3));
        assertEquals(SparseVector.ofFloat32(8, new int[] {3}, new float[] {4f}), m.row(2, SparseVector.float32(1)));
    }

    @Test
    void multiLabelRowsKeepEarlierSingleLabelRows() {
        SparseVector v = SparseVector.float64(1);
        CsrMatrix.Builder b = CsrMatrix.builder(ValueType.FLOAT64).numCols(100);
        b.addRow(v, 3.0);
        b.addMultiLabelRow(v, new double[] {1, 2}, 2, 0, false, 0, false);
        b.addMultiLabelRow(v, new double[0], 0, 0, false, 0, false);
        b.addRow(v, 5.0);
        CsrMatrix m = b.build();
        assertEquals(100, m.numCols());
        assertArrayEquals(new long[] {0, 1, 3, 3, 4}, m.labelIndptr());
        assertArrayEquals(new double[] {3, 1, 2, 5}, m.labelValues());
        assertEquals(Double.NaN, m.labels()[2]);
    }

    @Test
    void buildingFromPartsEqualsBuildingInOneGo() {
        // Up to five parts, each with or without weights, qids and label lists, float32 or float64, some empty.
        long base = Seeds.base();
        for (int c = 0; c < 300; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            ValueType type = r.nextBoolean() ? ValueType.FLOAT32 : ValueType.FLOAT64;
            CsrMatrix.Builder whole = CsrMatrix.builder(type);
            java.util.List<CsrMatrix.Builder> parts = new java.util.ArrayList<>();
            SparseVector v = SparseVector.of(type, 4);
            for (int p = r.nextInt(1, 6); p > 0; p--) {
                CsrMatrix.Builder part = CsrMatrix.builder(type);
                parts.add(part);
                boolean weights = r.nextInt(3) == 0;
                boolean qids = r.nextInt(3) == 0;
                boolean lists = r.nextInt(8) == 0;
                for (int i = r.nextInt(0, 400); i > 0; i--) {
                    v.clear();
                    int idx = -1;
                    for (int k = r.nextInt(6); k > 0; k--) {
                        idx += r.nextInt(1, 50);
                        v.append(idx, r.nextGaussian());
                    }
                    double label = r.nextInt(3);
                    boolean hw = weights && r.nextBoolean();
                    boolean hq = qids && r.nextBoolean();
                    long qid = r.nextLong();
                    boolean list = lists && r.nextInt(4) == 0;
                    for (CsrMatrix.Builder b : java.util.List.of(whole, part)) {
                        if (list) {
                            b.addMultiLabelRow(v, new double[] {label, 7}, 2, 0, false, qid, hq);
                        } else {
                            b.addRow(v, label, 2.5, hw, qid, hq);
                        }
                    }
                }
            }
            if (r.nextBoolean()) {
                whole.numCols(999);
                parts.get(0).numCols(999);
            }
            assertEquals(whole.build(), CsrMatrix.Builder.build(parts), Seeds.describe(base, c));
        }
    }

    @Test
    void appendingBuildersEqualsBuildingInOneGo() {
        long base = Seeds.base();
        for (int c = 0; c < 200; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            CsrMatrix.Builder whole = CsrMatrix.builder(ValueType.FLOAT32);
            CsrMatrix.Builder left = CsrMatrix.builder(ValueType.FLOAT32);
            CsrMatrix.Builder right = CsrMatrix.builder(ValueType.FLOAT32);
            int rows = r.nextInt(0, 3000);
            int cut = rows == 0 ? 0 : r.nextInt(rows + 1);
            boolean weights = r.nextBoolean();
            SparseVector v = SparseVector.float32(4);
            for (int i = 0; i < rows; i++) {
                v.clear();
                int idx = 0;
                for (int k = r.nextInt(6); k > 0; k--) {
                    idx += r.nextInt(1, 50);
                    v.append(idx, (float) r.nextGaussian());
                }
                double label = r.nextInt(3);
                boolean hw = weights && r.nextBoolean();
                whole.addRow(v, label, 0.5, hw, i, true);
                (i < cut ? left : right).addRow(v, label, 0.5, hw, i, true);
            }
            CsrMatrix joined = left.append(right).build();
            CsrMatrix expected = whole.build();
            assertEquals(expected, joined, Seeds.describe(base, c));
        }
    }

    @Test
    void sortByIndexKeepsPairsTogether() {
        SparseVector v = SparseVector.float32(2);
        v.append(9, 1f);
        v.append(2, 2f);
        v.append(5, 3f);
        v.sortByIndex();
        assertEquals(SparseVector.ofFloat32(0, new int[] {2, 5, 9}, new float[] {2f, 3f, 1f}), v);
    }
}
