package io.mlformats.recordio;

/**
 * How a reader treats multi-part records (cflag 1, 2, 3).
 *
 * <p>dmlc-core's writer splits a payload at every 4-aligned occurrence of the magic and drops the magic; its
 * readers put it back. awslabs/ml-io and sagemaker-tensorflow-extensions instead concatenate the parts without
 * it, so the same file decodes differently (4 bytes lost per split under {@link #CONCAT}).
 */
public enum MultipartPolicy {
    /** Reassemble, re-inserting the magic between parts (dmlc-core, MXNet). The default. */
    DMLC,
    /** Concatenate the parts without the magic (ml-io, sagemaker-tensorflow-extensions). */
    CONCAT,
    /** Treat any multi-part record as an error. */
    REJECT
}
