package io.mlformats.recordio.protobuf;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.util.Arrays;

/**
 * Writes {@link LabeledRow}s through a {@link RecordProtobufWriter}, byte for byte what the SageMaker Python SDK
 * writes for the same matrix: dense rows as {@code write_numpy_to_dense_tensor} does, sparse rows as
 * {@code write_spmatrix_to_sparse_tensor} ({@code shape = [number of features]}).
 *
 * <p>Representation changes follow the SDK's matrix semantics, where an absent sparse entry is 0: a sparse row
 * written dense gets zeros, a dense row written sparse leaves its zeros out (as {@code scipy.sparse.csr_matrix}
 * does). Weights, qids and label lists have no place in the format and are refused rather than dropped. Every
 * check happens before any byte is written. Reuses its scratch arrays; not thread-safe.
 */
final class RowWriting {
    private final RecordProtobufWriter writer;
    private final ValueType fixedType;
    private final RowLayout layout;
    private final long width;
    private ValueType type;
    private float[] f32 = new float[64];
    private double[] f64 = new double[64];
    private int[] keys = new int[64];

    RowWriting(RecordProtobufWriter writer, RecordProtobufWriteOptions o) {
        this.writer = writer;
        this.fixedType = o.rowType();
        this.layout = o.rowLayout();
        this.width = o.numFeatures();
    }

    void write(LabeledRow row) throws IOException {
        if (row.isMultiLabel()) {
            throw new IllegalArgumentException("RecordIO-protobuf rows are written with one label; this row has "
                    + row.labelCount());
        }
        if (row.hasWeight() || row.hasQid()) {
            throw new IllegalArgumentException("RecordIO-protobuf cannot hold " + (row.hasWeight() ? "weights" : "qids")
                    + "; they would be lost (write libsvm or parquet instead)");
        }
        type = fixedType != null ? fixedType : row.valueType();
        boolean label = row.labelCount() == 1;
        double l = label ? row.label(0) : 0;
        boolean denseOut = layout == RowLayout.AS_ROW ? !row.isSparse() : layout == RowLayout.DENSE;
        int n;
        if (denseOut) {
            n = row.isSparse() ? scatter(row.sparse()) : copy(row.dense());
            if (type == ValueType.FLOAT32) {
                if (label) {
                    writer.writeDense(f32, 0, n, l);
                } else {
                    writer.writeDense(f32, 0, n);
                }
            } else if (label) {
                writer.writeDense(f64, 0, n, l);
            } else {
                writer.writeDense(f64, 0, n);
            }
            return;
        }
        long dim;
        int[] k = keys;
        float[] v32 = f32;
        double[] v64 = f64;
        if (row.isSparse()) {
            SparseVector s = row.sparse();
            dim = s.dimension() > 0 ? s.dimension() : width;
            if (s.type() == type) { // zero-copy: the row's arrays
                n = s.nnz();
                k = s.indices();
                v32 = s.floatValues();
                v64 = s.doubleValues();
            } else {
                n = gather(s);
            }
        } else {
            dim = row.dense().size();
            n = gather(row.dense());
        }
        if (dim <= 0) {
            throw new IllegalArgumentException("a sparse RecordIO-protobuf row needs the number of features "
                    + "(its shape): the row has no dimension and RecordProtobufWriteOptions.numFeatures() is 0");
        }
        if (type == ValueType.FLOAT32) {
            if (label) {
                writer.writeSparse(dim, k, v32, 0, n, l);
            } else {
                writer.writeSparse(dim, k, v32, 0, n);
            }
        } else if (label) {
            writer.writeSparse(dim, k, v64, 0, n, l);
        } else {
            writer.writeSparse(dim, k, v64, 0, n);
        }
    }

    private void room(long n) {
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("row too wide: " + n);
        }
        if (n > keys.length) {
            int c = (int) Math.max(n, keys.length * 2L);
            keys = new int[c];
            f32 = new float[c];
            f64 = new double[c];
        }
    }

    /** Sparse to dense: absent entries are 0. */
    private int scatter(SparseVector s) {
        long w = width > 0 ? width : s.dimension();
        if (w <= 0) {
            throw new IllegalArgumentException("writing a sparse row dense needs the number of features: the row has "
                    + "no dimension and RecordProtobufWriteOptions.numFeatures() is 0");
        }
        room(w);
        int n = (int) w;
        for (int i = 0; i < s.nnz(); i++) {
            if (s.index(i) >= n) {
                throw new IllegalArgumentException("feature index " + s.index(i) + " is not below the number of "
                        + "features " + n);
            }
        }
        if (type == ValueType.FLOAT32) {
            Arrays.fill(f32, 0, n, 0f);
        } else {
            Arrays.fill(f64, 0, n, 0d);
        }
        for (int i = 0; i < s.nnz(); i++) {
            put(s.index(i), s.floatValue(i), s.value(i));
        }
        return n;
    }

    private int copy(DenseVector d) {
        int n = d.size();
        room(n);
        for (int i = 0; i < n; i++) {
            put(i, d.floatValue(i), d.value(i));
        }
        return n;
    }

    private int gather(SparseVector s) {
        int n = s.nnz();
        room(n);
        System.arraycopy(s.indices(), 0, keys, 0, n);
        for (int i = 0; i < n; i++) {
            put(i, s.floatValue(i), s.value(i));
        }
        return n;
    }

    /** Dense to sparse: zeros are left out (scipy's rule); NaN is a value and kept. */
    private int gather(DenseVector d) {
        room(d.size());
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            double v = d.value(i);
            if (v != 0) {
                keys[n] = i;
                put(n++, d.floatValue(i), v);
            }
        }
        return n;
    }

    /** Stores value {@code i} of the output type: {@code f} for float32 output, {@code d} for float64. */
    private void put(int i, float f, double d) {
        if (type == ValueType.FLOAT32) {
            f32[i] = f;
        } else {
            f64[i] = d;
        }
    }
}
