package io.mlformats.core.validate;

/**
 * Hyperparameters a {@link TabularValidator} checks rows against. Immutable; start from {@link #defaults()}.
 *
 * @param numClasses classification: labels must be integers {@code 0..numClasses-1} (XGBoost {@code num_class},
 *                   Linear Learner {@code num_classes}); 0 for no class check
 * @param featureDim every row must have exactly this many features ({@code feature_dim}); 0 for "whatever the
 *                   first row has" (still constant for the algorithms that need it)
 * @param maxKept    problems kept in the report (counts go on past it)
 * @serial exclude (serializable as part of a {@link TabularValidator} shipped to be merged)
 */
public record TabularValidatorOptions(int numClasses, long featureDim, int maxKept) implements java.io.Serializable {

    /**
     * Checks the values.
     *
     * @param numClasses number of classes labels must lie below, or 0 for no class check
     * @param featureDim required feature count of every row, or 0 to take it from the first row
     * @param maxKept problems kept in the report, at least 0
     * @throws IllegalArgumentException if any value is negative
     */
    public TabularValidatorOptions {
        if (numClasses < 0) {
            throw new IllegalArgumentException("numClasses must be >= 0: " + numClasses);
        }
        if (featureDim < 0) {
            throw new IllegalArgumentException("featureDim must be >= 0: " + featureDim);
        }
        if (maxKept < 0) {
            throw new IllegalArgumentException("maxKept must be >= 0: " + maxKept);
        }
    }

    /**
     * No class check, feature_dim taken from the first row, 1,000 problems kept.
     *
     * @return new options with no class check, no fixed feature count and 1,000 problems kept
     */
    public static TabularValidatorOptions defaults() {
        return new TabularValidatorOptions(0, 0, 1_000);
    }

    /**
     * These options with labels checked to be integers {@code 0..n-1} (0: no check).
     *
     * @param n the number of classes, or 0 for no class check
     * @return new options equal to these except for {@code numClasses}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public TabularValidatorOptions withNumClasses(int n) {
        return new TabularValidatorOptions(n, featureDim, maxKept);
    }

    /**
     * These options with every row required to have exactly {@code n} features (0: as the first row).
     *
     * @param n the required feature count, or 0 to take it from the first row
     * @return new options equal to these except for {@code featureDim}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public TabularValidatorOptions withFeatureDim(long n) {
        return new TabularValidatorOptions(numClasses, n, maxKept);
    }

    /**
     * These options keeping at most {@code n} problems in the report.
     *
     * @param n the most problems the report keeps
     * @return new options equal to these except for {@code maxKept}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public TabularValidatorOptions withMaxKept(int n) {
        return new TabularValidatorOptions(numClasses, featureDim, n);
    }
}
