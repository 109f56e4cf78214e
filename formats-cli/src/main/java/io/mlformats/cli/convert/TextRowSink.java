package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.RecordWriter;
import io.mlformats.core.vector.DenseVector;
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
 * Writes rows as LibSVM ({@link LibSvmWriter}, 0-based indices) or SageMaker CSV ({@link CsvWriter}). Both
 * writers take {@link LibSvmRow}s, filled here from the row's core vectors: a dense row's NaN (a missing value)
 * is left out, zeros are kept (XGBoost reads an absent LibSVM entry or an empty CSV field as missing, not 0, so
 * this keeps the data's meaning both ways). The CSV file is created at the first row, when it is known whether
 * rows carry a label and a weight. Not thread-safe.
 */
public final class TextRowSink implements RowSink {
    private final Path target;
    private final boolean csv;
    private final ConvertOptions options;
    private final ValueType type;
    private final long width;
    private final LibSvmRow scratch;
    private RecordWriter<LibSvmRow> writer;
    private boolean hasLabel;
    private boolean hasWeight;

    private TextRowSink(Path target, boolean csv, ConvertOptions options, ValueType type, long width) {
        this.target = target;
        this.csv = csv;
        this.options = options;
        this.type = type;
        this.width = width;
        this.scratch = new LibSvmRow(type);
    }

    /** A LibSVM file of values of {@code type}. */
    public static TextRowSink libsvm(Path target, ConvertOptions o, ValueType type) {
        return new TextRowSink(target, false, o, type, 0);
    }

    /** A CSV file {@code width} features wide (0: the first row's width). */
    public static TextRowSink csv(Path target, ConvertOptions o, ValueType type, long width) {
        return new TextRowSink(target, true, o, type, width);
    }

    private void open(LabeledRow first) throws IOException {
        if (!csv) {
            writer = LibSvmWriter.open(target, new LibSvmWriteOptions(IndexBase.ZERO, options.gzip(), false));
            return;
        }
        hasLabel = first != null && first.labelCount() > 0;
        hasWeight = first != null && first.hasWeight();
        long n = width > 0 ? width : first == null ? 0 : first.width();
        CsvWriteOptions c = CsvWriteOptions.defaults().withLabel(hasLabel).withWeight(hasWeight)
                .withNumFeatures(n).withGzip(options.gzip());
        writer = CsvWriter.open(target, c);
    }

    @Override
    public void write(LabeledRow row) throws IOException {
        if (writer == null) {
            open(row);
        }
        scratch.clear();
        if (csv) {
            if (row.isMultiLabel()) {
                throw new IllegalArgumentException("a CSV row holds one label; this row has a label list");
            }
            if (row.hasQid()) {
                throw new IllegalArgumentException("CSV cannot hold a qid (write libsvm)");
            }
            if ((row.labelCount() > 0) != hasLabel || row.hasWeight() != hasWeight) {
                throw new IllegalArgumentException("every CSV row needs the same columns: the first row "
                        + (hasLabel ? "had" : "had no") + " label and " + (hasWeight ? "a" : "no") + " weight");
            }
        }
        if (row.isMultiLabel()) {
            scratch.setMultiLabel();
            for (int i = 0; i < row.labelCount(); i++) {
                scratch.addLabel(row.label(i));
            }
        } else if (row.labelCount() == 1) {
            scratch.setLabel(row.label(0));
        } else if (!csv) {
            throw new IllegalArgumentException("LibSVM rows need a label and this row has none");
        }
        if (row.hasWeight()) {
            scratch.setWeight(row.weight());
        }
        if (row.hasQid()) {
            scratch.setQid(row.qid());
        }
        SparseVector out = scratch.features();
        if (row.isSparse() && csv && row.absentIsZero()) {
            zeroFilled(row.sparse(), out);
        } else if (row.isSparse()) {
            SparseVector in = row.sparse();
            boolean same = in.type() == ValueType.FLOAT32;
            for (int i = 0; i < in.nnz(); i++) {
                if (same) {
                    out.append(in.index(i), in.floatValue(i));
                } else {
                    out.append(in.index(i), in.value(i));
                }
            }
            out.setDimension(in.dimension());
        } else {
            DenseVector in = row.dense();
            boolean same = in.type() == ValueType.FLOAT32;
            for (int i = 0; i < in.size(); i++) {
                double v = in.value(i);
                if (v == v) {
                    if (same) {
                        out.append(i, in.floatValue(i));
                    } else {
                        out.append(i, v);
                    }
                }
            }
            out.setDimension(in.size());
        }
        writer.write(scratch);
    }

    /** A sparse row whose absent entries are 0, as a complete CSV row (zeros written, not empty fields). */
    private void zeroFilled(SparseVector in, SparseVector out) {
        long w = width > 0 ? width : in.dimension();
        int k = 0;
        for (int c = 0; c < w; c++) {
            if (k < in.nnz() && in.index(k) == c) {
                if (in.type() == ValueType.FLOAT32) {
                    out.append(c, in.floatValue(k));
                } else {
                    out.append(c, in.value(k));
                }
                k++;
            } else {
                out.append(c, 0f);
            }
        }
        for (; k < in.nnz(); k++) { // beyond the width (or unsorted): let the writer refuse it
            out.append(in.index(k), in.value(k));
        }
        out.setDimension(w);
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
        if (writer instanceof LibSvmWriter w) {
            w.abort();
        } else if (writer instanceof CsvWriter w) {
            w.abort();
        }
    }
}
