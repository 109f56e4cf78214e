package io.mlformats.object2vec;

/**
 * Stable codes of Object2Vec problems; reader errors start their detail with the code
 * ({@code "TOKEN_ID_OUT_OF_RANGE: ..."}).
 */
public enum Object2VecProblem {
    /** The line is not valid JSON. */
    INVALID_JSON,
    /** A blank line (strict mode). */
    BLANK_LINE,
    /** The line is JSON but not an object. */
    NOT_AN_OBJECT,
    /** Training data without a {@code label}. */
    MISSING_LABEL,
    /** {@code label} is not a number. */
    LABEL_NOT_NUMBER,
    /** A real {@code label} where classification needs a class index. */
    LABEL_NOT_INTEGER,
    /** {@code label} outside {@code 0..num_classes-1} (or the int64 range). */
    LABEL_OUT_OF_RANGE,
    /** {@code in0} or {@code in1} is missing. */
    MISSING_INPUT,
    /** An input is not a list. */
    INPUT_NOT_ARRAY,
    /** An input list is empty. */
    EMPTY_SEQUENCE,
    /** A token id is not an integer. */
    TOKEN_ID_NOT_INTEGER,
    /** A token id is negative. */
    NEGATIVE_TOKEN_ID,
    /** A token id at or above the vocabulary size. */
    TOKEN_ID_OUT_OF_RANGE,
    /** An input longer than {@code encN_max_seq_len}. */
    SEQUENCE_LONGER_THAN_MAX
}
