package io.mlformats.cli;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.FeatureLayout;
import io.mlformats.parquet.ParquetFeatureWriteOptions;
import io.mlformats.parquet.ParquetFeatureWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Generated Parquet inputs for CLI tests. */
final class Tables {
    private Tables() {
    }

    /** {@code rows} dense rows of {@code width} float32 features, label = row % 3, value = row * 10 + column. */
    static Path dense(Path file, int rows, int width) throws IOException {
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withNumFeatures(width))) {
            LabeledRow r = new LabeledRow();
            DenseVector d = DenseVector.of(ValueType.FLOAT32, width);
            r.setFeatures(d);
            for (int i = 0; i < rows; i++) {
                r.clear();
                r.addLabel(i % 3);
                d.clear();
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
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withLayout(FeatureLayout.SPARSE).withNumFeatures(width).withValueType(ValueType.FLOAT64))) {
            LabeledRow r = new LabeledRow();
            SparseVector s = SparseVector.of(ValueType.FLOAT64, width);
            r.setFeatures(s);
            for (int i = 0; i < rows; i++) {
                r.clear();
                r.addLabel(rnd.nextInt(2));
                s.clear();
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
