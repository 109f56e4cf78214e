package io.mlformats.libsvm;

import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.util.Arrays;

/**
 * One LibSVM (or SageMaker CSV) row: a label or a list of labels, an optional weight, an optional query id and
 * a sparse feature vector.
 *
 * <p>Readers hand out one instance and refill it on every {@code next()} (a <em>view</em>: valid until the next
 * call; {@link #copy()} makes an owned copy). Callers writing rows may build and reuse their own instance with
 * the setters. Arrays returned by {@link #features()} belong to the row. Not thread-safe.
 *
 * <p>{@link #equals} compares labels, weight, qid and features bit for bit.
 */
public final class LibSvmRow {
    private double[] labels = new double[4];
    private int labelCount;
    private boolean multiLabel;
    private double weight = 1.0;
    private boolean hasWeight;
    private long qid;
    private boolean hasQid;
    private final SparseVector features;

    /**
     * An empty single-label row whose features hold values of {@code type}.
     *
     * @param type value type of the feature vector ({@link ValueType#FLOAT32} or {@link ValueType#FLOAT64}); fixed
     *             for the life of the row
     */
    public LibSvmRow(ValueType type) {
        this.features = SparseVector.of(type, 64);
    }

    /**
     * An empty row of float32 features.
     *
     * @return a new empty single-label row whose features hold float32 values
     */
    public static LibSvmRow float32() {
        return new LibSvmRow(ValueType.FLOAT32);
    }

    /**
     * An empty row of float64 features.
     *
     * @return a new empty single-label row whose features hold float64 values
     */
    public static LibSvmRow float64() {
        return new LibSvmRow(ValueType.FLOAT64);
    }

    /**
     * Removes labels, weight, qid and features; keeps capacity and the multi-label flag.
     *
     * @return this row
     */
    public LibSvmRow clear() {
        labelCount = 0;
        weight = 1.0;
        hasWeight = false;
        qid = 0;
        hasQid = false;
        features.clear();
        return this;
    }

    /**
     * The label; in a multi-label row the first label, or NaN when the list is empty.
     *
     * @return the label (float64), or NaN when the row holds no label (an empty label list, or no label set yet)
     */
    public double label() {
        return labelCount > 0 ? labels[0] : Double.NaN;
    }

    /**
     * Number of labels: 1 for a single-label row, 0 or more for a multi-label row.
     *
     * @return the number of labels the row holds
     */
    public int labelCount() {
        return labelCount;
    }

    /**
     * Label {@code i} of {@link #labelCount()}.
     *
     * @param i position of the label in the row's label list, from 0 to {@code labelCount() - 1}
     * @return the label at position {@code i}
     * @throws IndexOutOfBoundsException if {@code i} is negative or not below {@link #labelCount()}
     */
    public double label(int i) {
        if (i < 0 || i >= labelCount) {
            throw new IndexOutOfBoundsException("label " + i + " of " + labelCount);
        }
        return labels[i];
    }

    /**
     * Copies the labels into {@code dst} (which must have room for {@link #labelCount()}) and returns how many.
     *
     * @param dst caller-owned array that receives the labels from index 0; entries past the count are untouched
     * @return the number of labels copied, equal to {@link #labelCount()}
     * @throws IndexOutOfBoundsException if {@code dst} is shorter than {@link #labelCount()}
     */
    public int labels(double[] dst) {
        System.arraycopy(labels, 0, dst, 0, labelCount);
        return labelCount;
    }

    /** The backing label array, valid in {@code [0, labelCount())}; for the loader and writers of this package. */
    double[] labelArray() {
        return labels;
    }

    /**
     * True if the row carries a list of labels (multi-label input) rather than one label.
     *
     * @return true for a multi-label row, false for a single-label row
     */
    public boolean isMultiLabel() {
        return multiLabel;
    }

    /**
     * True if the row carries an instance weight ({@code label:weight}).
     *
     * @return true if a weight was read or set, false when {@link #weight()} is the implicit 1
     */
    public boolean hasWeight() {
        return hasWeight;
    }

    /**
     * The weight, 1 when the row has none.
     *
     * @return the instance weight, or 1.0 when {@link #hasWeight()} is false
     */
    public double weight() {
        return weight;
    }

    /**
     * True if the row carries a query id ({@code qid:N}).
     *
     * @return true if a query id was read or set
     */
    public boolean hasQid() {
        return hasQid;
    }

    /**
     * The query id, 0 when the row has none.
     *
     * @return the query id, or 0 when {@link #hasQid()} is false
     */
    public long qid() {
        return qid;
    }

    /**
     * The features (a reusable vector owned by this row); indices are 0-based columns, ascending.
     *
     * @return the row's own feature vector (not a copy): changing it changes the row, and a reader refills it on
     *         every {@code next()}
     */
    public SparseVector features() {
        return features;
    }

    /**
     * Number of stored features.
     *
     * @return the number of (index, value) pairs held in {@link #features()}
     */
    public int nnz() {
        return features.nnz();
    }

    /**
     * Sets a single label (the row becomes single-label).
     *
     * @param label the label value (class, target or score), stored as float64
     * @return this row
     */
    public LibSvmRow setLabel(double label) {
        multiLabel = false;
        labels[0] = label;
        labelCount = 1;
        return this;
    }

    /**
     * Makes the row multi-label with an empty label list.
     *
     * @return this row
     */
    public LibSvmRow setMultiLabel() {
        multiLabel = true;
        labelCount = 0;
        return this;
    }

    /**
     * Appends a label to a multi-label row.
     *
     * @param label the label added after the labels already in the list
     * @return this row
     * @throws IllegalStateException if the row is not multi-label (call {@link #setMultiLabel()} first)
     */
    public LibSvmRow addLabel(double label) {
        if (!multiLabel) {
            throw new IllegalStateException("addLabel needs a multi-label row: call setMultiLabel() first");
        }
        if (labelCount == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[labelCount++] = label;
        return this;
    }

    /**
     * Sets the instance weight; returns this row.
     *
     * @param w the instance weight; {@link #hasWeight()} becomes true
     * @return this row
     */
    public LibSvmRow setWeight(double w) {
        weight = w;
        hasWeight = true;
        return this;
    }

    /**
     * Removes the weight (it reads as 1 again); returns this row.
     *
     * @return this row
     */
    public LibSvmRow clearWeight() {
        weight = 1.0;
        hasWeight = false;
        return this;
    }

    /**
     * Sets the query id; returns this row.
     *
     * @param q the query (group) id that ranking objectives group rows by; {@link #hasQid()} becomes true
     * @return this row
     */
    public LibSvmRow setQid(long q) {
        qid = q;
        hasQid = true;
        return this;
    }

    /**
     * Removes the query id; returns this row.
     *
     * @return this row
     */
    public LibSvmRow clearQid() {
        qid = 0;
        hasQid = false;
        return this;
    }

    /**
     * An owned copy that later reads do not change.
     *
     * @return a new row of the same value type with copies of the labels, weight, qid and features; it shares no
     *         arrays with this row
     */
    public LibSvmRow copy() {
        LibSvmRow c = new LibSvmRow(features.type());
        c.copyFrom(this);
        return c;
    }

    private void copyFrom(LibSvmRow o) {
        labels = Arrays.copyOf(o.labels, Math.max(4, o.labelCount));
        labelCount = o.labelCount;
        multiLabel = o.multiLabel;
        weight = o.weight;
        hasWeight = o.hasWeight;
        qid = o.qid;
        hasQid = o.hasQid;
        features.clear();
        SparseVector f = o.features;
        for (int i = 0; i < f.nnz(); i++) {
            if (f.floatValues() != null) {
                features.append(f.index(i), f.floatValues()[i]);
            } else {
                features.append(f.index(i), f.doubleValues()[i]);
            }
        }
        features.setDimension(f.dimension());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LibSvmRow r) || r.labelCount != labelCount || r.multiLabel != multiLabel
                || r.hasWeight != hasWeight || r.hasQid != hasQid || r.qid != qid
                || Double.doubleToLongBits(r.weight) != Double.doubleToLongBits(weight)) {
            return false;
        }
        for (int i = 0; i < labelCount; i++) {
            if (Double.doubleToLongBits(labels[i]) != Double.doubleToLongBits(r.labels[i])) {
                return false;
            }
        }
        return features.equals(r.features);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(qid) * 31 + features.hashCode();
        for (int i = 0; i < labelCount; i++) {
            h = h * 31 + Double.hashCode(labels[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LibSvmRow[");
        if (multiLabel) {
            sb.append("labels=").append(Arrays.toString(Arrays.copyOf(labels, labelCount)));
        } else {
            sb.append("label=").append(label());
        }
        if (hasWeight) {
            sb.append(", weight=").append(weight);
        }
        if (hasQid) {
            sb.append(", qid=").append(qid);
        }
        return sb.append(", ").append(features).append(']').toString();
    }
}
