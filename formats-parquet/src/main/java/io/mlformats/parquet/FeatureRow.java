package io.mlformats.parquet;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;

/**
 * One labelled feature row: an optional label, an optional weight, and features either dense
 * ({@link #dense()}) or sparse ({@link #sparse()}), as {@link #isSparse()} says.
 *
 * <p>A <em>reusable</em> holder: {@link ParquetFeatureReader} refills the same instance for every row (valid
 * until its next {@code next()}), and callers of {@link ParquetFeatureWriter} fill one instance per row and
 * reuse it. {@link #copy()} makes an owned copy. In dense rows a missing value is NaN. Not thread-safe.
 */
public final class FeatureRow {
    private final ValueType valueType;
    private final SparseVector sparse;
    private final DenseVector dense;
    private boolean sparseForm;
    private double label = Double.NaN;
    private boolean hasLabel;
    private double weight = 1.0;
    private boolean hasWeight;

    private FeatureRow(ValueType valueType, int capacity) {
        this.valueType = valueType;
        this.sparse = SparseVector.of(valueType, capacity);
        this.dense = DenseVector.of(valueType, capacity);
    }

    /** An empty row whose feature values are of {@code valueType}. */
    public static FeatureRow of(ValueType valueType) {
        return new FeatureRow(valueType, 16);
    }

    public ValueType valueType() {
        return valueType;
    }

    /** Removes label, weight and features; keeps capacity. */
    public void clear() {
        label = Double.NaN;
        hasLabel = false;
        weight = 1.0;
        hasWeight = false;
        sparse.clear();
        dense.clear();
    }

    public boolean hasLabel() {
        return hasLabel;
    }

    /** The label, or NaN when {@link #hasLabel()} is false. */
    public double label() {
        return label;
    }

    public void setLabel(double label) {
        this.label = label;
        this.hasLabel = true;
    }

    public void clearLabel() {
        this.label = Double.NaN;
        this.hasLabel = false;
    }

    public boolean hasWeight() {
        return hasWeight;
    }

    /** The weight, or 1 when {@link #hasWeight()} is false. */
    public double weight() {
        return weight;
    }

    public void setWeight(double weight) {
        this.weight = weight;
        this.hasWeight = true;
    }

    public void clearWeight() {
        this.weight = 1.0;
        this.hasWeight = false;
    }

    public boolean isSparse() {
        return sparseForm;
    }

    /** The sparse features (meaningful when {@link #isSparse()}). */
    public SparseVector sparse() {
        return sparse;
    }

    /** The dense features (meaningful when not {@link #isSparse()}). */
    public DenseVector dense() {
        return dense;
    }

    /** Switches the row to sparse features, cleared, and returns the vector to fill. */
    public SparseVector useSparse() {
        sparseForm = true;
        sparse.clear();
        return sparse;
    }

    /** Switches the row to dense features, cleared, and returns the vector to fill. */
    public DenseVector useDense() {
        sparseForm = false;
        dense.clear();
        return dense;
    }

    /** An owned copy. */
    public FeatureRow copy() {
        FeatureRow c = new FeatureRow(valueType, Math.max(4, sparseForm ? sparse.nnz() : dense.size()));
        c.label = label;
        c.hasLabel = hasLabel;
        c.weight = weight;
        c.hasWeight = hasWeight;
        c.sparseForm = sparseForm;
        if (sparseForm) {
            for (int i = 0; i < sparse.nnz(); i++) {
                if (valueType == ValueType.FLOAT32) {
                    c.sparse.append(sparse.index(i), sparse.floatValue(i));
                } else {
                    c.sparse.append(sparse.index(i), sparse.value(i));
                }
            }
            c.sparse.setDimension(sparse.dimension());
        } else {
            for (int i = 0; i < dense.size(); i++) {
                if (valueType == ValueType.FLOAT32) {
                    c.dense.append(dense.floatValue(i));
                } else {
                    c.dense.append(dense.value(i));
                }
            }
        }
        return c;
    }

    /** Bitwise comparison of label, weight and features. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureRow r && r.valueType == valueType && r.hasLabel == hasLabel
                && Double.doubleToLongBits(r.label) == Double.doubleToLongBits(label) && r.hasWeight == hasWeight
                && Double.doubleToLongBits(r.weight) == Double.doubleToLongBits(weight) && r.sparseForm == sparseForm
                && (sparseForm ? r.sparse.equals(sparse) : r.dense.equals(dense));
    }

    @Override
    public int hashCode() {
        return Double.hashCode(label) * 31 + (sparseForm ? sparse.hashCode() : dense.hashCode());
    }

    @Override
    public String toString() {
        return "FeatureRow[label=" + (hasLabel ? label : "none") + (hasWeight ? ", weight=" + weight : "") + ", "
                + (sparseForm ? sparse : dense) + "]";
    }
}
