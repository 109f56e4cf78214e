package io.mlformats.core;

import java.util.Objects;

/**
 * Options every reader understands. Immutable and thread-safe; format modules add their own option records
 * that hold one of these.
 *
 * @param mode          strict (default) or lenient
 * @param errorPolicy   fail fast (default) or skip bad records and collect their errors
 * @param maxErrorsKept how many skipped-record errors {@link ReadStats} keeps (the count goes on regardless)
 * @param limits        memory and size bounds
 */
public record ReadOptions(ReadMode mode, ErrorPolicy errorPolicy, int maxErrorsKept, ReadLimits limits) {

    private static final ReadOptions DEFAULTS =
            new ReadOptions(ReadMode.STRICT, ErrorPolicy.FAIL_FAST, 100, ReadLimits.defaults());

    /**
     * Validates the components.
     *
     * @param mode strict or lenient parsing; not null
     * @param errorPolicy fail fast or skip bad records; not null
     * @param maxErrorsKept how many skipped-record errors {@link ReadStats} keeps, at least 0
     * @param limits memory and size bounds; not null
     * @throws NullPointerException if {@code mode}, {@code errorPolicy} or {@code limits} is null
     * @throws IllegalArgumentException if {@code maxErrorsKept} is negative
     */
    public ReadOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        Objects.requireNonNull(limits, "limits");
        if (maxErrorsKept < 0) {
            throw new IllegalArgumentException("maxErrorsKept must be >= 0: " + maxErrorsKept);
        }
    }

    /**
     * Strict, fail-fast, 100 errors kept, default limits.
     *
     * @return the shared default options
     */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with mode {@code m}.
     *
     * @param m the new read mode; not null
     * @return new options equal to these except for the mode
     */
    public ReadOptions withMode(ReadMode m) {
        return new ReadOptions(m, errorPolicy, maxErrorsKept, limits);
    }

    /**
     * These options with error policy {@code p}.
     *
     * @param p the new error policy; not null
     * @return new options equal to these except for the error policy
     */
    public ReadOptions withErrorPolicy(ErrorPolicy p) {
        return new ReadOptions(mode, p, maxErrorsKept, limits);
    }

    /**
     * These options keeping at most {@code n} errors of skipped records.
     *
     * @param n how many skipped-record errors to keep, at least 0
     * @return new options equal to these except for {@code maxErrorsKept}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public ReadOptions withMaxErrorsKept(int n) {
        return new ReadOptions(mode, errorPolicy, n, limits);
    }

    /**
     * These options with limits {@code l}.
     *
     * @param l the new limits; not null
     * @return new options equal to these except for the limits
     */
    public ReadOptions withLimits(ReadLimits l) {
        return new ReadOptions(mode, errorPolicy, maxErrorsKept, l);
    }

    /**
     * True in {@link ReadMode#LENIENT} mode.
     *
     * @return {@code true} if {@link #mode()} is {@link ReadMode#LENIENT}
     */
    public boolean lenient() {
        return mode == ReadMode.LENIENT;
    }

    /**
     * True under {@link ErrorPolicy#SKIP_AND_COLLECT}.
     *
     * @return {@code true} if bad records are skipped and collected rather than failing the read
     */
    public boolean skipErrors() {
        return errorPolicy == ErrorPolicy.SKIP_AND_COLLECT;
    }
}
