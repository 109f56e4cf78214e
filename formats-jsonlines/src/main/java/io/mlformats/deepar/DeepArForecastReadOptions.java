package io.mlformats.deepar;

import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import java.util.Objects;

/**
 * How DeepAR batch-transform output (forecasts) is read. Immutable and thread-safe.
 *
 * @param read mode, error policy, errors kept and limits
 */
public record DeepArForecastReadOptions(ReadOptions read) {

    /**
     * Validates the arguments.
     *
     * @param read mode, error policy, errors kept and limits; must not be null
     */
    public DeepArForecastReadOptions {
        Objects.requireNonNull(read, "read");
    }

    /**
     * Strict, fail-fast, default limits.
     *
     * @return options with strict mode, fail-fast error policy and default limits
     */
    public static DeepArForecastReadOptions defaults() {
        return new DeepArForecastReadOptions(ReadOptions.defaults());
    }

    /**
     * These options with other core read options.
     *
     * @param r the core read options (mode, error policy, limits) to use instead
     * @return a copy of these options with {@code r}
     */
    public DeepArForecastReadOptions withRead(ReadOptions r) {
        return new DeepArForecastReadOptions(r);
    }

    /**
     * These options with another mode.
     *
     * @param m the read mode, strict or lenient
     * @return a copy of these options with mode {@code m}
     */
    public DeepArForecastReadOptions withMode(ReadMode m) {
        return withRead(read.withMode(m));
    }
}
