package io.mlformats.parquet;

import io.mlformats.core.vector.ValueType;
import java.util.Objects;

/**
 * Layout of a DeepAR Parquet file written by {@link DeepArParquetWriter}. Immutable and thread-safe; start from
 * {@link #defaults()}.
 *
 * @param targetType      element type of {@code target} and {@code dynamic_feat}: float64 (default; keeps JSON
 *                        values exact) or float32 (what DeepAR computes in)
 * @param withCat         write a {@code cat: list<int64>} column
 * @param withDynamicFeat write a {@code dynamic_feat: list<list<...>>} column
 * @param compression     page codec (DeepAR accepts SNAPPY and GZIP)
 * @param rowGroupBytes   target row group size
 */
public record DeepArParquetWriteOptions(ValueType targetType, boolean withCat, boolean withDynamicFeat,
                                        ParquetCompression compression, long rowGroupBytes) {
    /**
     * Checks the settings.
     *
     * @param targetType      element type of {@code target} and {@code dynamic_feat}: float64 or float32; not null
     * @param withCat         true to write a {@code cat} column
     * @param withDynamicFeat true to write a {@code dynamic_feat} column
     * @param compression     page codec; not null
     * @param rowGroupBytes   target row group size in bytes, at least 1024
     * @throws NullPointerException     if the type or compression is null
     * @throws IllegalArgumentException if {@code rowGroupBytes < 1024}
     */
    public DeepArParquetWriteOptions {
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(compression, "compression");
        if (rowGroupBytes < 1024) {
            throw new IllegalArgumentException("rowGroupBytes too small: " + rowGroupBytes);
        }
    }

    /**
     * float64 values, no cat, no dynamic_feat, SNAPPY, 128 MiB row groups.
     *
     * @return new default options
     */
    public static DeepArParquetWriteOptions defaults() {
        return new DeepArParquetWriteOptions(ValueType.FLOAT64, false, false, ParquetCompression.SNAPPY, 128L << 20);
    }

    /**
     * The same options with or without a {@code cat} column.
     *
     * @param b true to write a {@code cat} column
     * @return new options with {@code withCat} {@code b}
     */
    public DeepArParquetWriteOptions withCat(boolean b) {
        return new DeepArParquetWriteOptions(targetType, b, withDynamicFeat, compression, rowGroupBytes);
    }

    /**
     * The same options with or without a {@code dynamic_feat} column.
     *
     * @param b true to write a {@code dynamic_feat} column
     * @return new options with {@code withDynamicFeat} {@code b}
     */
    public DeepArParquetWriteOptions withDynamicFeat(boolean b) {
        return new DeepArParquetWriteOptions(targetType, withCat, b, compression, rowGroupBytes);
    }

    /**
     * The same options with values of type {@code t}.
     *
     * @param t element type of {@code target} and {@code dynamic_feat}, float32 or float64; not null
     * @return new options with target type {@code t}
     * @throws NullPointerException if {@code t} is null
     */
    public DeepArParquetWriteOptions withTargetType(ValueType t) {
        return new DeepArParquetWriteOptions(t, withCat, withDynamicFeat, compression, rowGroupBytes);
    }

    /**
     * The same options with page codec {@code c}.
     *
     * @param c the page codec; not null
     * @return new options with compression {@code c}
     * @throws NullPointerException if {@code c} is null
     */
    public DeepArParquetWriteOptions withCompression(ParquetCompression c) {
        return new DeepArParquetWriteOptions(targetType, withCat, withDynamicFeat, c, rowGroupBytes);
    }

    /**
     * The same options with row groups of about {@code n} bytes.
     *
     * @param n target row group size in bytes, at least 1024
     * @return new options with row group size {@code n}
     * @throws IllegalArgumentException if {@code n < 1024}
     */
    public DeepArParquetWriteOptions withRowGroupBytes(long n) {
        return new DeepArParquetWriteOptions(targetType, withCat, withDynamicFeat, compression, n);
    }
}
