package io.mlformats.core;

import java.io.Flushable;
import java.io.IOException;

/**
 * Writer of records of type {@code R}. Writers copy what they need from the record during {@link #write}, so
 * the caller may reuse its record object afterwards. Not thread-safe.
 *
 * <p>Writers that target files publish the file under its final name only on a successful {@link #close()}
 * (see {@link AtomicFileSink}).
 *
 * @param <R> the record type
 */
public interface RecordWriter<R> extends Flushable, AutoCloseable {

    void write(R record) throws IOException;

    @Override
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
