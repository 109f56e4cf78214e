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

    public ReadOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        Objects.requireNonNull(limits, "limits");
        if (maxErrorsKept < 0) {
            throw new IllegalArgumentException("maxErrorsKept must be >= 0: " + maxErrorsKept);
        }
    }

    /** Strict, fail-fast, 100 errors kept, default limits. */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    public ReadOptions withMode(ReadMode m) {
        return new ReadOptions(m, errorPolicy, maxErrorsKept, limits);
    }

    public ReadOptions withErrorPolicy(ErrorPolicy p) {
        return new ReadOptions(mode, p, maxErrorsKept, limits);
    }

    public ReadOptions withMaxErrorsKept(int n) {
        return new ReadOptions(mode, errorPolicy, n, limits);
    }

    public ReadOptions withLimits(ReadLimits l) {
        return new ReadOptions(mode, errorPolicy, maxErrorsKept, l);
    }

    public boolean lenient() {
        return mode == ReadMode.LENIENT;
    }

    public boolean skipErrors() {
        return errorPolicy == ErrorPolicy.SKIP_AND_COLLECT;
    }
}
