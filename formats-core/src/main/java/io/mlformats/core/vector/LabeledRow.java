package io.mlformats.core.vector;

import java.util.Arrays;

/**
 * The labelled feature row every tabular format shares: labels (none, one, or several for multi-label LibSVM),
 * an optional weight and qid, and features as a sparse or dense vector. LibSVM, CSV, RecordIO-protobuf and
 * Parquet feature readers produce it, their writers accept it, and the tabular algorithm validators check it, so
 * conversions and validation need no format-specific code.
 *
 * <p>A view: producers fill it by pointing it at their own reusable vectors ({@link #setFeatures}, no copy), and
 * consumers read it during the call they receive it in; it is valid until the producer's next record.
 * {@link #copy()} keeps one. Reused for every row; not thread-safe.
 */
public final class LabeledRow {
    private double[] labels = new double[4];
    private int labelCount;
    private boolean multiLabel;
    private boolean hasWeight;
    private double weight = 1.0;
    private boolean hasQid;
    private long qid;
    private boolean isSparse;
    private boolean absentIsZero;
    private SparseVector sparse;
    private DenseVector dense;

    /** An empty row with no features; producers set them with {@link #setFeatures}. */
    public LabeledRow() {
    }

    /** Forgets labels, weight and qid (features stay pointed where they were). */
    public void clear() {
        labelCount = 0;
        multiLabel = false;
        hasWeight = false;
        weight = 1.0;
        hasQid = false;
        qid = 0;
    }

    /**
     * Appends a label.
     *
     * @param v the label value, appended after the labels already added
     */
    public void addLabel(double v) {
        if (labelCount == labels.length) {
            labels = Arrays.copyOf(labels, labelCount * 2);
        }
        labels[labelCount++] = v;
    }

    /** Marks the row as carrying a label list (multi-label LibSVM), even when it holds one label or none. */
    public void setMultiLabel() {
        multiLabel = true;
    }

    /**
     * True for a label list; false for a single label (or none).
     *
     * @return {@code true} if the row was marked multi-label or holds more than one label
     */
    public boolean isMultiLabel() {
        return multiLabel || labelCount > 1;
    }

    /**
     * Number of labels: 0, 1, or more for a label list.
     *
     * @return the number of labels added since the last {@link #clear()}
     */
    public int labelCount() {
        return labelCount;
    }

    /**
     * Label {@code i}, {@code 0 <= i < labelCount()}.
     *
     * @param i the label's position, in {@code [0, labelCount())}
     * @return the {@code i}-th label value
     */
    public double label(int i) {
        return labels[i];
    }

    /**
     * True if the row carries an instance weight.
     *
     * @return {@code true} if {@link #setWeight(double)} was called since the last {@link #clear()}
     */
    public boolean hasWeight() {
        return hasWeight;
    }

    /**
     * The instance weight; 1 when none was set.
     *
     * @return the instance weight, or 1 when the row carries none
     */
    public double weight() {
        return weight;
    }

    /**
     * Sets the instance weight.
     *
     * @param w the instance weight; also makes {@link #hasWeight()} true
     */
    public void setWeight(double w) {
        weight = w;
        hasWeight = true;
    }

    /**
     * True if the row carries a query id (LibSVM {@code qid:}).
     *
     * @return {@code true} if {@link #setQid(long)} was called since the last {@link #clear()}
     */
    public boolean hasQid() {
        return hasQid;
    }

    /**
     * The query id; 0 when none was set.
     *
     * @return the query id, or 0 when the row carries none
     */
    public long qid() {
        return qid;
    }

    /**
     * Sets the query id.
     *
     * @param q the query id; also makes {@link #hasQid()} true
     */
    public void setQid(long q) {
        qid = q;
        hasQid = true;
    }

    /**
     * True if the features are {@link #sparse()}, false if {@link #dense()}.
     *
     * @return {@code true} if the features were last set as a {@link SparseVector}, {@code false} for a
     *     {@link DenseVector}
     */
    public boolean isSparse() {
        return isSparse;
    }

    /**
     * The sparse features (a view of the producer's vector), or a stale vector when {@link #isSparse()} is false.
     *
     * @return the producer's sparse vector itself (not a copy; valid until the next record), or a stale one or null
     *     when the row is dense
     */
    public SparseVector sparse() {
        return sparse;
    }

    /**
     * The dense features (a view of the producer's vector), or a stale vector when {@link #isSparse()} is true.
     *
     * @return the producer's dense vector itself (not a copy; valid until the next record), or a stale one or null when
     *     the row is sparse
     */
    public DenseVector dense() {
        return dense;
    }

    /**
     * Points the row at sparse features whose absent entries are missing values (LibSVM as XGBoost reads it).
     *
     * @param v the features; referenced, not copied, so it must stay unchanged while consumers read the row
     */
    public void setFeatures(SparseVector v) {
        sparse = v;
        isSparse = true;
        absentIsZero = false;
    }

    /**
     * Sparse features whose absent entries are zeros (RecordIO-protobuf, scipy semantics), not missing values
     * (LibSVM as XGBoost reads it, sparse Parquet). Matters when the row is written dense.
     *
     * @param v the features; referenced, not copied, so it must stay unchanged while consumers read the row
     */
    public void setFeaturesAbsentZero(SparseVector v) {
        setFeatures(v);
        absentIsZero = true;
    }

    /**
     * True when absent sparse entries mean 0 rather than missing.
     *
     * @return {@code true} if the sparse features were set by {@link #setFeaturesAbsentZero}, {@code false} if absent
     *     entries are missing values
     */
    public boolean absentIsZero() {
        return absentIsZero;
    }

    /**
     * Points the row at dense features.
     *
     * @param v the features; referenced, not copied, so it must stay unchanged while consumers read the row
     */
    public void setFeatures(DenseVector v) {
        dense = v;
        isSparse = false;
    }

    /**
     * Number of feature slots: the dense size, or the sparse dimension (else max index + 1).
     *
     * @return the number of feature slots the row spans, 0 for an empty sparse row without a dimension
     */
    public long width() {
        if (!isSparse) {
            return dense.size();
        }
        if (sparse.dimension() > 0) {
            return sparse.dimension();
        }
        return sparse.nnz() == 0 ? 0 : (long) sparse.index(sparse.nnz() - 1) + 1;
    }

    /**
     * Stored entries: nnz for sparse rows, the size for dense rows.
     *
     * @return the number of feature values actually held by the row's vector
     */
    public int stored() {
        return isSparse ? sparse.nnz() : dense.size();
    }

    /**
     * The type of the feature values.
     *
     * @return the value type of the current feature vector, sparse or dense
     */
    public ValueType valueType() {
        return isSparse ? sparse.type() : dense.type();
    }

    /**
     * An owned copy: labels, weight, qid and a copy of the features; independent of the producer.
     *
     * @return a new row sharing no state with this one or with the producer's vectors
     */
    public LabeledRow copy() {
        LabeledRow c = new LabeledRow();
        c.labels = Arrays.copyOf(labels, Math.max(1, labelCount));
        c.labelCount = labelCount;
        c.multiLabel = multiLabel;
        c.hasWeight = hasWeight;
        c.weight = weight;
        c.hasQid = hasQid;
        c.qid = qid;
        c.isSparse = isSparse;
        c.absentIsZero = absentIsZero;
        c.sparse = isSparse && sparse != null ? sparse.copy() : null;
        c.dense = !isSparse && dense != null ? dense.copy() : null;
        return c;
    }
}
