package io.mlformats.deepar;

import java.util.List;

/**
 * The {@code configuration} object of a DeepAR inference request (and of the batch-transform environment
 * variable {@code DEEPAR_INFERENCE_CONFIG}). Every part is optional ({@code null} = not sent). Quantiles are
 * strings on the wire ({@code "0.5"}), and kept as the caller wrote them. Immutable.
 *
 * @param numSamples  sample paths the model draws ({@code num_samples})
 * @param outputTypes subset of {@code mean}, {@code quantiles}, {@code samples}
 * @param quantiles   quantile levels as strings
 */
public record DeepArConfiguration(Integer numSamples, List<String> outputTypes, List<String> quantiles) {

    /** Output types DeepAR understands. */
    public static final List<String> OUTPUT_TYPES = List.of("mean", "quantiles", "samples");

    /**
     * Validates the arguments.
     *
     * @param numSamples sample paths the model draws, positive, or {@code null} when not sent
     * @param outputTypes subset of {@code mean}, {@code quantiles}, {@code samples}, or {@code null} when not sent
     * @param quantiles quantile levels as strings such as {@code "0.9"}, or {@code null} when not sent
     */
    public DeepArConfiguration {
        outputTypes = outputTypes == null ? null : List.copyOf(outputTypes);
        quantiles = quantiles == null ? null : List.copyOf(quantiles);
        if (numSamples != null && numSamples <= 0) {
            throw new IllegalArgumentException("num_samples must be > 0: " + numSamples);
        }
        if (outputTypes != null) {
            for (String t : outputTypes) {
                if (!OUTPUT_TYPES.contains(t)) {
                    throw new IllegalArgumentException("output type \"" + t + "\" is not one of " + OUTPUT_TYPES);
                }
            }
        }
        if (quantiles != null) {
            for (String q : quantiles) {
                double v;
                try {
                    v = Double.parseDouble(q);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("quantile \"" + q + "\" is not a number", e);
                }
                if (!(v > 0 && v < 1)) {
                    throw new IllegalArgumentException("quantile " + q + " is not in (0, 1)");
                }
            }
        }
    }

    /**
     * The batch-transform default: 100 samples, mean and quantiles 0.1 .. 0.9.
     *
     * @return a configuration with 100 samples, output types mean and quantiles, and quantiles 0.1 to 0.9
     */
    public static DeepArConfiguration batchDefault() {
        return new DeepArConfiguration(100, List.of("mean", "quantiles"),
                List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"));
    }
}
