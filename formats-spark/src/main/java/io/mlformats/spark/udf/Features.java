package io.mlformats.spark.udf;

import io.mlformats.spark.internal.Columns;

/**
 * The features argument of a row, as Java UDFs receive it: an ml or mllib {@code DenseVector} /
 * {@code SparseVector} (Spark deserializes {@code VectorUDT} columns to these objects before the call), or a
 * {@code scala.collection.Seq} of numbers for {@code array<float|double|int>} columns. A vector's own arrays are
 * used as they are (no copy); a {@code Seq} is walked with its iterator (the same on Scala 2.12 and 2.13) into
 * arrays this object reuses. One per thread (see {@link PerThread}); not thread-safe.
 */
final class Features {
    /** Accepted argument types, for messages. */
    static final String ACCEPTED = "an ml or mllib vector (VectorUDT), array<float>, array<double> or array<int>";

    /** True for dense values ({@code values[0..nnz)} = features 0..nnz-1), false for sparse entries. */
    boolean dense;
    /** The dimension (dense: the number of values). */
    long size;
    /** Number of values (dense) or entries (sparse). */
    int nnz;
    /** Indices of sparse entries: the vector's own array or {@link #ownIndices}; unused when dense. */
    int[] indices;
    /** Values: the vector's own array or {@link #ownValues}; read {@code [0, nnz)}. */
    double[] values;

    private double[] ownValues = new double[16];
    private final int[] ownIndices = new int[0];

    /**
     * Reads {@code v} (not null).
     *
     * @throws IllegalArgumentException for any other type or a null array element, naming the function, the
     *                                  argument and the accepted types
     */
    void read(String function, String argument, Object v) {
        if (v instanceof org.apache.spark.ml.linalg.DenseVector d) {
            dense(d.values());
        } else if (v instanceof org.apache.spark.ml.linalg.SparseVector s) {
            sparse(s.size(), s.indices(), s.values());
        } else if (v instanceof org.apache.spark.mllib.linalg.DenseVector d) {
            dense(d.values());
        } else if (v instanceof org.apache.spark.mllib.linalg.SparseVector s) {
            sparse(s.size(), s.indices(), s.values());
        } else if (v instanceof scala.collection.Seq<?> seq) {
            array(function, argument, seq);
        } else {
            throw new IllegalArgumentException(function + ": argument '" + argument + "' is " + typeOf(v)
                    + "; accepted: " + ACCEPTED);
        }
    }

    private void dense(double[] v) {
        dense = true;
        size = v.length;
        nnz = v.length;
        values = v;
        indices = ownIndices;
    }

    private void sparse(int dimension, int[] idx, double[] v) {
        dense = false;
        size = dimension;
        nnz = v.length;
        values = v;
        indices = idx;
    }

    private void array(String function, String argument, scala.collection.Seq<?> seq) {
        double[] dst = ownValues;
        int n = 0;
        scala.collection.Iterator<?> it = seq.iterator();
        while (it.hasNext()) {
            Object e = it.next();
            if (!(e instanceof Number x)) {
                throw new IllegalArgumentException(function + ": argument '" + argument + "' has "
                        + (e == null ? "a null element" : "an element of type " + e.getClass().getName())
                        + " at index " + n + "; accepted: " + ACCEPTED + " without nulls");
            }
            if (n == dst.length) {
                dst = java.util.Arrays.copyOf(dst, dst.length * 2);
                ownValues = dst;
            }
            dst[n++] = x.doubleValue();
        }
        dense = true;
        size = n;
        nnz = n;
        values = dst;
        indices = ownIndices;
    }

    /**
     * A label argument as a double.
     *
     * @throws IllegalArgumentException if {@code v} is not a number, naming the function and the accepted types
     */
    static double label(String function, String argument, Object v) {
        if (v instanceof Number x) {
            return x.doubleValue();
        }
        throw new IllegalArgumentException(function + ": argument '" + argument + "' is " + typeOf(v)
                + "; accepted: " + Columns.NUMERIC_TYPES);
    }

    /** An integer argument (a count such as {@code num_features}), or -1 when null. */
    static long count(String function, String argument, Object v) {
        if (v == null) {
            return -1;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException(function + ": argument '" + argument + "' is " + typeOf(v)
                + "; accepted: tinyint, smallint, int, bigint");
    }

    /** "a value of type java.lang.String" or "null", for messages. */
    static String typeOf(Object v) {
        return v == null ? "null" : "a value of type " + v.getClass().getName();
    }
}
