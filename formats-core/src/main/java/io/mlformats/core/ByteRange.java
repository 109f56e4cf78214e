package io.mlformats.core;

/**
 * A half-open byte range {@code [start, end)} of an input, as a split of a distributed job describes it. A reader
 * given a range reads exactly the records that <em>start</em> in it (lines that begin in it; RecordIO records
 * whose header begins in it), reading past {@code end} to finish the last one. Over any set of ranges that tile a
 * file, every record is read exactly once. Immutable.
 *
 * @param start first byte offset, {@code >= 0}
 * @param end   offset after the last byte, {@code >= start}; {@link Long#MAX_VALUE} means "to the end"
 */
public record ByteRange(long start, long end) {

    /** The whole input. */
    public static final ByteRange ALL = new ByteRange(0, Long.MAX_VALUE);

    /**
     * Validates the bounds.
     *
     * @param start first byte offset, {@code >= 0}
     * @param end offset after the last byte, {@code >= start}; {@link Long#MAX_VALUE} means "to the end"
     * @throws IllegalArgumentException if {@code start < 0} or {@code end < start}
     */
    public ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("byte range must satisfy 0 <= start <= end: [" + start + ", " + end
                    + ")");
        }
    }

    /**
     * {@code [start, end)}.
     *
     * @param start first byte offset, {@code >= 0}
     * @param end offset after the last byte, {@code >= start}
     * @return a new range
     * @throws IllegalArgumentException if {@code start < 0} or {@code end < start}
     */
    public static ByteRange of(long start, long end) {
        return new ByteRange(start, end);
    }

    /**
     * True if this range covers an input of {@code length} bytes entirely.
     *
     * @param length the input's size in bytes
     * @return {@code true} if {@code start} is 0 and {@code end} is at least {@code length}
     */
    public boolean coversAll(long length) {
        return start == 0 && end >= length;
    }
}
