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

    /**
     * Validates the arguments.
     *
     * @param dynamicFeatLength the {@code dynamic_feat} length rule: training/test or inference data
     * @param predictionLength {@code prediction_length} in time steps, or 0 when unknown
     * @param timeFreq {@code time_freq} such as {@code 5min} or {@code D}, or null to skip frequency checks
     * @param cardinality the {@code cardinality} per cat feature, or null for {@code auto}
     * @param minObservations minimum total target values over the dataset
     * @param mode strict or lenient record reading
     * @param maxProblems the number of problems kept in the report
     */
    public DeepArValidatorOptions {
        Objects.requireNonNull(dynamicFeatLength, "dynamicFeatLength");
        Objects.requireNonNull(mode, "mode");
        if (predictionLength < 0) {
            throw new IllegalArgumentException("predictionLength must be >= 0");
        }
        cardinality = cardinality == null ? null : cardinality.clone();
    }

    /**
     * Training data with a prediction length.
     *
     * @param predictionLength the model's {@code prediction_length} in time steps, or 0 when unknown
     * @return options for training or test data with the default minimum observations and strict mode
     */
    public static DeepArValidatorOptions training(int predictionLength) {
        return new DeepArValidatorOptions(DynamicFeatLength.TARGET, predictionLength, null, null,
                DEEPAR_MIN_OBSERVATIONS, ReadMode.STRICT, 10_000);
    }

    /**
     * Inference data (batch-transform input) for a model with this prediction length.
     *
     * @param predictionLength the model's {@code prediction_length} in time steps
     * @return options for inference data, whose dynamic_feat rows must cover the prediction too
     */
    public static DeepArValidatorOptions inference(int predictionLength) {
        return new DeepArValidatorOptions(DynamicFeatLength.TARGET_PLUS_PREDICTION, predictionLength, null, null,
                0, ReadMode.STRICT, 10_000);
    }

    /**
     * These options with DeepAR's {@code time_freq} (checks frequency syntax and start alignment).
     *
     * @param freq the {@code time_freq} hyperparameter, e.g. {@code 5min}, {@code 2H}, {@code D}
     * @return a copy of these options with {@code timeFreq} set to {@code freq}
     */
    public DeepArValidatorOptions withTimeFreq(String freq) {
        return new DeepArValidatorOptions(dynamicFeatLength, predictionLength, freq, cardinality, minObservations,
                mode, maxProblems);
    }

    /**
     * These options with the {@code cardinality} hyperparameter (one value per cat feature).
     *
     * @param c the number of categories of each cat feature, in feature order
     * @return a copy of these options with {@code cardinality} set to {@code c}
     */
    public DeepArValidatorOptions withCardinality(int... c) {
        return new DeepArValidatorOptions(dynamicFeatLength, predictionLength, timeFreq, c, minObservations, mode,
                maxProblems);
    }

    /**
     * These options with another minimum number of target values in the dataset.
     *
     * @param n the minimum total number of target values across all series
     * @return a copy of these options with {@code minObservations} set to {@code n}
     */
    public DeepArValidatorOptions withMinObservations(long n) {
        return new DeepArValidatorOptions(dynamicFeatLength, predictionLength, timeFreq, cardinality, n, mode,
                maxProblems);
    }

    /**
     * These options with another read mode.
     *
     * @param m the read mode, strict or lenient
     * @return a copy of these options with mode {@code m}
     */
    public DeepArValidatorOptions withMode(ReadMode m) {
        return new DeepArValidatorOptions(dynamicFeatLength, predictionLength, timeFreq, cardinality,
                minObservations, m, maxProblems);
    }
}
