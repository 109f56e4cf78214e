package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.ReadMode;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetReadErrorsTest {
    @TempDir
    Path dir;

    private Path sparseTable(int[][] rows) throws IOException {
        Path file = dir.resolve("s.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withLayout(FeatureLayout.SPARSE))) {
            for (int[] idx : rows) {
                LabeledRow row = new LabeledRow();
                row.addLabel(1);
                SparseVector s = SparseVector.of(ValueType.FLOAT32, 4);
                for (int i : idx) {
                    s.append(i, (float) i);
                }
                row.setFeatures(s);
                w.write(row);
            }
            w.commit();
        }
        return file;
    }

    @Test
    void notParquetIsFormatExceptionAtOffsetZero() throws IOException {
        Path file = dir.resolve("bad.parquet");
        Files.writeString(file, "1 0:1\n");
        FormatException e = assertThrows(FormatException.class, () -> ParquetFeatureReader.open(file));
        assertEquals(0, e.position().byteOffset());
        assertTrue(e.getMessage().startsWith(file + ":0: "), e.getMessage());
    }

    @Test
    void unsortedIndicesFailStrictSortLenientSkipCounted() throws IOException {
        Path file = sparseTable(new int[][] {{0, 1}, {5, 2}, {3}});
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
            assertTrue(r.next());
            FormatException e = assertThrows(FormatException.class, r::next);
            assertEquals(1, e.position().recordIndex());
            assertTrue(e.detail().contains("not strictly ascending"), e.detail());
        }
        ReadOptions lenient = ReadOptions.defaults().withMode(ReadMode.LENIENT);
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file,
                ParquetFeatureReadOptions.defaults().withRead(lenient))) {
            assertTrue(r.next());
            assertTrue(r.next());
            assertEquals(2, r.current().sparse().index(0));
            assertEquals(5, r.current().sparse().index(1));
            assertEquals(5f, r.current().sparse().floatValue(1));
        }
        ReadOptions skip = ReadOptions.defaults().withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file,
                ParquetFeatureReadOptions.defaults().withRead(skip))) {
            assertTrue(r.next());
            assertTrue(r.next());
            assertEquals(3, r.current().sparse().index(0));
            assertFalse(r.next());
            assertEquals(1, r.stats().skipped());
            assertEquals(1, r.stats().errors().get(0).position().recordIndex());
        }
    }

    @Test
    void indexBaseOneShiftsAndRejectsZero() throws IOException {
        Path file = sparseTable(new int[][] {{1, 3}, {0}});
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file,
                ParquetFeatureReadOptions.defaults().withIndexBase(1))) {
            assertTrue(r.next());
            assertEquals(0, r.current().sparse().index(0));
            assertEquals(2, r.current().sparse().index(1));
            FormatException e = assertThrows(FormatException.class, r::next);
            assertTrue(e.detail().contains("index 0 out of range"), e.detail());
        }
    }

    @Test
    void missingNamedColumnIsClear() throws IOException {
        Path file = sparseTable(new int[][] {{1}});
        FormatException e = assertThrows(FormatException.class, () -> ParquetFeatureReader.open(file,
                ParquetFeatureReadOptions.defaults().withLabelColumn("y")));
        assertTrue(e.detail().contains("label column 'y' not found; columns: [label, indices, values]"), e.detail());
    }

    @Test
    void defaultLabelIsFirstColumnAndNoLabelOption() throws IOException {
        Path file = dir.resolve("c.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withNumFeatures(2).withLabelColumn("target").withValueType(ValueType.FLOAT64))) {
            LabeledRow row = new LabeledRow();
            row.addLabel(7);
            row.setFeatures(DenseVector.ofFloat64(1.5, 2.5));
            w.write(row);
            w.commit();
        }
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
            assertEquals("target", r.labelColumn());
            assertEquals(List.of("f0", "f1"), r.featureColumns());
            assertTrue(r.next());
            assertEquals(7.0, r.current().label(0));
        }
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file,
                ParquetFeatureReadOptions.defaults().withNoLabel())) {
            assertEquals(List.of("target", "f0", "f1"), r.featureColumns());
            assertTrue(r.next());
            assertEquals(0, r.current().labelCount());
            assertEquals(3, r.current().dense().size());
        }
    }
}
