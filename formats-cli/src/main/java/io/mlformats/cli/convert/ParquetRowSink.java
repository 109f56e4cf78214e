package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.FeatureLayout;
import io.mlformats.parquet.ParquetFeatureWriter;
import io.mlformats.parquet.ParquetFeatureWriteOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes rows as a Parquet feature table. The layout follows the rows unless forced: dense rows (or
 * {@code --dense}) give the XGBoost layout (label, f0..f{n-1}; needs the number of features), sparse rows (or
 * {@code --sparse}) the index/value list layout. The file is created at the first row, when the shape (label,
 * weight, dense or sparse) is known.
 */
public final class ParquetRowSink implements RowSink {
    private final Path target;
    private final ConvertOptions options;
    private final ValueType inputType;
    private final long width;
    private ParquetFeatureWriter writer;

    /**
     * A Parquet feature table at {@code target}, dense or sparse as the options (else the first row) say.
     *
     * @param width the number of features, 0 if unknown
     */
    public ParquetRowSink(Path target, ConvertOptions options, ValueType inputType, long width) {
        this.target = target;
        this.options = options;
        this.inputType = inputType;
        this.width = width;
    }

    private void open(LabeledRow first) throws IOException {
        boolean sparse = options.dense() != null ? !options.dense() : first == null || first.isSparse();
        ValueType t = options.dtype() != null ? options.dtype() : inputType;
        long n = options.numFeatures() > 0 ? options.numFeatures() : width;
        if (!sparse && n <= 0 && first != null && !first.isSparse()) {
            n = first.dense().size();
        }
        if (!sparse && n <= 0) {
            throw new IllegalArgumentException("writing a dense Parquet table needs the number of features: "
                    + "give --num-features N");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many features for Parquet: " + n);
        }
        ParquetFeatureWriteOptions o = ParquetFeatureWriteOptions.defaults()
                .withLayout(sparse ? FeatureLayout.SPARSE : FeatureLayout.COLUMNS)
                .withNumFeatures((int) Math.max(n, 0))
                .withValueType(t)
                .withLabel(first == null || first.labelCount() > 0)
                .withWeight(first != null && first.hasWeight());
        writer = ParquetFeatureWriter.open(target, o);
    }

    @Override
    public void write(LabeledRow row) throws IOException {
        if (writer == null) {
            open(row);
        }
        // The library maps the row to the table's layout (and refuses what Parquet cannot hold).
        writer.writeRow(row);
    }

    @Override
    public void commit() throws IOException {
        if (writer == null) {
            open(null);
        }
        writer.commit();
    }

    @Override
    public void abort() {
        if (writer != null) {
            writer.abort();
        }
    }
}
