package io.mlformats.parquet;

import io.mlformats.core.vector.ValueType;
import java.util.Objects;

/**
 * Layout of a DeepAR Parquet file written by {@link DeepArParquetWriter}. Immutable.
 *
 * @param targetType      element type of {@code target} and {@code dynamic_feat}: float64 (default; keeps JSON
 *                        values exact) or float32 (what DeepAR computes in)
 * @param withCat         write a {@code cat: list<int64>} column
 * @param withDynamicFeat write a {@code dynamic_feat: list<list<...>>} column
 * @param compression     page codec (DeepAR accepts SNAPPY and GZIP)
 */
public record DeepArParquetOptions(ValueType targetType, boolean withCat, boolean withDynamicFeat,
                                   ParquetCompression compression) {
    public DeepArParquetOptions {
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(compression, "compression");
    }

    /** float64 values, no cat, no dynamic_feat, SNAPPY. */
    public static DeepArParquetOptions defaults() {
        return new DeepArParquetOptions(ValueType.FLOAT64, false, false, ParquetCompression.SNAPPY);
    }

    public DeepArParquetOptions withCat(boolean b) {
        return new DeepArParquetOptions(targetType, b, withDynamicFeat, compression);
    }

    public DeepArParquetOptions withDynamicFeat(boolean b) {
        return new DeepArParquetOptions(targetType, withCat, b, compression);
    }

    public DeepArParquetOptions withTargetType(ValueType t) {
        return new DeepArParquetOptions(t, withCat, withDynamicFeat, compression);
    }

    public DeepArParquetOptions withCompression(ParquetCompression c) {
        return new DeepArParquetOptions(targetType, withCat, withDynamicFeat, c);
    }
}
