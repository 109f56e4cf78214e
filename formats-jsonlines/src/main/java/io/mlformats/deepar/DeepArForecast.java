package io.mlformats.deepar;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a DeepAR response's {@code predictions} (or one line of batch-transform output): each array has
 * {@code prediction_length} values. Values are kept as doubles (the service prints them with 10 decimals).
 * Immutable by convention (arrays are not copied). {@link #equals} compares values bit for bit.
 *
 * @param mean      {@code mean}, or {@code null} when not requested
 * @param quantiles quantile level (as written, e.g. {@code "0.9"}) to values, in response order; empty when absent
 * @param samples   {@code samples[path][time]}, or {@code null}
 */
public record DeepArForecast(double[] mean, Map<String, double[]> quantiles, double[][] samples) {
    /**
     * Copies the quantile map (unmodifiable, in order); arrays are not copied.
     *
     * @param mean the mean forecast, or {@code null} when not requested; not copied
     * @param quantiles quantile level as written to forecast values; copied into an unmodifiable ordered map
     * @param samples {@code samples[path][time]}, or {@code null} when not requested; not copied
     */
    public DeepArForecast {
        quantiles = quantiles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(quantiles));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeepArForecast f)) {
            return false;
        }
        if (!Arrays.equals(mean, f.mean) || !Arrays.deepEquals(samples, f.samples)
                || !quantiles.keySet().equals(f.quantiles.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : quantiles.entrySet()) {
            if (!Arrays.equals(e.getValue(), f.quantiles.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mean), quantiles.keySet(), Arrays.deepHashCode(samples));
    }

    @Override
    public String toString() {
        StringBuilder q = new StringBuilder("{");
        quantiles.forEach((k, v) -> q.append(k).append('=').append(Arrays.toString(v)).append(' '));
        return "DeepArForecast[mean=" + Arrays.toString(mean) + ", quantiles=" + q.append('}') + ", samples="
                + Arrays.deepToString(samples) + "]";
    }
}
