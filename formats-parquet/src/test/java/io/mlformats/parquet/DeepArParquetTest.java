package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.ValueType;
import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepArParquetTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsSeededSeries() throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < 60; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            boolean withCat = r.nextBoolean();
            boolean withDyn = r.nextBoolean();
            ValueType type = r.nextBoolean() ? ValueType.FLOAT32 : ValueType.FLOAT64;
            DeepArParquetWriteOptions o = DeepArParquetWriteOptions.defaults().withCat(withCat).withDynamicFeat(withDyn)
                    .withTargetType(type).withCompression(ParquetCompression.values()[r.nextInt(4)]);
            List<DeepArParquetSeries> written = new ArrayList<>();
            Path file = dir.resolve("d" + c + ".parquet");
            int nCat = r.nextInt(0, 3);
            int nDyn = r.nextInt(0, 3);
            try (DeepArParquetWriter w = DeepArParquetWriter.open(file, o)) {
                int n = r.nextInt(0, 20);
                for (int i = 0; i < n; i++) {
                    int t = r.nextInt(0, 50);
                    double[] target = new double[t];
                    for (int k = 0; k < t; k++) {
                        target[k] = r.nextInt(10) == 0 ? Double.NaN : FeatureRows.value(r, type);
                    }
                    long[] cat = null;
                    if (withCat && r.nextInt(5) > 0) {
                        cat = new long[nCat];
                        for (int k = 0; k < nCat; k++) {
                            cat[k] = r.nextLong(0, 1L << 40);
                        }
                    }
                    double[][] dyn = null;
                    if (withDyn && r.nextInt(5) > 0) {
                        dyn = new double[nDyn][t];
                        for (double[] row : dyn) {
                            for (int k = 0; k < t; k++) {
                                row[k] = FeatureRows.value(r, type);
                            }
                        }
                    }
                    String start = String.format("20%02d-%02d-%02d %02d:00:00", r.nextInt(100), r.nextInt(1, 13),
                            r.nextInt(1, 29), r.nextInt(24));
                    DeepArParquetSeries s = new DeepArParquetSeries(start, target, cat, dyn);
                    w.write(s);
                    written.add(s);
                }
                w.commit();
            }
            try (DeepArParquetReader rd = DeepArParquetReader.open(file)) {
                for (DeepArParquetSeries s : written) {
                    assertTrue(rd.next(), Seeds.describe(base, c));
                    assertEquals(s, rd.current().copy(), Seeds.describe(base, c));
                    assertEquals(s.start(), rd.current().start().toString());
                    assertEquals(s.target().length, rd.current().length());
                }
                assertFalse(rd.next());
            }
        }
    }

    @Test
    void refusesCatWithoutColumnAndLeavesNoFile() throws IOException {
        Path file = dir.resolve("x.parquet");
        DeepArParquetWriter w = DeepArParquetWriter.open(file, DeepArParquetWriteOptions.defaults());
        assertThrows(IllegalArgumentException.class,
                () -> w.write(new DeepArParquetSeries("2020-01-01 00:00:00", new double[] {1}, new long[] {0}, null)));
        w.abort();
        assertFalse(java.nio.file.Files.exists(file));
    }

    @Test
    void absentOptionalColumnsReadAsNull() throws IOException {
        Path file = dir.resolve("y.parquet");
        try (DeepArParquetWriter w = DeepArParquetWriter.open(file,
                DeepArParquetWriteOptions.defaults().withCat(true))) {
            w.write(new DeepArParquetSeries("2020-01-01 00:00:00", new double[] {1, Double.NaN, 3}, null, null));
            w.commit();
        }
        try (DeepArParquetReader rd = DeepArParquetReader.open(file)) {
            assertTrue(rd.next());
            assertFalse(rd.current().hasCat());
            assertEquals(0, rd.current().catCount());
            assertFalse(rd.current().hasDynamicFeat());
            assertTrue(Double.isNaN(rd.current().target(1)));
            assertEquals(3.0, rd.current().target(2));
            assertNull(rd.current().copy().cat());
            assertNull(rd.current().copy().dynamicFeat());
        }
    }
}
