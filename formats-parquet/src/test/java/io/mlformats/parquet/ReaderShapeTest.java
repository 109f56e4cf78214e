package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.testkit.AllocationMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reader shape: InputFile input, current() state rules, reused views, no allocation per record. */
class ReaderShapeTest {
    @TempDir
    Path dir;

    private Path sparseTable() throws IOException {
        Path file = dir.resolve("s.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withLayout(FeatureLayout.SPARSE).withNumFeatures(10).withValueType(ValueType.FLOAT64)
                .withWeight(true))) {
            LabeledRow row = new LabeledRow();
            SparseVector s = SparseVector.of(ValueType.FLOAT64, 4);
            row.setFeatures(s);
            for (int i = 0; i < 3; i++) {
                row.clear();
                row.addLabel(i);
                row.setWeight(i + 0.25);
                s.clear();
                s.append(i, i * 1.5);
                s.append(i + 5, -i);
                w.writeRow(row);
            }
            w.commit();
        }
        return file;
    }

    private Path deepArTable(int series, int length) throws IOException {
        Path file = dir.resolve("d.parquet");
        try (DeepArParquetWriter w = DeepArParquetWriter.open(file,
                DeepArParquetWriteOptions.defaults().withCat(true).withDynamicFeat(true))) {
            for (int i = 0; i < series; i++) {
                double[] t = new double[length];
                double[] f = new double[length];
                for (int k = 0; k < length; k++) {
                    t[k] = i + k * 0.5;
                    f[k] = -k;
                }
                w.write(new DeepArParquetSeries("2021-03-04 05:06:07", t, new long[] {i, 2L * i},
                        new double[][] {f}));
            }
            w.commit();
        }
        return file;
    }

    @Test
    void featureReaderReadsAnInputFileThatIsNotALocalFile() throws IOException {
        byte[] bytes = Files.readAllBytes(sparseTable());
        MemoryFiles.In in = new MemoryFiles.In(bytes, "memory:s.parquet");
        try (ParquetFeatureReader r = ParquetFeatureReader.open(in,
                ParquetFeatureReadOptions.defaults().withWeightColumn("weight"))) {
            assertEquals(FeatureLayout.SPARSE, r.layout());
            assertEquals(10, r.declaredDimension());
            for (int i = 0; i < 3; i++) {
                assertTrue(r.next());
                LabeledRow row = r.currentRow();
                assertEquals("memory:s.parquet", r.position().source());
                assertEquals(i, r.position().recordIndex());
                assertEquals(1, row.labelCount());
                assertEquals(i, row.label(0));
                assertEquals(i + 0.25, row.weight());
                assertTrue(row.isSparse());
                assertEquals(2, row.sparse().nnz());
                assertEquals(i, row.sparse().index(0));
                assertEquals(i * 1.5, row.sparse().value(0));
                assertEquals(i + 5, row.sparse().index(1));
                assertEquals(-i, row.sparse().value(1));
            }
            assertFalse(r.next());
        }
    }

    @Test
    void deepArReaderReadsAnInputFileThatIsNotALocalFile() throws IOException {
        byte[] bytes = Files.readAllBytes(deepArTable(2, 3));
        try (DeepArParquetReader r = DeepArParquetReader.open(new MemoryFiles.In(bytes, "memory:d"),
                DeepArParquetReadOptions.defaults())) {
            for (int i = 0; i < 2; i++) {
                assertTrue(r.next());
                DeepArParquetSeriesView v = r.current();
                assertEquals("2021-03-04 05:06:07", v.start().toString());
                assertEquals(3, v.length());
                assertEquals(i + 1.0, v.target(2));
                assertEquals(2, v.catCount());
                assertEquals(2L * i, v.cat(1));
                assertEquals(1, v.dynamicFeatCount());
                assertEquals(-2.0, v.dynamicFeat(0, 2));
                assertThrows(IndexOutOfBoundsException.class, () -> v.target(3));
            }
            assertFalse(r.next());
        }
    }

    @Test
    void currentBeforeNextAndAfterEndThrow() throws IOException {
        try (ParquetFeatureReader r = ParquetFeatureReader.open(sparseTable())) {
            assertThrows(IllegalStateException.class, r::current);
            assertThrows(IllegalStateException.class, r::currentRow);
            while (r.next()) {
                assertSame(r.current(), r.currentRow());
            }
            assertThrows(IllegalStateException.class, r::current);
            assertThrows(IllegalStateException.class, r::currentRow);
        }
        try (DeepArParquetReader r = DeepArParquetReader.open(deepArTable(2, 3))) {
            assertThrows(IllegalStateException.class, r::current);
            assertTrue(r.next());
            r.current();
            assertTrue(r.next());
            assertFalse(r.next());
            assertThrows(IllegalStateException.class, r::current);
        }
    }

    @Test
    void viewsAreReusedAndCopiesAreIndependent() throws IOException {
        try (DeepArParquetReader r = DeepArParquetReader.open(deepArTable(2, 3))) {
            assertTrue(r.next());
            DeepArParquetSeriesView first = r.current();
            DeepArParquetSeries kept = first.copy();
            assertTrue(r.next());
            assertSame(first, r.current());
            assertEquals(1.0, r.current().target(0));
            assertEquals(0.0, kept.target()[0]);
            assertNotSame(kept, r.current().copy());
            assertEquals(new DeepArParquetSeries("2021-03-04 05:06:07", new double[] {1, 1.5, 2}, new long[] {1, 2},
                    new double[][] {{0, -1, -2}}), r.current().copy());
        }
        try (ParquetFeatureReader r = ParquetFeatureReader.open(sparseTable())) {
            assertTrue(r.next());
            LabeledRow first = r.current();
            LabeledRow kept = first.copy();
            assertTrue(r.next());
            assertSame(first, r.current());
            assertEquals(0.0, kept.label(0));
            assertEquals(1.0, r.current().label(0));
        }
    }

    /**
     * Bytes allocated per record by a full read after the first record (row group loaded, buffers grown), with or
     * without keeping a copy of each series.
     */
    private static double deepArBytesPerRecord(Path file, boolean copy) throws IOException {
        try (DeepArParquetReader r = DeepArParquetReader.open(file)) {
            assertTrue(r.next());
            long before = AllocationMeter.allocatedBytes();
            int n = 0;
            double sum = 0;
            while (r.next()) {
                DeepArParquetSeriesView v = r.current();
                sum += v.target(v.length() - 1) + v.cat(0) + v.dynamicFeat(0, 0) + v.start().length();
                if (copy) {
                    sum += v.copy().target().length;
                }
                n++;
            }
            long after = AllocationMeter.allocatedBytes();
            assertTrue(sum != 0);
            return (after - before) / (double) n;
        }
    }

    @Test
    void deepArReaderAllocatesNothingPerSeries() throws IOException {
        // Random values defeat dictionary encoding and the pages are uncompressed: parquet-java's bit-packing
        // decoder and our page decompression allocate in proportion to the values, which is not the reader's doing.
        int length = 500;
        Path file = dir.resolve("alloc.parquet");
        SplittableRandom rnd = new SplittableRandom(5);
        try (DeepArParquetWriter w = DeepArParquetWriter.open(file, DeepArParquetWriteOptions.defaults()
                .withCat(true).withDynamicFeat(true).withCompression(ParquetCompression.UNCOMPRESSED))) {
            for (int i = 0; i < 400; i++) {
                double[] t = rnd.doubles(length).toArray();
                w.write(new DeepArParquetSeries("2021-03-04 05:06:07", t, new long[] {i}, new double[][] {t}));
            }
            w.commit();
        }
        for (int warm = 0; warm < 3; warm++) {
            deepArBytesPerRecord(file, false);
            deepArBytesPerRecord(file, true);
        }
        double view = deepArBytesPerRecord(file, false);
        double copied = deepArBytesPerRecord(file, true);
        // One copy holds 2 x 500 doubles (8 KB); what the view loop allocates is parquet-java's level decoding
        // (under a byte per value here).
        assertTrue(copied - view > 8000, "a copy per series should show: " + copied + " vs " + view);
        assertTrue(view < 1200, "bytes allocated per series through the view: " + view);
    }

    @Test
    void featureReaderAllocatesNothingPerRow() throws IOException {
        Path file = dir.resolve("c.parquet");
        int width = 50;
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file,
                ParquetFeatureWriteOptions.defaults().withNumFeatures(width))) {
            float[] v = new float[width];
            for (int i = 0; i < 5000; i++) {
                for (int k = 0; k < width; k++) {
                    v[k] = i + k;
                }
                w.write(FeatureRows.denseRow(i % 2, v));
            }
            w.commit();
        }
        double perRow = 0;
        for (int round = 0; round < 4; round++) {
            try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
                assertTrue(r.next());
                long before = AllocationMeter.allocatedBytes();
                int n = 0;
                double sum = 0;
                while (r.next()) {
                    sum += r.currentRow().dense().value(width - 1);
                    n++;
                }
                perRow = (AllocationMeter.allocatedBytes() - before) / (double) n;
                assertTrue(sum > 0);
            }
        }
        // A copy of one row is about 250 bytes (50 floats); page decoding by parquet-java is amortised.
        assertTrue(perRow < 64, "bytes allocated per row: " + perRow);
    }
}
