package io.mlformats.core;

/** What a reader does with a bad record. Independent of {@link ReadMode}. */
public enum ErrorPolicy {
    /** Throw the {@link FormatException} for the first bad record (the default). */
    FAIL_FAST,
    /**
     * Skip bad records, count them in {@link ReadStats#skipped()} and keep the first
     * {@link ReadOptions#maxErrorsKept()} errors with their positions. Errors that make the rest of the input
     * unreadable (truncation, limits) are still thrown.
     */
    SKIP_AND_COLLECT
}
