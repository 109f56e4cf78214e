package io.mlformats.recordio.protobuf;

/** Which member of the {@code Value} oneof a tensor holds. */
public enum TensorType {
    /** {@code Float32Tensor}: float values. */
    FLOAT32,
    /** {@code Float64Tensor}: double values. */
    FLOAT64,
    /** {@code Int32Tensor}: int values. */
    INT32,
    /** {@code Bytes}: opaque byte strings with an optional content type. */
    BYTES,
    /** A {@code Value} with no member set. */
    NONE
}
