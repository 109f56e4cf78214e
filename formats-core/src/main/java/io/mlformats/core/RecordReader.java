package io.mlformats.core;

import java.io.IOException;

/**
 * Forward-only reader of records of type {@code R}.
 *
 * <p>{@link #current()} returns a <em>view</em> that the reader reuses: it is valid until the next call to
 * {@link #next()} or {@link #close()}. Call the view's {@code detach()}/{@code copy()} method to keep a record.
 * Readers are not thread-safe; use one per thread.
 *
 * @param <R> the record view type
 */
public interface RecordReader<R> extends AutoCloseable {

    /**
     * Advances to the next record.
     *
     * @return false at the end of the input
     * @throws FormatException for a bad record under {@link ErrorPolicy#FAIL_FAST}, or for input that cannot be
     *                         read past (truncation, exceeded limits) under any policy
     */
    boolean next() throws IOException;

    /**
     * The current record view; valid until the next call to {@link #next()}.
     *
     * @return the reader's reused record view (not a copy)
     */
    R current();

    /**
     * Position of the current record (or of the end of input once {@link #next()} returned false).
     *
     * @return where the current record starts in the input, for error messages
     */
    SourcePosition position();

    /**
     * Counters for what has been read so far.
     *
     * @return the reader's live counters, updated as it reads; use {@link ReadStats#snapshot()} to keep them
     */
    ReadStats stats();

    @Override
    void close() throws IOException;
}
