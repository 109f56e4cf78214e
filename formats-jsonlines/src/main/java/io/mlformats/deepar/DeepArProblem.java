package io.mlformats.deepar;

/**
 * Stable codes of the problems DeepAR readers and the {@link DeepArValidator} report. Reader errors carry the
 * code at the start of {@link io.mlformats.core.FormatException#detail()} ({@code "CAT_NEGATIVE: ..."}).
 */
public enum DeepArProblem {
    // Per record (the reader rejects these)
    INVALID_JSON, BLANK_LINE, NOT_AN_OBJECT, DUPLICATE_FIELD,
    MISSING_START, START_NOT_STRING, START_FORMAT, START_HAS_TIMEZONE,
    MISSING_TARGET, TARGET_NOT_1D, EMPTY_TARGET, NON_NUMERIC_VALUE, NON_FINITE_VALUE,
    CAT_NOT_ARRAY, CAT_NOT_INTEGER, CAT_NEGATIVE,
    DYNAMIC_FEAT_NOT_2D, DYNAMIC_FEAT_RAGGED, DYNAMIC_FEAT_LENGTH, DYNAMIC_FEAT_MISSING_VALUE,
    // Per dataset (the validator reports these)
    CAT_COUNT_MISMATCH, CAT_DOMAIN_INCOMPLETE, CAT_OUT_OF_CARDINALITY,
    DYNAMIC_FEAT_COUNT_MISMATCH, DYNAMIC_FEAT_PRESENCE_MISMATCH,
    TOO_FEW_OBSERVATIONS, ALL_ZERO_TARGET, SERIES_SHORTER_THAN_PREDICTION_LENGTH,
    INVALID_FREQUENCY, START_NOT_ALIGNED_TO_FREQ
}
