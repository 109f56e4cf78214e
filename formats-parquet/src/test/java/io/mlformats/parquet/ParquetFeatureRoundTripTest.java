package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            List<FeatureRow> written = new ArrayList<>();
            Path file = dir.resolve("t" + c + ".parquet");
            ParquetFeatureWriterOptions o = ParquetFeatureWriterOptions.builder().layout(layout).numFeatures(width)
                    .valueType(type).withWeight(weight).compression(codec).rowGroupBytes(4096).build();
            try (ParquetFeatureWriter w = ParquetFeatureWriter.create(file, o)) {
                for (int i = 0; i < rows; i++) {
                    FeatureRow row = sparseInput ? FeatureRows.sparse(r, type, width, weight)
                            : FeatureRows.dense(r, type, width, weight);
                    w.write(row);
                    written.add(row.copy());
                }
            }
            ParquetFeatureOptions ro = ParquetFeatureOptions.builder()
                    .weightColumn(weight ? "weight" : null).build();
            try (ParquetFeatureReader rd = ParquetFeatureReader.open(file, ro)) {
                assertEquals(layout, rd.layout(), Seeds.describe(base, c));
                assertEquals(type, rd.valueType());
                assertEquals(rows, rd.totalRows());
                for (int i = 0; i < rows; i++) {
                    assertTrue(rd.next(), Seeds.describe(base, c) + " row " + i);
                    assertEquals(expected(written.get(i), layout, width), rd.current(),
                            Seeds.describe(base, c) + " row " + i);
                }
                assertFalse(rd.next());
                assertEquals(rows, rd.stats().records());
            }
        }
    }

    private static FeatureRow expected(FeatureRow w, FeatureLayout layout, int width) {
        if (layout == FeatureLayout.COLUMNS && w.isSparse()) {
            return FeatureRows.densified(w, width);
        }
        if (layout == FeatureLayout.SPARSE) {
            FeatureRow e = FeatureRow.of(w.valueType());
            e.setLabel(w.label());
            if (w.hasWeight()) {
                e.setWeight(w.weight());
            }
            var s = e.useSparse();
            if (w.isSparse()) {
                for (int k = 0; k < w.sparse().nnz(); k++) {
                    s.append(w.sparse().index(k), w.sparse().value(k));
                }
            } else {
                for (int k = 0; k < w.dense().size(); k++) {
                    s.append(k, w.dense().value(k));
                }
            }
            s.setDimension(width);
            return e;
        }
        return w;
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(FeatureLayout.class)
    void noFileUntilClose(FeatureLayout layout) throws IOException {
        Path file = dir.resolve("a.parquet");
        ParquetFeatureWriter w = ParquetFeatureWriter.create(file, ParquetFeatureWriterOptions.builder()
                .layout(layout).numFeatures(3).build());
        FeatureRow row = FeatureRow.of(ValueType.FLOAT32);
        row.setLabel(1);
        var d = row.useDense();
        d.append(1f);
        d.append(2f);
        d.append(3f);
        w.write(row);
        assertFalse(Files.exists(file));
        w.abort();
        assertFalse(Files.exists(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "temporary file left behind");
        }
    }
}
