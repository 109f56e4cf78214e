package io.mlformats.cli;

import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.FeatureLayout;
import io.mlformats.parquet.FeatureRow;
import io.mlformats.parquet.ParquetFeatureWriter;
import io.mlformats.parquet.ParquetFeatureWriterOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Generated Parquet inputs for CLI tests. */
final class Tables {
    private Tables() {
    }

    /** {@code rows} dense rows of {@code width} float32 features, label = row % 3, value = row * 10 + column. */
    static Path dense(Path file, int rows, int width) throws IOException {
        try (ParquetFeatureWriter w = ParquetFeatureWriter.create(file, ParquetFeatureWriterOptions.builder()
                .numFeatures(width).build())) {
            FeatureRow r = FeatureRow.of(ValueType.FLOAT32);
            for (int i = 0; i < rows; i++) {
                r.setLabel(i % 3);
                var d = r.useDense();
                for (int c = 0; c < width; c++) {
                    d.append((float) (i * 10 + c));
                }
                w.write(r);
            }
            w.commit();
        }
        return file;
    }

    /** Random sparse float64 rows. */
    static Path sparse(Path file, int rows, int width, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (ParquetFeatureWriter w = ParquetFeatureWriter.create(file, ParquetFeatureWriterOptions.builder()
                .layout(FeatureLayout.SPARSE).numFeatures(width).valueType(ValueType.FLOAT64).build())) {
            FeatureRow r = FeatureRow.of(ValueType.FLOAT64);
            for (int i = 0; i < rows; i++) {
                r.setLabel(rnd.nextInt(2));
                var s = r.useSparse();
                for (int c = 0; c < width; c++) {
                    if (rnd.nextInt(3) == 0) {
                        s.append(c, rnd.nextDouble() * 100 - 50);
                    }
                }
                w.write(r);
            }
            w.commit();
        }
        return file;
    }
}
