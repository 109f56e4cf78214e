package io.mlformats.spark.recordio;

import io.mlformats.spark.internal.Columns;

import io.mlformats.core.FormatException;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordView;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.recordio.protobuf.TensorView;
import io.mlformats.spark.internal.SplitInput;
import io.mlformats.spark.internal.VectorValues;
import java.io.IOException;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Rows {@code (label double, features vector)} from SageMaker Records: the label is the first value of
 * {@code label[labelKey]} (null when absent or empty), the features {@code features[featureKey]} as a sparse
 * vector (keys present, or a shape without values: the SDK's empty row) or a dense one. Values are copied from the
 * reader's views into reused arrays and from there into Spark's arrays; no per-record strings, boxes or vector
 * objects. A record that does not fit (no such feature, bytes, a shape of rank 2 or more, a key beyond the shape)
 * is a {@link FormatException} at the record's position, or dropped under DROPMALFORMED. One per task thread.
 */
final class LabeledVectorRows extends RecordIoRows {
    /** {@code vectorType}: as stored, or always sparse / dense. */
    enum VectorType { AUTO, SPARSE, DENSE }

    private final RecordProtobufReader reader;
    private final boolean dropMalformed;
    private final String labelKey;
    private final String featureKey;
    private final VectorType vectorType;
    private final int labelOrdinal;
    private final int featuresOrdinal;
    private final GenericInternalRow row;
    private final VectorValues vector = new VectorValues();
    private double[] values = new double[64];
    private int[] indices = new int[64];
    private long[] keys = new long[64];
    private long[] order = new long[0];

    LabeledVectorRows(SplitInput input, RecordProtobufReader reader, boolean dropMalformed, StructType required,
            String labelKey, String featureKey, VectorType vectorType) {
        super(input, reader, reader.stats());
        this.reader = reader;
        this.dropMalformed = dropMalformed;
        this.labelKey = labelKey;
        this.featureKey = featureKey;
        this.vectorType = vectorType;
        this.labelOrdinal = Columns.indexOf(required, "label");
        this.featuresOrdinal = Columns.indexOf(required, "features");
        this.row = new GenericInternalRow(required.length());
    }

    @Override
    public InternalRow next() throws IOException {
        while (reader.next()) {
            RecordView rec = reader.current();
            try {
                if (labelOrdinal >= 0) {
                    label(rec);
                }
                if (featuresOrdinal >= 0) {
                    features(rec);
                }
                return row;
            } catch (FormatException e) {
                if (!dropMalformed) {
                    throw e;
                }
                drop(e);
            }
        }
        return null;
    }

    private void label(RecordView rec) throws FormatException {
        TensorView t = rec.label(labelKey);
        if (t == null || t.type() == TensorType.NONE || t.size() == 0) {
            row.setNullAt(labelOrdinal);
            return;
        }
        if (t.type() == TensorType.BYTES) {
            throw bad("label['" + labelKey + "'] holds bytes; expected a float32, float64 or int32 tensor");
        }
        row.setDouble(labelOrdinal, t.value(0));
    }

    private void features(RecordView rec) throws FormatException {
        TensorView t = rec.feature(featureKey);
        if (t == null) {
            throw bad("no features['" + featureKey + "'] tensor (set the featureKey option, or read with "
                    + "recordType=Record)");
        }
        if (t.type() == TensorType.BYTES || t.type() == TensorType.NONE) {
            throw bad("features['" + featureKey + "'] is " + t.type() + "; expected a float32, float64 or int32 "
                    + "tensor");
        }
        int rank = t.shapeSize();
        if (rank > 1) {
            long[] dims = new long[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = t.shape(i);
            }
            throw bad("features['" + featureKey + "'] has shape " + Arrays.toString(dims) + " (rank " + rank
                    + "); a vector needs rank 1 (read with recordType=Record for matrices)");
        }
        int n = t.size();
        if (values.length < n) {
            values = new double[Math.max(n, values.length * 2)];
        }
        t.copyTo(values, 0);
        if (t.isSparse()) {
            sparse(t, n);
        } else if (vectorType == VectorType.SPARSE) {
            int nnz = 0;
            if (indices.length < n) {
                indices = new int[values.length];
            }
            for (int i = 0; i < n; i++) {
                if (values[i] != 0) {
                    indices[nnz] = i;
                    values[nnz++] = values[i];
                }
            }
            row.update(featuresOrdinal, vector.sparse(n, indices, values, nnz));
        } else {
            row.update(featuresOrdinal, vector.dense(values, n));
        }
    }

    private void sparse(TensorView t, int n) throws FormatException {
        if (t.shapeSize() == 0) {
            throw bad("features['" + featureKey + "'] has keys but no shape; a sparse vector needs its size");
        }
        long dim = t.shape(0);
        if (dim < 0 || dim > Integer.MAX_VALUE - 8) {
            throw bad("features['" + featureKey + "'] has size " + Long.toUnsignedString(dim)
                    + "; a Spark vector holds at most " + (Integer.MAX_VALUE - 8) + " entries");
        }
        int size = (int) dim;
        int k = t.keyCount();
        if (k != n) {
            throw bad("features['" + featureKey + "'] has " + k + " keys and " + n + " values");
        }
        if (keys.length < n) {
            keys = new long[Math.max(n, keys.length * 2)];
            indices = new int[keys.length];
        } else if (indices.length < n) {
            indices = new int[keys.length];
        }
        t.copyKeys(keys, 0);
        boolean ascending = true;
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            if (key < 0 || key >= size) {
                throw bad("features['" + featureKey + "'] key " + Long.toUnsignedString(key) + " (entry " + i
                        + ") is not below the size " + size);
            }
            indices[i] = (int) key;
            if (i > 0 && key <= keys[i - 1]) {
                ascending = false;
            }
        }
        if (!ascending) {
            sortEntries(n);
        }
        if (vectorType == VectorType.DENSE) {
            double[] dense = new double[size];
            for (int i = 0; i < n; i++) {
                dense[indices[i]] = values[i];
            }
            row.update(featuresOrdinal, vector.dense(dense, size));
        } else {
            row.update(featuresOrdinal, vector.sparse(size, indices, values, n));
        }
    }

    /**
     * Spark's sparse vectors need strictly ascending indices; the SDK keeps a CSR matrix's key order, which need
     * not be sorted. Sorts (key, position) pairs packed in longs (keys are below 2^31) and permutes the values.
     */
    private void sortEntries(int n) throws FormatException {
        if (order.length < n) {
            order = new long[Math.max(n, values.length)];
        }
        for (int i = 0; i < n; i++) {
            order[i] = ((long) indices[i] << 32) | i;
        }
        Arrays.sort(order, 0, n);
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            int key = (int) (order[i] >>> 32);
            if (i > 0 && key == indices[i - 1]) {
                throw bad("features['" + featureKey + "'] has key " + key + " twice");
            }
            indices[i] = key;
            sorted[i] = values[(int) order[i]];
        }
        System.arraycopy(sorted, 0, values, 0, n);
    }

    private FormatException bad(String detail) {
        return new FormatException(reader.position(), detail);
    }
}
