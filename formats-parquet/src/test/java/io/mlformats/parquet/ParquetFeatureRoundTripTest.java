package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layout x value type x codec: seeded random tables written and read back bit for bit. */
class ParquetFeatureRoundTripTest {
    private static final int CASES = 12;

    @TempDir
    Path dir;

    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (FeatureLayout l : FeatureLayout.values()) {
            for (ValueType t : ValueType.values()) {
                for (ParquetCompression c : ParquetCompression.values()) {
                    out.add(Arguments.of(l, t, c));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("configs")
    void roundTrips(FeatureLayout layout, ValueType type, ParquetCompression codec) throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            int width = r.nextInt(1, 30);
            int rows = r.nextInt(0, 60);
            boolean weight = r.nextBoolean();
            boolean sparseInput = layout != FeatureLayout.LIST && r.nextBoolean();
            List<LabeledRow> written = new ArrayList<>();
            Path file = dir.resolve("t" + c + ".parquet");
            ParquetFeatureWriteOptions o = ParquetFeatureWriteOptions.defaults().withLayout(layout)
                    .withNumFeatures(width).withValueType(type).withWeight(weight).withCompression(codec)
                    .withRowGroupBytes(4096);
            try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, o)) {
                for (int i = 0; i < rows; i++) {
                    LabeledRow row = sparseInput ? FeatureRows.sparse(r, type, width, weight)
                            : FeatureRows.dense(r, type, width, weight);
                    w.write(row);
                    written.add(row.copy());
                }
                w.commit();
            }
            ParquetFeatureReadOptions ro = ParquetFeatureReadOptions.defaults()
                    .withWeightColumn(weight ? "weight" : null);
            try (ParquetFeatureReader rd = ParquetFeatureReader.open(file, ro)) {
                assertEquals(layout, rd.layout(), Seeds.describe(base, c));
                assertEquals(type, rd.valueType());
                assertEquals(rows, rd.totalRows());
                for (int i = 0; i < rows; i++) {
                    assertTrue(rd.next(), Seeds.describe(base, c) + " row " + i);
                    assertSame(rd.current(), rd.currentRow());
                    FeatureRows.assertRow(expected(written.get(i), layout, width, type), rd.current(),
                            Seeds.describe(base, c) + " row " + i);
                }
                assertFalse(rd.next());
                assertEquals(rows, rd.stats().records());
            }
        }
    }

    /** What a written row reads back as: COLUMNS gives dense rows (absent = NaN), SPARSE sparse rows. */
    private static LabeledRow expected(LabeledRow w, FeatureLayout layout, int width, ValueType type) {
        LabeledRow e = new LabeledRow();
        e.addLabel(w.label(0));
        if (w.hasWeight()) {
            e.setWeight(w.weight());
        }
        if (layout == FeatureLayout.COLUMNS && w.isSparse()) {
            DenseVector d = DenseVector.of(type, width);
            int k = 0;
            SparseVector s = w.sparse();
            for (int i = 0; i < width; i++) {
                d.append(k < s.nnz() && s.index(k) == i ? s.value(k++) : Double.NaN);
            }
            e.setFeatures(d);
        } else if (layout == FeatureLayout.SPARSE) {
            SparseVector s = SparseVector.of(type, 4);
            for (int k = 0; k < w.stored(); k++) {
                s.append(w.isSparse() ? w.sparse().index(k) : k,
                        w.isSparse() ? w.sparse().value(k) : w.dense().value(k));
            }
            s.setDimension(width);
            e.setFeatures(s);
        } else {
            e.setFeatures(w.dense());
        }
        return e;
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(FeatureLayout.class)
    void noFileUntilCommit(FeatureLayout layout) throws IOException {
        Path file = dir.resolve("a.parquet");
        ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withLayout(layout).withNumFeatures(3));
        w.write(FeatureRows.denseRow(1, 1f, 2f, 3f));
        assertFalse(Files.exists(file));
        w.abort();
        assertFalse(Files.exists(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "temporary file left behind");
        }
    }
}
