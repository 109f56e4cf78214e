package io.mlformats.spark.udf;

import io.mlformats.recordio.protobuf.RecordFrameEncoder;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.spark.MlFormatsUdfOptions;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * SQL function {@code to_recordio_protobuf(label, features)}: one complete RecordIO frame (header, SageMaker
 * {@code Record} payload, padding) holding the row, byte for byte what the {@code recordio-protobuf} data source
 * and {@link io.mlformats.recordio.protobuf.RecordProtobufWriter} write for it. Frames concatenated in any order
 * are a valid {@code application/x-recordio-protobuf} body: a {@code .pbr} file (e.g. through the {@code recordio}
 * source with {@code framed=true}) or an InvokeEndpoint request.
 *
 * <p>Features: an ml or mllib vector or {@code array<float|double|int>}; a dense vector or array becomes a dense
 * tensor, a sparse vector keys + values + {@code shape = [size]}, as the SageMaker SDK writes them. The tensor type
 * is {@link MlFormatsUdfOptions#featureType()} (float32 by default; int32 takes dense integral values only). The
 * label (any numeric type) is one value of {@link MlFormatsUdfOptions#labelType()}; a null label writes a record
 * without label; null features give null.
 *
 * <p>Allocation per row: the returned array only (the frame is encoded into a per-thread buffer and copied out
 * once; a vector's own arrays are read in place, float32 values go through a per-thread scratch array). Errors
 * ({@link IllegalArgumentException}): an argument of another type (naming the function, the argument and the
 * accepted types), a sparse row for int32, a non-integral value for int32. Registered as a {@link UDF2}; the
 * public no-arg constructor (defaults) serves PySpark's {@code registerJavaFunction}.
 *
 * @serial exclude (Java serialization only ships functions and options to tasks; it is not a storage form)
 */
public final class ToRecordIoProtobuf implements UDF2<Object, Object, byte[]> {
    private static final long serialVersionUID = 1L;
    /** The SQL name {@link io.mlformats.spark.MlFormatsFunctions} registers this function under. */
    public static final String NAME = "to_recordio_protobuf";

    private final TensorType featureType;
    private final PerThread<State> state;

    /** With {@link MlFormatsUdfOptions#defaults()}: float32 features and label under {@code "values"}. */
    public ToRecordIoProtobuf() {
        this(MlFormatsUdfOptions.defaults());
    }

    /**
     * With the tensor types, keys and framing of {@code options}.
     *
     * @param options the function settings
     */
    public ToRecordIoProtobuf(MlFormatsUdfOptions options) {
        this.featureType = options.featureType();
        this.state = new PerThread<>(() -> new State(options.recordProtobufWriteOptions()));
    }

    /**
     * The SQL result type.
     *
     * @return {@code binary}
     */
    public static DataType returnType() {
        return DataTypes.BinaryType;
    }

    /**
     * Encodes one row.
     *
     * @param label    the label, a {@link Number}, or null for a record without label
     * @param features an ml/mllib vector or a {@code scala.collection.Seq} of numbers; null gives null
     * @return a new array holding one complete frame, or null
     * @throws IllegalArgumentException for arguments of other types or a row the format cannot hold
     */
    @Override
    public byte[] call(Object label, Object features) {
        if (features == null) {
            return null;
        }
        State s = state.get();
        boolean hasLabel = label != null;
        double l = hasLabel ? Features.label(NAME, "label", label) : 0;
        Features f = s.features;
        f.read(NAME, "features", features);
        RecordFrameEncoder enc = s.encoder;
        try {
            switch (featureType) {
                case FLOAT64 -> {
                    if (f.dense) {
                        enc.dense(f.values, 0, f.nnz, hasLabel, l);
                    } else {
                        enc.sparse(f.size, f.indices, f.values, 0, f.nnz, hasLabel, l);
                    }
                }
                case INT32 -> {
                    if (!f.dense) {
                        throw new IllegalArgumentException("featureType int32 writes dense rows only (as the "
                                + "SageMaker SDK); argument 'features' is a sparse vector");
                    }
                    enc.dense(s.ints(f.values, f.nnz), 0, f.nnz, hasLabel, l);
                }
                default -> {
                    float[] v = s.floats(f.values, f.nnz);
                    if (f.dense) {
                        enc.dense(v, 0, f.nnz, hasLabel, l);
                    } else {
                        enc.sparse(f.size, f.indices, v, 0, f.nnz, hasLabel, l);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
        return enc.toByteArray();
    }

    private static final class State {
        final Features features = new Features();
        final RecordFrameEncoder encoder;
        private float[] f32 = new float[16];
        private int[] i32 = new int[16];

        State(RecordProtobufWriteOptions o) {
            encoder = RecordFrameEncoder.of(o);
        }

        float[] floats(double[] v, int n) {
            if (f32.length < n) {
                f32 = new float[Math.max(n, f32.length * 2)];
            }
            for (int i = 0; i < n; i++) {
                f32[i] = (float) v[i];
            }
            return f32;
        }

        int[] ints(double[] v, int n) {
            if (i32.length < n) {
                i32 = new int[Math.max(n, i32.length * 2)];
            }
            for (int i = 0; i < n; i++) {
                int x = (int) v[i];
                if (x != v[i]) {
                    throw new IllegalArgumentException("featureType int32: feature " + i + " is " + v[i]
                            + ", not an int32 value");
                }
                i32[i] = x;
            }
            return i32;
        }
    }
}
