package io.mlformats.manifest;

/** Stable codes of augmented-manifest problems; reader errors start their detail with the code. */
public enum ManifestProblem {
    /** The line is not valid JSON. */
    INVALID_JSON,
    /** A blank line (strict mode). */
    BLANK_LINE,
    /** The line is JSON but not an object. */
    NOT_AN_OBJECT,
    /** An attribute the options ask for is missing. */
    ATTRIBUTE_MISSING,
    /** A {@code -ref} attribute is not an {@code s3://} URI. */
    REF_NOT_S3_URI,
    /** A line longer than Ground Truth allows. */
    LINE_TOO_LONG,
    /** An attribute value longer than Ground Truth allows. */
    ATTRIBUTE_TOO_LONG,
    /** An attribute name SageMaker does not accept. */
    INVALID_ATTRIBUTE_NAME
}
