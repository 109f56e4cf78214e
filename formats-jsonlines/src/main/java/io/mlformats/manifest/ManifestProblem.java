package io.mlformats.manifest;

/** Stable codes of augmented-manifest problems; reader errors start their detail with the code. */
public enum ManifestProblem {
    INVALID_JSON, BLANK_LINE, NOT_AN_OBJECT, ATTRIBUTE_MISSING, REF_NOT_S3_URI, LINE_TOO_LONG, ATTRIBUTE_TOO_LONG,
    INVALID_ATTRIBUTE_NAME
}
