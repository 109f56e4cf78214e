package io.mlformats.libsvm;

/**
 * How the feature indices of a LibSVM file are numbered.
 *
 * <p>{@link #ZERO} is the default because SageMaker XGBoost and xgboost read indices as they are (a 1-based file
 * read that way gains an empty column 0, which is what those tools do). Spark and the original LIBSVM write
 * {@link #ONE}. {@link #AUTO} is scikit-learn's {@code zero_based="auto"} rule.
 */
public enum IndexBase {
    /** Indices are column numbers as written. */
    ZERO,
    /** Indices start at 1: column = index - 1, and index 0 is an error. */
    ONE,
    /**
     * scikit-learn's rule, decided over the <em>whole</em> input: the input is one-based when it has at least one
     * feature and no index 0, zero-based otherwise. Because the decision needs the whole input, streaming with
     * AUTO reads the input twice (a first pass over a random-access source or a re-opened file finds the
     * smallest index); a forward-only stream cannot be streamed with AUTO, but can be loaded with
     * {@link LibSvmLoader} (which shifts the loaded indices once at the end). Writers accept only ZERO and ONE.
     */
    AUTO
}
