package io.mlformats.object2vec;

/**
 * Stable codes of Object2Vec problems; reader errors start their detail with the code
 * ({@code "TOKEN_ID_OUT_OF_RANGE: ..."}).
 */
public enum Object2VecProblem {
    INVALID_JSON, BLANK_LINE, NOT_AN_OBJECT, MISSING_LABEL, LABEL_NOT_NUMBER, LABEL_NOT_INTEGER, LABEL_OUT_OF_RANGE,
    MISSING_INPUT, INPUT_NOT_ARRAY, EMPTY_SEQUENCE, TOKEN_ID_NOT_INTEGER, NEGATIVE_TOKEN_ID, TOKEN_ID_OUT_OF_RANGE,
    SEQUENCE_LONGER_THAN_MAX
}
