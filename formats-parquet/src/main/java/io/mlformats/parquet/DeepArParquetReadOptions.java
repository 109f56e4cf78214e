package io.mlformats.parquet;

import io.mlformats.core.ReadOptions;
import java.util.Objects;

/**
 * How {@link DeepArParquetReader} reads. Immutable and thread-safe; start from {@link #defaults()}.
 *
 * @param read strict/lenient, error policy (a bad series fails or is skipped and counted), errors kept
 */
public record DeepArParquetReadOptions(ReadOptions read) {
    /**
     * Checks the settings.
     *
     * @param read strict/lenient, error policy and errors kept; not null
     * @throws NullPointerException if {@code read} is null
     */
    public DeepArParquetReadOptions {
        Objects.requireNonNull(read, "read");
    }

    /**
     * Strict, fail-fast reading.
     *
     * @return new options with {@link ReadOptions#defaults()}
     */
    public static DeepArParquetReadOptions defaults() {
        return new DeepArParquetReadOptions(ReadOptions.defaults());
    }

    /**
     * The same options with these core read options.
     *
     * @param r the core read options to use; not null
     * @return new options with read options {@code r}
     * @throws NullPointerException if {@code r} is null
     */
    public DeepArParquetReadOptions withRead(ReadOptions r) {
        return new DeepArParquetReadOptions(r);
    }
}
