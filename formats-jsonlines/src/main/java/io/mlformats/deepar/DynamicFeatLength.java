package io.mlformats.deepar;

/**
 * Which length each {@code dynamic_feat} row must have. SageMaker's documentation disagrees with itself; we follow
 * the notebooks, awsdocs issue #31 and a real endpoint request: training and test data carry the target's
 * length, inference requests (endpoint and batch transform) the target's length plus {@code prediction_length}.
 */
public enum DynamicFeatLength {
    /** Training and test channels: {@code len(row) == len(target)}. */
    TARGET,
    /** Inference: {@code len(row) == len(target) + predictionLength}. */
    TARGET_PLUS_PREDICTION,
    /** Rows only need equal lengths among themselves. */
    UNCHECKED
}
