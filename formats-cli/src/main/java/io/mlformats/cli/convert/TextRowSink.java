package io.mlformats.cli.convert;

import io.mlformats.core.TabularWriter;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.libsvm.LibSvmWriteOptions;
import io.mlformats.libsvm.LibSvmWriter;
import io.mlformats.libsvm.csv.CsvWriteOptions;
import io.mlformats.libsvm.csv.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Rows into LibSVM ({@link LibSvmWriter}, 0-based indices) or SageMaker CSV ({@link CsvWriter}) through the
 * library's {@code writeRow}, which maps the row (a dense row's NaN, a missing value, is left out; zeros are
 * kept) and refuses what the format cannot hold. The CSV file is created at the first row, when it is known
 * whether rows carry a label and a weight. Not thread-safe.
 */
public final class TextRowSink implements RowSink {
    private final Path target;
    private final boolean csv;
    private final ConvertOptions options;
    private final long width;
    private final ValueType type;
    private final LabeledRow converted = new LabeledRow();
    private SparseVector sparse;
    private DenseVector dense;
    private TabularWriter<LibSvmRow> writer;

    private TextRowSink(Path target, boolean csv, ConvertOptions options, ValueType type, long width) {
        this.target = target;
        this.csv = csv;
        this.options = options;
        this.type = type;
        this.width = width;
    }

    /** A LibSVM file of values of {@code type} (the shortest text that reads back as that type). */
    public static TextRowSink libsvm(Path target, ConvertOptions o, ValueType type) {
        return new TextRowSink(target, false, o, type, 0);
    }

    /** A CSV file of values of {@code type}, {@code width} features wide (0: the first row's width). */
    public static TextRowSink csv(Path target, ConvertOptions o, ValueType type, long width) {
        return new TextRowSink(target, true, o, type, width);
    }

    private void open(LabeledRow first) throws IOException {
        if (!csv) {
            writer = LibSvmWriter.open(target, LibSvmWriteOptions.defaults().withIndexBase(IndexBase.ZERO)
                    .withGzip(options.gzip()));
            return;
        }
        boolean hasLabel = first != null && first.labelCount() > 0;
        boolean hasWeight = first != null && first.hasWeight();
        long n = width > 0 ? width : first == null ? 0 : first.width();
        CsvWriteOptions co = CsvWriteOptions.defaults().withLabel(hasLabel).withWeight(hasWeight)
                .withNumFeatures(n).withGzip(options.gzip());
        writer = CsvWriter.open(target, options.algorithm() == null ? co : co.forAlgorithm(options.algorithm()));
    }

    @Override
    public void write(LabeledRow row) throws IOException {
        if (writer == null) {
            open(row);
        }
        writer.writeRow(row.valueType() == type ? row : as(row));
    }

    /**
     * The row with its features converted to the output value type ({@code --dtype}), into reused vectors: the
     * writers print each value as the shortest text of its own type.
     */
    private LabeledRow as(LabeledRow row) {
        converted.clear();
        for (int i = 0; i < row.labelCount(); i++) {
            converted.addLabel(row.label(i));
        }
        if (row.isMultiLabel()) {
            converted.setMultiLabel();
        }
        if (row.hasWeight()) {
            converted.setWeight(row.weight());
        }
        if (row.hasQid()) {
            converted.setQid(row.qid());
        }
        if (row.isSparse()) {
            sparse = sparse != null ? sparse : SparseVector.of(type, 64);
            sparse.clear();
            SparseVector in = row.sparse();
            for (int i = 0; i < in.nnz(); i++) {
                sparse.append(in.index(i), in.value(i));
            }
            sparse.setDimension(in.dimension());
            if (row.absentIsZero()) {
                converted.setFeaturesAbsentZero(sparse);
            } else {
                converted.setFeatures(sparse);
            }
        } else {
            dense = dense != null ? dense : DenseVector.of(type, 64);
            dense.clear();
            DenseVector in = row.dense();
            for (int i = 0; i < in.size(); i++) {
                dense.append(in.value(i));
            }
            converted.setFeatures(dense);
        }
        return converted;
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
