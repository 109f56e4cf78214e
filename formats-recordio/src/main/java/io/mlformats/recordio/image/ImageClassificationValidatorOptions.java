package io.mlformats.recordio.image;

/**
 * Options of {@link ImageClassificationValidator}. Immutable and thread-safe.
 *
 * @param numClasses      the algorithm's {@code num_classes} hyperparameter: labels must be integers in
 *                        {@code 0..numClasses-1}; 0 (default) checks only that labels are finite
 * @param maxProblemsKept how many problems the report keeps (counts go on past it); default 1000
 */
public record ImageClassificationValidatorOptions(int numClasses, int maxProblemsKept) {
    private static final ImageClassificationValidatorOptions DEFAULTS = new ImageClassificationValidatorOptions(0, 1000);

    /**
     * Validates the fields.
     *
     * @param numClasses      the algorithm's {@code num_classes} hyperparameter ({@code >= 0}; 0: not checked)
     * @param maxProblemsKept how many problems the report keeps ({@code >= 0})
     * @throws IllegalArgumentException if either value is negative
     */
    public ImageClassificationValidatorOptions {
        if (numClasses < 0) {
            throw new IllegalArgumentException("numClasses must be >= 0: " + numClasses);
        }
        if (maxProblemsKept < 0) {
            throw new IllegalArgumentException("maxProblemsKept must be >= 0: " + maxProblemsKept);
        }
    }

    /**
     * No class count (labels only need to be finite), 1000 problems kept.
     *
     * @return the shared default options
     */
    public static ImageClassificationValidatorOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with {@code num_classes} = {@code n} (0: not checked).
     *
     * @param n the number of classes ({@code >= 0}); labels must be integers in {@code 0..n-1}
     * @return new options with {@code n} and this number of problems kept
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public ImageClassificationValidatorOptions withNumClasses(int n) {
        return new ImageClassificationValidatorOptions(n, maxProblemsKept);
    }

    /**
     * These options keeping at most {@code n} problems.
     *
     * @param n how many problems the report keeps ({@code >= 0}); counting goes on past it
     * @return new options with {@code n} and this class count
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public ImageClassificationValidatorOptions withMaxProblemsKept(int n) {
        return new ImageClassificationValidatorOptions(numClasses, n);
    }
}
