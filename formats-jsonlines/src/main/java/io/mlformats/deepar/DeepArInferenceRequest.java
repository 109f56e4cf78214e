package io.mlformats.deepar;

import java.util.List;
import java.util.Objects;

/**
 * A DeepAR real-time inference request ({@code application/json}):
 * {@code {"instances": [series...], "configuration": {...}}}. Immutable.
 *
 * @param instances     the series to forecast; with dynamic_feat, each row is len(target) + prediction_length long
 * @param configuration optional ({@code null}: the endpoint returns only {@code mean})
 */
public record DeepArInferenceRequest(List<DeepArSeries> instances, DeepArConfiguration configuration) {
    /**
     * Validates and copies the instances.
     *
     * @param instances the series to forecast; must not be null; copied into an unmodifiable list
     * @param configuration the request's configuration, or {@code null} for the endpoint's default (mean only)
     */
    public DeepArInferenceRequest {
        instances = List.copyOf(Objects.requireNonNull(instances, "instances"));
    }
}
