package io.mlformats.deepar;

import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import java.util.Objects;

/**
 * How DeepAR series are read. Immutable.
 *
 * @param read              mode (strict: {@code start} as {@code YYYY-MM-DD[ HH:MM:SS]}, missing values only as
 *                          {@code null} or {@code "NaN"}; lenient also accepts an ISO {@code T} separator and any
 *                          letter case of {@code "nan"}), error policy and limits
 * @param dynamicFeatLength the length rule for {@code dynamic_feat} rows
 * @param predictionLength  {@code prediction_length}, used by {@link DynamicFeatLength#TARGET_PLUS_PREDICTION}
 * @param keepExtraFields   keep fields other than start/target/cat/dynamic_feat (for example {@code item_id}) as
 *                          raw JSON text; otherwise they are checked for JSON validity and dropped
 */
public record DeepArReadOptions(ReadOptions read, DynamicFeatLength dynamicFeatLength, int predictionLength,
                                boolean keepExtraFields) {

    /**
     * Validates the arguments.
     *
     * @param read mode, error policy and limits; must not be null
     * @param dynamicFeatLength the length rule for {@code dynamic_feat} rows; must not be null
     * @param predictionLength {@code prediction_length}, not negative; used by {@link
     *     DynamicFeatLength#TARGET_PLUS_PREDICTION}
     * @param keepExtraFields true to keep fields other than start/target/cat/dynamic_feat as raw JSON text
     */
    public DeepArReadOptions {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(dynamicFeatLength, "dynamicFeatLength");
        if (predictionLength < 0 || (dynamicFeatLength == DynamicFeatLength.TARGET_PLUS_PREDICTION
                && predictionLength == 0)) {
            throw new IllegalArgumentException("predictionLength must be > 0 for inference data: "
                    + predictionLength);
        }
    }

    /**
     * The same as {@link #training()}.
     *
     * @return the training options: strict, fail-fast, rows as long as the target, extra fields dropped
     */
    public static DeepArReadOptions defaults() {
        return training();
    }

    /**
     * Training or test data: strict, fail-fast, dynamic_feat rows as long as the target, extras dropped.
     *
     * @return strict, fail-fast options with {@link DynamicFeatLength#TARGET} that drop extra fields
     */
    public static DeepArReadOptions training() {
        return new DeepArReadOptions(ReadOptions.defaults(), DynamicFeatLength.TARGET, 0, false);
    }

    /**
     * Inference requests / batch transform input: dynamic_feat rows are target + predictionLength long.
     *
     * @param predictionLength the model's {@code prediction_length}, in time steps
     * @return strict, fail-fast options with {@link DynamicFeatLength#TARGET_PLUS_PREDICTION}
     */
    public static DeepArReadOptions inference(int predictionLength) {
        return new DeepArReadOptions(ReadOptions.defaults(), DynamicFeatLength.TARGET_PLUS_PREDICTION,
                predictionLength, false);
    }

    /**
     * These options with other core read options.
     *
     * @param r the core read options (mode, error policy, limits) to use instead
     * @return a copy of these options with {@code r}
     */
    public DeepArReadOptions withRead(ReadOptions r) {
        return new DeepArReadOptions(r, dynamicFeatLength, predictionLength, keepExtraFields);
    }

    /**
     * These options with another mode.
     *
     * @param m the read mode, strict or lenient
     * @return a copy of these options with mode {@code m}
     */
    public DeepArReadOptions withMode(ReadMode m) {
        return withRead(read.withMode(m));
    }

    /**
     * These options keeping (or dropping) fields other than start/target/cat/dynamic_feat.
     *
     * @param keep true to keep extra fields as raw JSON text, false to check and drop them
     * @return a copy of these options with {@code keepExtraFields} set to {@code keep}
     */
    public DeepArReadOptions withKeepExtraFields(boolean keep) {
        return new DeepArReadOptions(read, dynamicFeatLength, predictionLength, keep);
    }

    /**
     * These options with another dynamic_feat length rule and prediction length.
     *
     * @param rule the length rule for {@code dynamic_feat} rows
     * @param predictionLength {@code prediction_length} in time steps, used by {@link
     *     DynamicFeatLength#TARGET_PLUS_PREDICTION}
     * @return a copy of these options with {@code rule} and {@code predictionLength}
     */
    public DeepArReadOptions withDynamicFeatLength(DynamicFeatLength rule, int predictionLength) {
        return new DeepArReadOptions(read, rule, predictionLength, keepExtraFields);
    }
}
