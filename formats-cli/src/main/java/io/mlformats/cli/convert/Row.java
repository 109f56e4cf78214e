package io.mlformats.cli.convert;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;

/**
 * The row every tabular conversion goes through: labels (none, one, or several for multi-label LibSVM), an
 * optional weight and qid, and features as a sparse or dense core vector. Sources fill it by pointing
 * {@link #sparse}/{@link #dense} at their own reusable vectors (no copy); sinks read it during their
 * {@code write}. Reused for every row; not thread-safe.
 */
public final class Row {
    double[] labels = new double[4];
    int labelCount;
    boolean multiLabel;
    boolean hasWeight;
    double weight = 1.0;
    boolean hasQid;
    long qid;
    boolean isSparse;
    boolean absentIsZero;
    SparseVector sparse;
    DenseVector dense;

    public void clear() {
        labelCount = 0;
        multiLabel = false;
        hasWeight = false;
        weight = 1.0;
        hasQid = false;
        qid = 0;
    }

    public void addLabel(double v) {
        if (labelCount == labels.length) {
            labels = java.util.Arrays.copyOf(labels, labelCount * 2);
        }
        labels[labelCount++] = v;
    }

    /** Marks the row as carrying a label list (multi-label LibSVM), even when it holds one label or none. */
    public void setMultiLabel() {
        multiLabel = true;
    }

    /** True for a label list; false for a single label (or none). */
    public boolean isMultiLabel() {
        return multiLabel || labelCount > 1;
    }

    public int labelCount() {
        return labelCount;
    }

    public double label(int i) {
        return labels[i];
    }

    public boolean hasWeight() {
        return hasWeight;
    }

    public double weight() {
        return weight;
    }

    public void setWeight(double w) {
        weight = w;
        hasWeight = true;
    }

    public boolean hasQid() {
        return hasQid;
    }

    public long qid() {
        return qid;
    }

    public void setQid(long q) {
        qid = q;
        hasQid = true;
    }

    public boolean isSparse() {
        return isSparse;
    }

    public SparseVector sparse() {
        return sparse;
    }

    public DenseVector dense() {
        return dense;
    }

    public void setFeatures(SparseVector v) {
        sparse = v;
        isSparse = true;
        absentIsZero = false;
    }

    /**
     * Sparse features whose absent entries are zeros (RecordIO-protobuf, scipy semantics), not missing values
     * (LibSVM as XGBoost reads it, sparse Parquet). Matters when the row is written dense.
     */
    public void setFeaturesAbsentZero(SparseVector v) {
        setFeatures(v);
        absentIsZero = true;
    }

    /** True when absent sparse entries mean 0 rather than missing. */
    public boolean absentIsZero() {
        return absentIsZero;
    }

    public void setFeatures(DenseVector v) {
        dense = v;
        isSparse = false;
    }

    /** Number of feature slots: the dense size, or the sparse dimension (else max index + 1). */
    public long width() {
        if (!isSparse) {
            return dense.size();
        }
        if (sparse.dimension() > 0) {
            return sparse.dimension();
        }
        return sparse.nnz() == 0 ? 0 : (long) sparse.index(sparse.nnz() - 1) + 1;
    }

    /** Stored entries: nnz for sparse rows, the size for dense rows. */
    public int stored() {
        return isSparse ? sparse.nnz() : dense.size();
    }
}
