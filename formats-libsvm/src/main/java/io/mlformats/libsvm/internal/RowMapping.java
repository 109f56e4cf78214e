package io.mlformats.libsvm.internal;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.LibSvmRow;
import java.util.Arrays;

/**
 * How the text readers present a row as a core {@link LabeledRow}, and how the text writers take one: its labels as an array and its features as one sparse
 * vector, through reused scratch space (no allocation per row once warm). A dense row's NaN is a missing value
 * and is left out; zeros are kept (XGBoost reads an absent LibSVM entry or an empty CSV field as missing, not 0,
 * so this keeps the data's meaning both ways). Not thread-safe: one per writer.
 */
public final class RowMapping {
    private double[] labels = new double[4];
    private SparseVector f32;
    private SparseVector f64;

    /**
     * Points {@code dst} at what {@code src} holds besides its features: its labels (a label list stays one, even
     * empty), weight and qid when present. The readers' {@code currentRow()}; no allocation once warm.
     */
    public static void describe(LibSvmRow src, LabeledRow dst) {
        dst.clear();
        int n = src.labelCount();
        for (int i = 0; i < n; i++) {
            dst.addLabel(src.label(i));
        }
        if (src.isMultiLabel()) {
            dst.setMultiLabel();
        }
        if (src.hasWeight()) {
            dst.setWeight(src.weight());
        }
        if (src.hasQid()) {
            dst.setQid(src.qid());
        }
    }

    /** The row's labels in a reused array (valid until the next call); {@code row.labelCount()} of them. */
    public double[] labels(LabeledRow row) {
        int n = row.labelCount();
        if (n > labels.length) {
            labels = Arrays.copyOf(labels, Math.max(n, labels.length * 2));
        }
        for (int i = 0; i < n; i++) {
            labels[i] = row.label(i);
        }
        return labels;
    }

    /**
     * The row's features as a sparse vector: a sparse row's own vector (not copied), or, when
     * {@code zeroFill} and the row's absent entries mean 0, a reused copy with those zeros written out over
     * {@code width} columns; a dense row as a reused vector of its non-NaN entries, of dimension its size.
     */
    public SparseVector features(LabeledRow row, boolean zeroFill, long width) {
        if (row.isSparse()) {
            SparseVector in = row.sparse();
            return zeroFill && row.absentIsZero() ? zeroFilled(in, width) : in;
        }
        DenseVector in = row.dense();
        boolean single = in.type() == ValueType.FLOAT32;
        SparseVector out = scratch(in.type());
        for (int i = 0; i < in.size(); i++) {
            if (single) {
                float v = in.floatValue(i);
                if (v == v) {
                    out.append(i, v);
                }
            } else {
                double v = in.value(i);
                if (v == v) {
                    out.append(i, v);
                }
            }
        }
        out.setDimension(in.size());
        return out;
    }

    /** A sparse row whose absent entries are 0 as a complete row of {@code width} columns (zeros stored). */
    private SparseVector zeroFilled(SparseVector in, long width) {
        long w = width > 0 ? width : in.dimension();
        boolean single = in.type() == ValueType.FLOAT32;
        SparseVector out = scratch(in.type());
        int k = 0;
        for (int c = 0; c < w; c++) {
            if (k < in.nnz() && in.index(k) == c) {
                append(out, in, k, single);
                k++;
            } else if (single) {
                out.append(c, 0f);
            } else {
                out.append(c, 0d);
            }
        }
        for (; k < in.nnz(); k++) { // beyond the width (or unsorted): left for the writer to refuse
            append(out, in, k, single);
        }
        out.setDimension(w);
        return out;
    }

    private static void append(SparseVector out, SparseVector in, int k, boolean single) {
        if (single) {
            out.append(in.index(k), in.floatValue(k));
        } else {
            out.append(in.index(k), in.value(k));
        }
    }

    private SparseVector scratch(ValueType type) {
        SparseVector s;
        if (type == ValueType.FLOAT32) {
            if (f32 == null) {
                f32 = SparseVector.float32(64);
            }
            s = f32;
        } else {
            if (f64 == null) {
                f64 = SparseVector.float64(64);
            }
            s = f64;
        }
        s.clear();
        return s;
    }
}
