package io.mlformats.core;

import java.io.Flushable;
import java.io.IOException;

/**
 * Writer of records of type {@code R}, with an explicit publishing step.
 *
 * <p><b>Lifecycle.</b> {@link #write} records, then {@link #commit()}: only {@code commit()} finishes the output.
 * {@link #close()} without a successful {@code commit()} {@linkplain #abort() aborts}. So in
 * try-with-resources, an exception thrown anywhere in the block (by the writer or by the caller's own code)
 * leaves no output that looks complete:
 *
 * <pre>{@code
 * try (LibSvmWriter w = LibSvmWriter.open(Path.of("train.libsvm"), LibSvmWriteOptions.defaults())) {
 *     for (...) w.write(row);
 *     w.commit();      // train.libsvm appears here, complete; without this line it never appears
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A file target is written to a hidden temporary sibling and renamed over the target by {@code commit()}
 *       ({@link AtomicFileSink}); {@code abort()} deletes the temporary file and leaves a file already at the
 *       target exactly as it was.</li>
 *   <li>A caller's stream is never closed by the writer. {@code commit()} writes what is buffered, finishes the
 *       format (gzip trailer, Parquet footer) and flushes; without {@code commit()} the stream is left
 *       unfinished (no gzip trailer, no footer), so a consumer fails loudly instead of reading a short file
 *       that looks valid.</li>
 * </ul>
 *
 * <p>After {@code commit()} or {@code abort()} the writer accepts no more records ({@link IllegalStateException});
 * {@code close()} is then a no-op, and may be called any number of times. A write that throws an
 * {@link IOException} poisons the writer: {@code commit()} then aborts and throws an {@code IOException}. A record refused by
 * validation ({@link IllegalArgumentException} before any byte of it was written) does not poison it.
 *
 * <p>Writers copy what they need from a record during {@link #write}, so the caller may reuse its record object
 * afterwards. Not thread-safe: one writer per thread.
 *
 * <p>We chose not to add a callback form ({@code write(path, options, w -> ...)}): try-with-resources plus
 * {@code commit()} is as safe, keeps one shape for every format, and lets the caller decide when the output is
 * complete (for example after its own checks).
 *
 * @param <R> the record type
 */
public interface RecordWriter<R> extends Flushable, AutoCloseable {

    /**
     * Writes one record.
     *
     * @param record the record to write; read during the call only
     * @throws IllegalArgumentException if the record would be refused by the consuming algorithm (nothing of it
     *                                  is written; the writer stays usable)
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    void write(R record) throws IOException;

    /**
     * Pushes buffered bytes to the output. For a file target the bytes go to the temporary file, not to the
     * target: flushing never publishes.
     */
    @Override
    void flush() throws IOException;

    /**
     * Finishes and publishes the output: a file appears under its final name, complete; a stream receives the
     * rest of the bytes, the format's trailer and a flush (it is not closed).
     *
     * @throws IOException           if finishing failed or an earlier write failed; the output is then aborted
     * @throws IllegalStateException if already aborted or closed
     */
    void commit() throws IOException;

    /**
     * Discards the output: a file target leaves nothing behind and an existing file at the target is untouched;
     * a stream is left unfinished and open. Idempotent; a no-op after {@link #commit()}.
     */
    void abort();

    /** Aborts unless {@link #commit()} succeeded; releases resources. Idempotent. */
    @Override
    void close() throws IOException;
}
