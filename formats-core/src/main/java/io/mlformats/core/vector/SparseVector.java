package io.mlformats.core.vector;

import java.util.Arrays;

/**
 * A sparse vector: {@code nnz} (index, value) pairs and a dimension. Used as a <em>reusable view</em> by
 * readers (cleared and refilled for every record, its arrays grown geometrically and never shrunk) and as an
 * owned value after {@link #copy()}.
 *
 * <p>Values are stored as {@code float[]} ({@link ValueType#FLOAT32}) or {@code double[]}
 * ({@link ValueType#FLOAT64}); {@link #indices()} and the value arrays are the backing arrays, valid in
 * {@code [0, nnz())}. Not thread-safe. {@link #equals} compares type, dimension and the pairs bit for bit.
 */
public final class SparseVector {
    private final ValueType type;
    private int[] indices;
    private float[] f32;
    private double[] f64;
    private int nnz;
    private long dimension;

    private SparseVector(ValueType type, int capacity) {
        this.type = type;
        this.indices = new int[capacity];
        if (type == ValueType.FLOAT32) {
            f32 = new float[capacity];
        } else {
            f64 = new double[capacity];
        }
    }

    /**
     * An empty float32 vector with room for {@code capacity} pairs before growing.
     *
     * @param capacity the initial number of pairs the backing arrays hold (at least 4 is used)
     * @return a new empty vector with dimension 0
     */
    public static SparseVector float32(int capacity) {
        return new SparseVector(ValueType.FLOAT32, Math.max(capacity, 4));
    }

    /**
     * An empty float64 vector with room for {@code capacity} pairs before growing.
     *
     * @param capacity the initial number of pairs the backing arrays hold (at least 4 is used)
     * @return a new empty vector with dimension 0
     */
    public static SparseVector float64(int capacity) {
        return new SparseVector(ValueType.FLOAT64, Math.max(capacity, 4));
    }

    /**
     * An empty vector of {@code type} with room for {@code capacity} pairs (it grows).
     *
     * @param type how values are stored: float32 or float64
     * @param capacity the initial number of pairs the backing arrays hold (at least 4 is used)
     * @return a new empty vector with dimension 0
     */
    public static SparseVector of(ValueType type, int capacity) {
        return type == ValueType.FLOAT32 ? float32(capacity) : float64(capacity);
    }

    /**
     * An owned float32 vector holding copies of the given arrays.
     *
     * @param dimension the declared dimension, or 0 when unknown
     * @param indices the pairs' indices, in the order given (not sorted or checked); copied
     * @param values the pairs' values, at least as long as {@code indices}; copied
     * @return a new vector of {@code indices.length} pairs, independent of the arrays
     */
    public static SparseVector ofFloat32(long dimension, int[] indices, float[] values) {
        SparseVector v = float32(indices.length);
        for (int i = 0; i < indices.length; i++) {
            v.append(indices[i], values[i]);
        }
        v.dimension = dimension;
        return v;
    }

    /**
     * An owned float64 vector holding copies of the given arrays.
     *
     * @param dimension the declared dimension, or 0 when unknown
     * @param indices the pairs' indices, in the order given (not sorted or checked); copied
     * @param values the pairs' values, at least as long as {@code indices}; copied
     * @return a new vector of {@code indices.length} pairs, independent of the arrays
     */
    public static SparseVector ofFloat64(long dimension, int[] indices, double[] values) {
        SparseVector v = float64(indices.length);
        for (int i = 0; i < indices.length; i++) {
            v.append(indices[i], values[i]);
        }
        v.dimension = dimension;
        return v;
    }

    /**
     * The value type.
     *
     * @return how this vector stores its values: {@link ValueType#FLOAT32} or {@link ValueType#FLOAT64}
     */
    public ValueType type() {
        return type;
    }

    /**
     * Number of stored (index, value) pairs.
     *
     * @return the number of pairs currently stored; the backing arrays may be longer
     */
    public int nnz() {
        return nnz;
    }

    /**
     * Declared dimension (number of features), or 0 when unknown.
     *
     * @return the declared number of features, or 0 when the source did not declare one
     */
    public long dimension() {
        return dimension;
    }

    /**
     * Sets the declared dimension (0 = unknown).
     *
     * @param dimension the declared number of features, or 0 for unknown
     */
    public void setDimension(long dimension) {
        this.dimension = dimension;
    }

    /**
     * Index of pair {@code i}.
     *
     * @param i the pair's position, in {@code [0, nnz())}; positions at or past {@code nnz()} hold stale data or throw
     * @return the index (feature number) of pair {@code i}
     */
    public int index(int i) {
        return indices[i];
    }

    /**
     * The i-th value, widened to double for float32 vectors (exact).
     *
     * @param i the pair's position, in {@code [0, nnz())}; positions at or past {@code nnz()} hold stale data or throw
     * @return the value of pair {@code i} as a double
     */
    public double value(int i) {
        return f32 != null ? f32[i] : f64[i];
    }

    /**
     * The i-th value as a float (rounded for float64 vectors).
     *
     * @param i the pair's position, in {@code [0, nnz())}; positions at or past {@code nnz()} hold stale data or throw
     * @return the value of pair {@code i} as a float
     */
    public float floatValue(int i) {
        return f32 != null ? f32[i] : (float) f64[i];
    }

    /**
     * Backing index array, valid in {@code [0, nnz())}.
     *
     * @return the backing index array itself (not a copy); entries at or past {@code nnz()} are meaningless, and a
     *     later append or sort may replace the array
     */
    public int[] indices() {
        return indices;
    }

    /**
     * Backing float32 value array, or null for a float64 vector.
     *
     * @return the backing float32 value array itself (not a copy), parallel to {@link #indices()}, or null
     */
    public float[] floatValues() {
        return f32;
    }

    /**
     * Backing float64 value array, or null for a float32 vector.
     *
     * @return the backing float64 value array itself (not a copy), parallel to {@link #indices()}, or null
     */
    public double[] doubleValues() {
        return f64;
    }

    /** Removes all pairs, keeping the capacity. */
    public void clear() {
        nnz = 0;
        dimension = 0;
    }

    /**
     * Appends a pair to a float32 vector (or widened into a float64 one).
     *
     * @param index the feature index of the new pair (not checked for order)
     * @param value the pair's value
     */
    public void append(int index, float value) {
        if (nnz == indices.length) {
            grow();
        }
        indices[nnz] = index;
        if (f32 != null) {
            f32[nnz] = value;
        } else {
            f64[nnz] = value;
        }
        nnz++;
    }

    /**
     * Appends a pair to a float64 vector (or rounded into a float32 one).
     *
     * @param index the feature index of the new pair (not checked for order)
     * @param value the pair's value; rounded to float for a float32 vector
     */
    public void append(int index, double value) {
        if (nnz == indices.length) {
            grow();
        }
        indices[nnz] = index;
        if (f64 != null) {
            f64[nnz] = value;
        } else {
            f32[nnz] = (float) value;
        }
        nnz++;
    }

    /** Sorts the pairs by index (stable for equal indices). Used by lenient readers on unsorted input. */
    public void sortByIndex() {
        for (int i = 1; i < nnz; i++) {
            if (indices[i - 1] > indices[i]) {
                insertionOrMergeSort();
                return;
            }
        }
    }

    /**
     * True if indices are strictly ascending.
     *
     * @return {@code true} if every stored index is greater than the one before (also for 0 or 1 pairs); {@code false}
     *     on any duplicate or descent
     */
    public boolean isStrictlyAscending() {
        for (int i = 1; i < nnz; i++) {
            if (indices[i - 1] >= indices[i]) {
                return false;
            }
        }
        return true;
    }

    private void insertionOrMergeSort() {
        // Pack (index, original position) into longs so a primitive sort keeps equal indices in input order.
        long[] keys = new long[nnz];
        for (int i = 0; i < nnz; i++) {
            keys[i] = ((long) indices[i] << 32) | i;
        }
        Arrays.sort(keys);
        int[] ni = new int[indices.length];
        for (int i = 0; i < nnz; i++) {
            ni[i] = (int) (keys[i] >> 32);
        }
        if (f32 != null) {
            float[] nv = new float[f32.length];
            for (int i = 0; i < nnz; i++) {
                nv[i] = f32[(int) keys[i]];
            }
            f32 = nv;
        } else {
            double[] nv = new double[f64.length];
            for (int i = 0; i < nnz; i++) {
                nv[i] = f64[(int) keys[i]];
            }
            f64 = nv;
        }
        indices = ni;
    }

    private void grow() {
        int cap = indices.length * 2;
        indices = Arrays.copyOf(indices, cap);
        if (f32 != null) {
            f32 = Arrays.copyOf(f32, cap);
        } else {
            f64 = Arrays.copyOf(f64, cap);
        }
    }

    /**
     * An owned copy with arrays trimmed to {@code nnz}.
     *
     * @return a new vector with the same type, dimension and pairs, sharing no arrays with this one
     */
    public SparseVector copy() {
        SparseVector c = new SparseVector(type, Math.max(nnz, 1));
        System.arraycopy(indices, 0, c.indices, 0, nnz);
        if (f32 != null) {
            System.arraycopy(f32, 0, c.f32, 0, nnz);
        } else {
            System.arraycopy(f64, 0, c.f64, 0, nnz);
        }
        c.nnz = nnz;
        c.dimension = dimension;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SparseVector v) || v.type != type || v.nnz != nnz || v.dimension != dimension) {
            return false;
        }
        for (int i = 0; i < nnz; i++) {
            if (indices[i] != v.indices[i]) {
                return false;
            }
            if (f32 != null ? Float.floatToIntBits(f32[i]) != Float.floatToIntBits(v.f32[i])
                    : Double.doubleToLongBits(f64[i]) != Double.doubleToLongBits(v.f64[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = type.hashCode() * 31 + nnz;
        for (int i = 0; i < nnz; i++) {
            h = h * 31 + indices[i];
            h = h * 31 + Double.hashCode(value(i));
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SparseVector[").append(type).append(", dim=").append(dimension);
        for (int i = 0; i < Math.min(nnz, 20); i++) {
            sb.append(' ').append(indices[i]).append(':').append(f32 != null ? f32[i] : f64[i]);
        }
        return sb.append(nnz > 20 ? " ...]" : "]").toString();
    }
}
