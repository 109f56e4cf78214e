package io.mlformats.spark.udf;

import io.mlformats.core.ByteSources;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataType;

/**
 * SQL function {@code from_recordio_protobuf(frame)}: decodes one RecordIO frame holding a SageMaker
 * {@code Record} (as {@code to_recordio_protobuf} or the {@code recordio} source give them; multi-part dmlc frames
 * included) into {@code struct<label double, features vector>}: the label is the first value of
 * {@code label["values"]} widened to double (null when the record has no label), the features
 * {@code features["values"]}: keys give an ml sparse vector of size {@code shape[0]}, no keys a dense vector. The
 * inverse of {@code to_recordio_protobuf} (float32 values widen exactly). A null frame gives null.
 *
 * <p>Errors ({@link IllegalArgumentException}, failing the task): bytes that are not one complete frame, or a
 * record the library refuses (the message holds the frame's length, the library's error with the byte offset in
 * the frame, and what was expected), and arguments of other types. Registered as a {@link UDF1}; from PySpark's
 * {@code registerJavaFunction} give the return type ({@link #returnType()}).
 *
 * @serial exclude (Java serialization only ships functions and options to tasks; it is not a storage form)
 */
public final class FromRecordIoProtobuf implements UDF1<Object, Row> {
    private static final long serialVersionUID = 1L;
    /** The SQL name {@link io.mlformats.spark.MlFormatsFunctions} registers this function under. */
    public static final String NAME = "from_recordio_protobuf";

    /** The function; it has no settings. */
    public FromRecordIoProtobuf() {
    }

    /**
     * The SQL result type.
     *
     * @return {@code struct<label double, features vector>} (ml {@code VectorUDT})
     */
    public static DataType returnType() {
        return Decoding.LABELED_VECTOR;
    }

    /**
     * Decodes one frame.
     *
     * @param frame the frame, a {@code byte[]}; null gives null
     * @return a row {@code (label, features)}, or null
     * @throws IllegalArgumentException for bytes that are not one valid frame or an argument of another type
     */
    @Override
    public Row call(Object frame) {
        if (frame == null) {
            return null;
        }
        if (!(frame instanceof byte[] bytes)) {
            throw new IllegalArgumentException(NAME + ": argument 'frame' is " + Features.typeOf(frame)
                    + "; accepted: binary");
        }
        return Decoding.one(NAME, "a frame of " + bytes.length + " bytes", "one complete RecordIO frame (magic, "
                        + "length, Record payload, padding) with a float32/float64/int32 features[\"values\"] tensor",
                -1, () -> RecordProtobufReader.open(ByteSources.of(bytes, NAME).input(),
                        RecordProtobufReadOptions.defaults()));
    }
}
