package io.mlformats.libsvm;

import java.util.Objects;

/**
 * Options of {@link LibSvmWriter}. Immutable and thread-safe.
 *
 * @param indexBase      {@link IndexBase#ZERO} (default: what SageMaker XGBoost reads) or {@link IndexBase#ONE}
 *                       (Spark, LIBSVM); AUTO is not a way to write
 * @param gzip           compress the output with gzip
 * @param allowNonFinite write NaN / Infinity / -Infinity instead of refusing them (xgboost cannot read them)
 */
public record LibSvmWriteOptions(IndexBase indexBase, boolean gzip, boolean allowNonFinite) {

    private static final LibSvmWriteOptions DEFAULTS = new LibSvmWriteOptions(IndexBase.ZERO, false, false);

    /**
     * Validates the settings.
     *
     * @param indexBase      {@link IndexBase#ZERO} or {@link IndexBase#ONE}; not null
     * @param gzip           true to compress the output with gzip
     * @param allowNonFinite true to write NaN and infinite numbers, false to refuse them
     * @throws IllegalArgumentException for {@link IndexBase#AUTO}
     * @throws NullPointerException     if {@code indexBase} is null
     */
    public LibSvmWriteOptions {
        Objects.requireNonNull(indexBase, "indexBase");
        if (indexBase == IndexBase.AUTO) {
            throw new IllegalArgumentException("write with IndexBase.ZERO or ONE, not AUTO");
        }
    }

    /**
     * Zero-based, uncompressed, non-finite numbers refused.
     *
     * @return the shared default options
     */
    public static LibSvmWriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With another index base (ZERO or ONE).
     *
     * @param b how the written indices are numbered
     * @return a copy of these options with index base {@code b}
     * @throws IllegalArgumentException for {@link IndexBase#AUTO}
     */
    public LibSvmWriteOptions withIndexBase(IndexBase b) {
        return new LibSvmWriteOptions(b, gzip, allowNonFinite);
    }

    /**
     * With or without gzip compression.
     *
     * @param g true to compress the output with gzip
     * @return a copy of these options with {@code gzip} {@code g}
     */
    public LibSvmWriteOptions withGzip(boolean g) {
        return new LibSvmWriteOptions(indexBase, g, allowNonFinite);
    }

    /**
     * Writing (or refusing) NaN and infinite numbers.
     *
     * @param a true to write NaN and infinite numbers, false to refuse them
     * @return a copy of these options with {@code allowNonFinite} {@code a}
     */
    public LibSvmWriteOptions withAllowNonFinite(boolean a) {
        return new LibSvmWriteOptions(indexBase, gzip, a);
    }
}
