package io.mlformats.deepar;

/**
 * Stable codes of the problems DeepAR readers and the {@link DeepArValidator} report. Reader errors carry the
 * code at the start of {@link io.mlformats.core.FormatException#detail()} ({@code "CAT_NEGATIVE: ..."}).
 */
public enum DeepArProblem {
    // Per record (the reader rejects these)
    /** The line is not valid JSON. */
    INVALID_JSON,
    /** A blank line (strict mode). */
    BLANK_LINE,
    /** The line is JSON but not an object. */
    NOT_AN_OBJECT,
    /** A field appears twice in one object. */
    DUPLICATE_FIELD,
    /** No {@code start} field. */
    MISSING_START,
    /** {@code start} is not a string. */
    START_NOT_STRING,
    /** {@code start} is not {@code YYYY-MM-DD[ HH:MM:SS]}. */
    START_FORMAT,
    /** {@code start} has a time zone, which DeepAR does not accept. */
    START_HAS_TIMEZONE,
    /** No {@code target} field. */
    MISSING_TARGET,
    /** {@code target} is not a flat array of numbers. */
    TARGET_NOT_1D,
    /** {@code target} is empty. */
    EMPTY_TARGET,
    /** A value is neither a number nor a missing-value marker. */
    NON_NUMERIC_VALUE,
    /** A value is infinite or outside the float32 range. */
    NON_FINITE_VALUE,
    /** {@code cat} is not an array. */
    CAT_NOT_ARRAY,
    /** A {@code cat} value is not an integer. */
    CAT_NOT_INTEGER,
    /** A {@code cat} value is negative. */
    CAT_NEGATIVE,
    /** {@code dynamic_feat} is not an array of arrays. */
    DYNAMIC_FEAT_NOT_2D,
    /** {@code dynamic_feat} rows have different lengths. */
    DYNAMIC_FEAT_RAGGED,
    /** A {@code dynamic_feat} row's length breaks the length rule of the options. */
    DYNAMIC_FEAT_LENGTH,
    /** A {@code dynamic_feat} value is missing (DeepAR needs every feature value). */
    DYNAMIC_FEAT_MISSING_VALUE,
    // Per dataset (the validator reports these)
    /** Series have different numbers of {@code cat} values. */
    CAT_COUNT_MISMATCH,
    /** Some category of a {@code cat} feature never occurs. */
    CAT_DOMAIN_INCOMPLETE,
    /** A {@code cat} value at or above the given cardinality. */
    CAT_OUT_OF_CARDINALITY,
    /** Series have different numbers of {@code dynamic_feat} rows. */
    DYNAMIC_FEAT_COUNT_MISMATCH,
    /** Some series have {@code dynamic_feat} and others do not. */
    DYNAMIC_FEAT_PRESENCE_MISMATCH,
    /** Fewer target values in the dataset than DeepAR needs. */
    TOO_FEW_OBSERVATIONS,
    /** A series (warning) or every series (error) is all zeros. */
    ALL_ZERO_TARGET,
    /** A training series shorter than {@code prediction_length} (ignored by DeepAR). */
    SERIES_SHORTER_THAN_PREDICTION_LENGTH,
    /** {@code time_freq} is not a DeepAR frequency. */
    INVALID_FREQUENCY,
    /** A {@code start} that is not on a boundary of the frequency. */
    START_NOT_ALIGNED_TO_FREQ
}
