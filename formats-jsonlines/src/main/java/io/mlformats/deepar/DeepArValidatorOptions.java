package io.mlformats.deepar;

import io.mlformats.core.ReadMode;
import java.util.Objects;

/**
 * What the {@link DeepArValidator} checks against: the hyperparameters that drive validation. Immutable.
 *
 * @param dynamicFeatLength training/test data ({@link DynamicFeatLength#TARGET}) or inference data
 *                          ({@link DynamicFeatLength#TARGET_PLUS_PREDICTION})
 * @param predictionLength  {@code prediction_length} (0 = unknown: the shorter-than check is skipped)
 * @param timeFreq          {@code time_freq} ({@code 5min}, {@code 2H}, {@code D}, {@code W}, {@code M}), or null
 * @param cardinality       explicit {@code cardinality} per cat feature, or null for {@code auto}
 * @param minObservations   minimum total target values over the dataset (DeepAR requires 300)
 * @param mode              strict or lenient record reading
 * @param maxProblems       problems kept in the report (counting goes on)
 */
public record DeepArValidatorOptions(DynamicFeatLength dynamicFeatLength, int predictionLength, String timeFreq,
                                     int[] cardinality, long minObservations, ReadMode mode, int maxProblems) {

    /** DeepAR's documented minimum number of observations in the training data. */
    public static final long DEEPAR_MIN_OBSERVATIONS = 300;

    /** Validates the arguments. */
    public DeepArValidatorOptions {
        Objects.requireNonNull(dynamicFeatLength, "dynamicFeatLength");
        Objects.requireNonNull(mode, "mode");
        if (predictionLength < 0) {
            throw new IllegalArgumentException("predictionLength must be >= 0");
        }
        cardinality = cardinality == null ? null : cardinality.clone();
    }

    /** Training data with a prediction length. */
    public static DeepArValidatorOptions training(int predictionLength) {
        return new DeepArValidatorOptions(DynamicFeatLength.TARGET, predictionLength, null, null,
                DEEPAR_MIN_OBSERVATIONS, ReadMode.STRICT, 10_000);
    }

    /** Inference data (batch-transform input) for a model with this prediction length. */
    public static DeepArValidatorOptions inference(int predictionLength) {
        return new DeepArValidatorOptions(DynamicFeatLength.TARGET_PLUS_PREDICTION, predictionLength, null, null,
                0, ReadMode.STRICT, 10_000);
    }

    /** These options with DeepAR's {@code time_freq} (checks frequency syntax and start alignment). */
    public DeepArValidatorOptions withTimeFreq(String freq) {
        return new DeepArValidatorOptions(dynamicFeatLength, predictionLength, freq, cardinality, minObservations,
                mode, maxProblems);
    }

    /** These options with the {@code cardinality} hyperparameter (one value per cat feature). */
    public DeepArValidatorOptions withCardinality(int... c) {
        return new DeepArValidatorOptions(dynamicFeatLength, predictionLength, timeFreq, c, minObservations, mode,
                maxProblems);
    }

    /** These options with another minimum number of target values in the dataset. */
    public DeepArValidatorOptions withMinObservations(long n) {
        return new DeepArValidatorOptions(dynamicFeatLength, predictionLength, timeFreq, cardinality, n, mode,
                maxProblems);
    }

    /** These options with another read mode. */
    public DeepArValidatorOptions withMode(ReadMode m) {
        return new DeepArValidatorOptions(dynamicFeatLength, predictionLength, timeFreq, cardinality,
                minObservations, m, maxProblems);
    }
}
