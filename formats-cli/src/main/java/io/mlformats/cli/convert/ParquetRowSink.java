package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.FeatureLayout;
import io.mlformats.parquet.FeatureRow;
import io.mlformats.parquet.ParquetFeatureWriter;
import io.mlformats.parquet.ParquetFeatureWriterOptions;
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
    private FeatureRow scratch;

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
        ParquetFeatureWriterOptions o = ParquetFeatureWriterOptions.builder()
                .layout(sparse ? FeatureLayout.SPARSE : FeatureLayout.COLUMNS)
                .numFeatures((int) Math.max(n, 0))
                .valueType(t)
                .withLabel(first == null || first.labelCount() > 0)
                .withWeight(first != null && first.hasWeight())
                .build();
        writer = ParquetFeatureWriter.create(target, o);
        scratch = FeatureRow.of(t);
    }

    @Override
    public void write(LabeledRow row) throws IOException {
        if (writer == null) {
            open(row);
        }
        if (row.labelCount() > 1) {
            throw new IllegalArgumentException("multi-label rows cannot be written to Parquet");
        }
        if (row.hasQid()) {
            throw new IllegalArgumentException("rows with qid cannot be written to Parquet");
        }
        scratch.clear();
        if (row.labelCount() == 1) {
            scratch.setLabel(row.label(0));
        }
        if (row.hasWeight()) {
            scratch.setWeight(row.weight());
        }
        boolean sparseOut = options.dense() != null ? !options.dense() : row.isSparse();
        if (row.isSparse() && row.absentIsZero() && !sparseOut) {
            DenseVector d = scratch.useDense();
            SparseVector in = row.sparse();
            long w = options.numFeatures() > 0 ? options.numFeatures() : width > 0 ? width : in.dimension();
            int k = 0;
            for (int c = 0; c < w; c++) {
                if (k < in.nnz() && in.index(k) == c) {
                    d.append(in.value(k++));
                } else {
                    d.append(0d);
                }
            }
            if (k < in.nnz()) {
                throw new IllegalArgumentException("feature index " + in.index(k) + " is not below the number of "
                        + "features " + w);
            }
        } else if (row.isSparse()) {
            SparseVector s = scratch.useSparse();
            SparseVector in = row.sparse();
            for (int i = 0; i < in.nnz(); i++) {
                s.append(in.index(i), in.value(i));
            }
            s.setDimension(in.dimension());
        } else if (sparseOut) {
            SparseVector s = scratch.useSparse();
            DenseVector in = row.dense();
            for (int i = 0; i < in.size(); i++) {
                double v = in.value(i);
                if (!Double.isNaN(v)) {
                    s.append(i, v);
                }
            }
        } else {
            DenseVector d = scratch.useDense();
            DenseVector in = row.dense();
            for (int i = 0; i < in.size(); i++) {
                d.append(in.value(i));
            }
        }
        writer.write(scratch);
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
