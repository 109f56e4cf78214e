package io.mlformats.libsvm;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.vector.ValueType;
import java.util.Objects;

/**
 * Options of {@link LibSvmReader} and {@link LibSvmLoader}. Immutable and thread-safe.
 *
 * @param indexBase   how indices are numbered (default {@link IndexBase#ZERO})
 * @param numFeatures number of columns, or -1 to infer it as the largest column + 1 (default); an index at or
 *                    beyond a given count is an error
 * @param valueType   feature value type (default {@link ValueType#FLOAT32}); labels and weights are always
 *                    parsed as float64
 * @param multiLabel  labels are comma-separated lists, possibly empty (scikit-learn's {@code multilabel=True});
 *                    then a first token containing ':' is a feature and label weights are not available
 * @param read        mode (strict/lenient), error policy and limits
 */
public record LibSvmReadOptions(IndexBase indexBase, long numFeatures, ValueType valueType, boolean multiLabel,
        ReadOptions read) {

    private static final LibSvmReadOptions DEFAULTS =
            new LibSvmReadOptions(IndexBase.ZERO, -1, ValueType.FLOAT32, false, ReadOptions.defaults());

    /**
     * Validates the settings.
     *
     * @param indexBase   how indices are numbered; not null
     * @param numFeatures number of columns, or -1 to infer it as the largest column + 1
     * @param valueType   feature value type; not null
     * @param multiLabel  true if labels are comma-separated lists
     * @param read        mode, error policy and limits; not null
     * @throws IllegalArgumentException for a width outside {@code -1} and {@code [0, 2^31]}
     * @throws NullPointerException     if {@code indexBase}, {@code valueType} or {@code read} is null
     */
    public LibSvmReadOptions {
        Objects.requireNonNull(indexBase, "indexBase");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(read, "read");
        if (numFeatures < -1 || numFeatures > (long) Integer.MAX_VALUE + 1) {
            throw new IllegalArgumentException("numFeatures must be -1 (infer) or in [0, 2^31]: " + numFeatures);
        }
    }

    /**
     * Zero-based, inferred width, float32, single label, strict, fail fast.
     *
     * @return the shared default options
     */
    public static LibSvmReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * True if a number of columns was declared (not inferred).
     *
     * @return true when {@link #numFeatures()} is 0 or more, false when it is -1
     */
    public boolean hasNumFeatures() {
        return numFeatures >= 0;
    }

    /**
     * With another index base.
     *
     * @param b how the indices of the input are numbered
     * @return a copy of these options with index base {@code b}
     */
    public LibSvmReadOptions withIndexBase(IndexBase b) {
        return new LibSvmReadOptions(b, numFeatures, valueType, multiLabel, read);
    }

    /**
     * With a declared number of columns, or -1 to infer it.
     *
     * @param n number of columns, from 0 to 2^31, or -1 to infer the width from the data
     * @return a copy of these options with {@code numFeatures} {@code n}
     * @throws IllegalArgumentException if {@code n} is below -1 or above 2^31
     */
    public LibSvmReadOptions withNumFeatures(long n) {
        return new LibSvmReadOptions(indexBase, n, valueType, multiLabel, read);
    }

    /**
     * With another feature value type.
     *
     * @param t value type the features are parsed into (labels and weights stay float64)
     * @return a copy of these options with value type {@code t}
     */
    public LibSvmReadOptions withValueType(ValueType t) {
        return new LibSvmReadOptions(indexBase, numFeatures, t, multiLabel, read);
    }

    /**
     * With or without comma-separated label lists.
     *
     * @param m true to read every row's label field as a comma-separated label list
     * @return a copy of these options with {@code multiLabel} {@code m}
     */
    public LibSvmReadOptions withMultiLabel(boolean m) {
        return new LibSvmReadOptions(indexBase, numFeatures, valueType, m, read);
    }

    /**
     * With other core read options (mode, error policy, errors kept, limits).
     *
     * @param r the core read options to use
     * @return a copy of these options with read options {@code r}
     */
    public LibSvmReadOptions withRead(ReadOptions r) {
        return new LibSvmReadOptions(indexBase, numFeatures, valueType, multiLabel, r);
    }

    /**
     * With another read mode (strict or lenient).
     *
     * @param m the read mode
     * @return a copy of these options with read mode {@code m}
     */
    public LibSvmReadOptions withMode(ReadMode m) {
        return withRead(read.withMode(m));
    }

    /**
     * With another error policy.
     *
     * @param p what to do with a bad row: fail at once, or skip it and collect the error
     * @return a copy of these options with error policy {@code p}
     */
    public LibSvmReadOptions withErrorPolicy(ErrorPolicy p) {
        return withRead(read.withErrorPolicy(p));
    }

    /**
     * With other limits.
     *
     * @param l the input size limits (line length, feature count and the like)
     * @return a copy of these options with limits {@code l}
     */
    public LibSvmReadOptions withLimits(ReadLimits l) {
        return withRead(read.withLimits(l));
    }
}
