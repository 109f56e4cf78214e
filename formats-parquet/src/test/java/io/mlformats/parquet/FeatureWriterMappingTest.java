package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How ParquetFeatureWriter maps a LabeledRow onto each layout (the mapping the CLI used to do). */
class FeatureWriterMappingTest {
    @TempDir
    Path dir;

    private static LabeledRow sparseRow(double label, boolean absentZero, int... indices) {
        LabeledRow row = new LabeledRow();
        row.addLabel(label);
        SparseVector s = SparseVector.of(ValueType.FLOAT32, 4);
        for (int i : indices) {
            s.append(i, i + 0.5f);
        }
        if (absentZero) {
            row.setFeaturesAbsentZero(s);
        } else {
            row.setFeatures(s);
        }
        return row;
    }

    @Test
    void refusesMultiLabelQidAndMissingLabelWithoutPoisoning() throws IOException {
        Path file = dir.resolve("t.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file,
                ParquetFeatureWriteOptions.defaults().withNumFeatures(2))) {
            LabeledRow multi = FeatureRows.denseRow(1, 1f, 2f);
            multi.addLabel(2);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.write(multi)).getMessage()
                    .contains("multi-label"));
            LabeledRow qid = FeatureRows.denseRow(1, 1f, 2f);
            qid.setQid(4);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.write(qid)).getMessage()
                    .contains("qid"));
            LabeledRow none = FeatureRows.denseRow(1, 1f, 2f);
            none.clear();
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.write(none)).getMessage()
                    .contains("no label"));
            assertThrows(IllegalArgumentException.class, () -> w.write(sparseRow(1, false, 2)));
            w.write(FeatureRows.denseRow(3, 1f, 2f));
            w.commit();
        }
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
            assertTrue(r.next());
            assertEquals(3.0, r.current().label(0));
            assertFalse(r.next());
        }
    }

    @Test
    void columnsTakeWidthFromFirstRowAndScatterSparseRows() throws IOException {
        Path file = dir.resolve("c.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file)) {
            w.write(FeatureRows.denseRow(0, 1f, 2f, 3f, 4f));
            w.write(sparseRow(1, false, 1, 3));
            w.write(sparseRow(2, true, 1, 3));
            w.commit();
        }
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
            assertEquals(List.of("f0", "f1", "f2", "f3"), r.featureColumns());
            assertTrue(r.next());
            assertEquals(DenseVector.ofFloat32(1f, 2f, 3f, 4f), r.current().dense());
            assertTrue(r.next());
            assertEquals(DenseVector.ofFloat32(Float.NaN, 1.5f, Float.NaN, 3.5f), r.current().dense(),
                    "absent entries of a LibSVM-like row are missing values");
            assertTrue(r.next());
            assertEquals(DenseVector.ofFloat32(0f, 1.5f, 0f, 3.5f), r.current().dense(),
                    "absent entries of a RecordIO-like row are zeros");
            assertFalse(r.next());
        }
    }

    @Test
    void sparseLayoutWritesDenseRowsWithoutTheirMissingValues() throws IOException {
        Path file = dir.resolve("s.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withLayout(FeatureLayout.SPARSE).withNumFeatures(3))) {
            w.write(FeatureRows.denseRow(1, 7f, Float.NaN, 9f));
            assertThrows(IllegalArgumentException.class, () -> w.write(sparseRow(1, false, 3)));
            w.commit();
        }
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
            assertTrue(r.next());
            SparseVector s = r.current().sparse();
            assertEquals(SparseVector.ofFloat32(3, new int[] {0, 2}, new float[] {7f, 9f}), s);
        }
    }

    @Test
    void emptyDefaultTableCommits() throws IOException {
        Path file = dir.resolve("e.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file)) {
            w.commit();
        }
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
            assertEquals(0, r.totalRows());
            assertFalse(r.next());
        }
    }
}
