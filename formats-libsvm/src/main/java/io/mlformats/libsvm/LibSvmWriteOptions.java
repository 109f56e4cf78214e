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
     * @throws IllegalArgumentException for {@link IndexBase#AUTO}
     */
    public LibSvmWriteOptions {
        Objects.requireNonNull(indexBase, "indexBase");
        if (indexBase == IndexBase.AUTO) {
            throw new IllegalArgumentException("write with IndexBase.ZERO or ONE, not AUTO");
        }
    }

    /** Zero-based, uncompressed, non-finite numbers refused. */
    public static LibSvmWriteOptions defaults() {
        return DEFAULTS;
    }

    /** With another index base (ZERO or ONE). */
    public LibSvmWriteOptions withIndexBase(IndexBase b) {
        return new LibSvmWriteOptions(b, gzip, allowNonFinite);
    }

    /** With or without gzip compression. */
    public LibSvmWriteOptions withGzip(boolean g) {
        return new LibSvmWriteOptions(indexBase, g, allowNonFinite);
    }

    /** Writing (or refusing) NaN and infinite numbers. */
    public LibSvmWriteOptions withAllowNonFinite(boolean a) {
        return new LibSvmWriteOptions(indexBase, gzip, a);
    }
}
