package io.mlformats.core;

/**
 * The Java heap could not provide the buffer one record or line needs, although the record is within the
 * configured {@link ReadLimits}. Thrown instead of letting an {@link OutOfMemoryError} escape from a reader's
 * buffer growth: the message names the record's location, the bytes the buffer needed, the heap's maximum and
 * the two remedies (a larger heap, {@code -Xmx}, or a lower limit, which turns such records into ordinary
 * {@link LimitExceededException}s).
 *
 * <p>It is a {@link LimitExceededException} whose {@link #limitName()} and {@link #limitValue()} are the limit
 * that allowed the buffer to grow this far, so code that handles limit violations handles it too. Immutable.
 */
public final class InsufficientMemoryException extends LimitExceededException {
    private static final long serialVersionUID = 1L;

    /** Bytes the failed allocation asked for. */
    private final long bytesNeeded;
    /** {@link Runtime#maxMemory()} when the allocation failed. */
    private final long maxHeap;

    /**
     * The buffer for {@code what} at {@code position} could not grow to {@code bytesNeeded} bytes.
     *
     * @param position where the record or line starts; not null
     * @param what the record or line, e.g. {@code "line 7"} or {@code "record payload"}; starts the detail text
     * @param bytesNeeded the size of the allocation that failed, in bytes, or -1 when it is not known (the error
     *     was caught around the decoding of a whole record)
     * @param limitName the {@link ReadLimits} property that bounds this buffer, e.g. {@code maxLineBytes}
     * @param limitValue that limit's configured value
     */
    public InsufficientMemoryException(SourcePosition position, String what, long bytesNeeded, String limitName,
            long limitValue) {
        this(position, what, bytesNeeded, Runtime.getRuntime().maxMemory(), limitName, limitValue);
    }

    private InsufficientMemoryException(SourcePosition position, String what, long bytesNeeded, long maxHeap,
            String limitName, long limitValue) {
        super(position, limitName, limitValue, what + (bytesNeeded >= 0 ? " needs a buffer of " + bytesNeeded
                + " bytes and the Java heap cannot provide it" : " needs more memory than the Java heap can provide")
                + " (max heap " + maxHeap + " bytes): raise the heap"
                + " (-Xmx, JAVA_OPTS for the mlformats command) or lower the limit " + limitName + " = " + limitValue
                + " (ReadLimits.builder()." + limitName + "(...)) to refuse such input", true);
        this.bytesNeeded = bytesNeeded;
        this.maxHeap = maxHeap;
    }

    /** Moves {@code e} to {@code position}, keeping its text (for {@link FormatException#shifted}). */
    InsufficientMemoryException(SourcePosition position, InsufficientMemoryException e) {
        super(position, e.limitName(), e.limitValue(), e.detail(), true);
        this.bytesNeeded = e.bytesNeeded;
        this.maxHeap = e.maxHeap;
    }

    /**
     * The size of the allocation that failed.
     *
     * @return the number of bytes the buffer needed, or -1 if not known
     */
    public long bytesNeeded() {
        return bytesNeeded;
    }

    /**
     * The heap's maximum when the allocation failed.
     *
     * @return {@link Runtime#maxMemory()} at the time, in bytes
     */
    public long maxHeap() {
        return maxHeap;
    }
}
