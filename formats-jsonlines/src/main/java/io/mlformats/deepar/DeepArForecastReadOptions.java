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

    /** Validates the arguments. */
    public DeepArForecastReadOptions {
        Objects.requireNonNull(read, "read");
    }

    /** Strict, fail-fast, default limits. */
    public static DeepArForecastReadOptions defaults() {
        return new DeepArForecastReadOptions(ReadOptions.defaults());
    }

    /** These options with other core read options. */
    public DeepArForecastReadOptions withRead(ReadOptions r) {
        return new DeepArForecastReadOptions(r);
    }

    /** These options with another mode. */
    public DeepArForecastReadOptions withMode(ReadMode m) {
        return withRead(read.withMode(m));
    }
}
