package io.mlformats.core;

/**
 * How much a reader tolerates. See {@code DECISIONS.md}: strict rejects anything a spec calls questionable;
 * lenient accepts it where a reference tool accepts it and counts a warning in {@link ReadStats}.
 */
public enum ReadMode {
    /** Reject questionable input with a {@link FormatException} (the default). */
    STRICT,
    /** Accept what a reference tool accepts, counting each such case as a warning. */
    LENIENT
}
