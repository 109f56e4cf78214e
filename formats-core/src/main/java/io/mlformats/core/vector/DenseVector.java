package io.mlformats.core.vector;

import java.util.Arrays;

/**
 * A dense vector of float32 or float64 values. Used as a <em>reusable view</em> by readers (refilled for every
 * record, grown geometrically) and as an owned value after {@link #copy()}. {@link #floatValues()} and
 * {@link #doubleValues()} are the backing arrays, valid in {@code [0, size())}. Not thread-safe.
 * {@link #equals} compares bit for bit.
 */
public final class DenseVector {
    private final ValueType type;
    private float[] f32;
    private double[] f64;
    private int size;

    private DenseVector(ValueType type, int capacity) {
        this.type = type;
        if (type == ValueType.FLOAT32) {
            f32 = new float[capacity];
        } else {
            f64 = new double[capacity];
        }
    }

    /**
     * An empty vector of {@code type} with room for {@code capacity} values (it grows).
     *
     * @param type how values are stored: float32 or float64
     * @param capacity the initial number of values the backing array holds (at least 4 is used)
     * @return a new empty vector
     */
    public static DenseVector of(ValueType type, int capacity) {
        return new DenseVector(type, Math.max(capacity, 4));
    }

    /**
     * An owned float32 vector holding a copy of {@code values}.
     *
     * @param values the values; copied, so the array stays the caller's
     * @return a new float32 vector of {@code values.length} values
     */
    public static DenseVector ofFloat32(float... values) {
        DenseVector v = new DenseVector(ValueType.FLOAT32, Math.max(values.length, 1));
        System.arraycopy(values, 0, v.f32, 0, values.length);
        v.size = values.length;
        return v;
    }

    /**
     * An owned float64 vector holding a copy of {@code values}.
     *
     * @param values the values; copied, so the array stays the caller's
     * @return a new float64 vector of {@code values.length} values
     */
    public static DenseVector ofFloat64(double... values) {
        DenseVector v = new DenseVector(ValueType.FLOAT64, Math.max(values.length, 1));
        System.arraycopy(values, 0, v.f64, 0, values.length);
        v.size = values.length;
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
     * Number of values.
     *
     * @return the number of values currently held; the backing array may be longer
     */
    public int size() {
        return size;
    }

    /**
     * Value {@code i} as a double.
     *
     * @param i the value's position, in {@code [0, size())}
     * @return value {@code i}, widened exactly for a float32 vector
     */
    public double value(int i) {
        return f32 != null ? f32[i] : f64[i];
    }

    /**
     * Value {@code i} as a float.
     *
     * @param i the value's position, in {@code [0, size())}
     * @return value {@code i}, rounded to float for a float64 vector
     */
    public float floatValue(int i) {
        return f32 != null ? f32[i] : (float) f64[i];
    }

    /**
     * The float32 backing array (valid up to {@link #size()}; owned by the vector, reused), or null for float64.
     *
     * @return the backing float32 array itself (not a copy), or null for a float64 vector
     */
    public float[] floatValues() {
        return f32;
    }

    /**
     * The float64 backing array (valid up to {@link #size()}; owned by the vector, reused), or null for float32.
     *
     * @return the backing float64 array itself (not a copy), or null for a float32 vector
     */
    public double[] doubleValues() {
        return f64;
    }

    /** Empties the vector, keeping its capacity. */
    public void clear() {
        size = 0;
    }

    /**
     * Appends a value (converted to the vector's type).
     *
     * @param v the value to append after the current {@link #size()} values
     */
    public void append(float v) {
        if (size == capacity()) {
            grow();
        }
        if (f32 != null) {
            f32[size++] = v;
        } else {
            f64[size++] = v;
        }
    }

    /**
     * Appends a value (rounded to float32 for a float32 vector).
     *
     * @param v the value to append after the current {@link #size()} values
     */
    public void append(double v) {
        if (size == capacity()) {
            grow();
        }
        if (f64 != null) {
            f64[size++] = v;
        } else {
            f32[size++] = (float) v;
        }
    }

    /**
     * Copies the first {@code size()} values into a new float array (rounding float64 values).
     *
     * @return a new array of length {@link #size()}, owned by the caller
     */
    public float[] toFloatArray() {
        if (f32 != null) {
            return Arrays.copyOf(f32, size);
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) f64[i];
        }
        return out;
    }

    /**
     * Copies the first {@code size()} values into a new double array.
     *
     * @return a new array of length {@link #size()}, owned by the caller
     */
    public double[] toDoubleArray() {
        if (f64 != null) {
            return Arrays.copyOf(f64, size);
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = f32[i];
        }
        return out;
    }

    private int capacity() {
        return f32 != null ? f32.length : f64.length;
    }

    private void grow() {
        if (f32 != null) {
            f32 = Arrays.copyOf(f32, f32.length * 2);
        } else {
            f64 = Arrays.copyOf(f64, f64.length * 2);
        }
    }

    /**
     * An owned copy, independent of this (reused) vector.
     *
     * @return a new vector with the same type and values, sharing no array with this one
     */
    public DenseVector copy() {
        return f32 != null ? ofFloat32(Arrays.copyOf(f32, size)) : ofFloat64(Arrays.copyOf(f64, size));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DenseVector v) || v.type != type || v.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (f32 != null ? Float.floatToIntBits(f32[i]) != Float.floatToIntBits(v.f32[i])
                    : Double.doubleToLongBits(f64[i]) != Double.doubleToLongBits(v.f64[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = h * 31 + Double.hashCode(value(i));
        }
        return h;
    }

    @Override
    public String toString() {
        return "DenseVector[" + type + ", size=" + size + "]";
    }
}
