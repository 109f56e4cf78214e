package io.mlformats.spark.internal;

import java.util.Arrays;

/**
 * Reused scratch for the features of one row, filled by {@link FeatureColumn#read}: either dense
 * ({@code values[0..size)}) or sparse ({@code indices[0..nnz)}, {@code values[0..nnz)}, dimension {@code size}).
 * Arrays grow as needed and are reused for every row, so writers create no per-row vector objects. Not
 * thread-safe: one per writer or per UDF call thread.
 */
public final class FeatureBuffer {
    /** True for dense values, false for sparse entries. */
    public boolean dense;
    /** The vector's dimension (for dense vectors also the number of values). */
    public long size;
    /** Number of sparse entries (for dense vectors equal to size). */
    public int nnz;
    /** Indices of the sparse entries; unused for dense vectors. */
    public int[] indices = new int[16];
    /** Values (dense) or entry values (sparse). */
    public double[] values = new double[16];

    /**
     * Makes room for {@code n} entries, keeping none of the old contents.
     *
     * @param n entries needed
     */
    public void ensure(int n) {
        if (values.length < n) {
            int cap = Math.max(n, values.length * 2);
            values = new double[cap];
            indices = new int[cap];
        }
    }

    /**
     * Sets this to a dense vector of {@code n} values, to be written into {@link #values}.
     *
     * @param n number of values
     */
    public void startDense(int n) {
        ensure(n);
        dense = true;
        size = n;
        nnz = n;
    }

    /**
     * Sets this to a sparse vector of dimension {@code size} with {@code n} entries, to be written into
     * {@link #indices} and {@link #values}.
     *
     * @param dimension the dimension
     * @param n number of entries
     */
    public void startSparse(long dimension, int n) {
        ensure(n);
        dense = false;
        size = dimension;
        nnz = n;
    }

    @Override
    public String toString() {
        return (dense ? "dense" : "sparse(" + size + ")") + Arrays.toString(Arrays.copyOf(values, nnz));
    }
}
