package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.AtomicFileSink;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.recordio.protobuf.TensorType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Writes rows as RecordIO-protobuf ({@link RecordProtobufWriter}), byte for byte what the SageMaker Python SDK
 * writes for the same matrix: dense rows as {@code write_numpy_to_dense_tensor} does, sparse rows as
 * {@code write_spmatrix_to_sparse_tensor} ({@code shape = [number of features]}). Labels are tensors of the
 * output value type (float32 by default, what Linear Learner and Factorization Machines require).
 *
 * <p>Representation changes follow the SDK's matrix semantics, where an absent sparse entry is 0: a sparse row
 * written dense gets zeros, a dense row written sparse leaves its zeros out (as {@code scipy.sparse.csr_matrix}
 * does). Weights, qids and label lists have no place in the format and are refused rather than dropped.
 * Not thread-safe.
 */
public final class RecordIoRowSink implements RowSink {
    private final RecordProtobufWriter writer;
    private final AtomicFileSink gzipSink;
    private final GZIPOutputStream gzip;
    private final Boolean dense;
    private final ValueType type;
    private final long width;
    private float[] f32 = new float[64];
    private double[] f64 = new double[64];
    private int[] keys = new int[64];

    /**
     * @param width the number of features: needed to write sparse rows that do not carry their dimension, and
     *              dense rows from sparse input; 0 if unknown
     */
    public RecordIoRowSink(Path target, ConvertOptions o, ValueType inputType, long width) throws IOException {
        this.type = o.dtype() != null ? o.dtype() : inputType;
        this.dense = o.dense();
        this.width = o.numFeatures() > 0 ? o.numFeatures() : width;
        RecordProtobufWriteOptions wo = RecordProtobufWriteOptions.defaults()
                .withLabelType(type == ValueType.FLOAT64 ? TensorType.FLOAT64 : TensorType.FLOAT32);
        if (o.gzip()) {
            gzipSink = AtomicFileSink.open(target);
            try {
                gzip = new GZIPOutputStream(new BufferedOutputStream(gzipSink.stream(), 1 << 16), 1 << 16);
                writer = RecordProtobufWriter.open(gzip, wo);
            } catch (IOException | RuntimeException e) {
                gzipSink.abort();
                throw e;
            }
        } else {
            gzipSink = null;
            gzip = null;
            writer = RecordProtobufWriter.open(target, wo);
        }
    }

    @Override
    public void write(LabeledRow row) throws IOException {
        if (row.isMultiLabel()) {
            throw new IllegalArgumentException("RecordIO-protobuf rows are written with one label; this row has "
                    + row.labelCount());
        }
        if (row.hasWeight() || row.hasQid()) {
            throw new IllegalArgumentException("RecordIO-protobuf cannot hold " + (row.hasWeight() ? "weights" : "qids")
                    + "; they would be lost (write libsvm or parquet instead)");
        }
        boolean label = row.labelCount() == 1;
        double l = label ? row.label(0) : 0;
        boolean denseOut = dense != null ? dense : !row.isSparse();
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
            if (s.type() == type) { // zero-copy: the source's arrays
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
                    + "(its shape); give --num-features N");
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
            f32 = type == ValueType.FLOAT32 ? new float[c] : f32;
            f64 = type == ValueType.FLOAT64 ? new double[c] : f64;
        }
    }

    /** Sparse to dense: absent entries are 0. */
    private int scatter(SparseVector s) {
        long w = width > 0 ? width : s.dimension();
        if (w <= 0) {
            throw new IllegalArgumentException("writing dense rows from sparse input needs the number of features; "
                    + "give --num-features N");
        }
        room(w);
        int n = (int) w;
        if (type == ValueType.FLOAT32) {
            Arrays.fill(f32, 0, n, 0f);
        } else {
            Arrays.fill(f64, 0, n, 0d);
        }
        for (int i = 0; i < s.nnz(); i++) {
            int c = s.index(i);
            if (c >= n) {
                throw new IllegalArgumentException("feature index " + c + " is not below the number of features " + n);
            }
            if (type == ValueType.FLOAT32) {
                f32[c] = s.floatValue(i);
            } else {
                f64[c] = s.value(i);
            }
        }
        return n;
    }

    private int copy(DenseVector d) {
        int n = d.size();
        room(n);
        for (int i = 0; i < n; i++) {
            if (type == ValueType.FLOAT32) {
                f32[i] = d.floatValue(i);
            } else {
                f64[i] = d.value(i);
            }
        }
        return n;
    }

    private int gather(SparseVector s) {
        int n = s.nnz();
        room(n);
        System.arraycopy(s.indices(), 0, keys, 0, n);
        for (int i = 0; i < n; i++) {
            if (type == ValueType.FLOAT32) {
                f32[i] = s.floatValue(i);
            } else {
                f64[i] = s.value(i);
            }
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
                if (type == ValueType.FLOAT32) {
                    f32[n] = d.floatValue(i);
                } else {
                    f64[n] = v;
                }
                n++;
            }
        }
        return n;
    }

    @Override
    public void commit() throws IOException {
        writer.commit();
        if (gzipSink != null) {
            gzip.close(); // finishes the gzip member and flushes the buffer into the temporary file
            gzipSink.commit();
        }
    }

    @Override
    public void abort() {
        writer.abort();
        if (gzipSink != null) {
            gzipSink.abort();
        }
    }
}
