package io.mlformats.core;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Where a writer's bytes go: a caller's stream, or a file published through {@link AtomicFileSink}; either
 * optionally gzip-compressed. Every format writer of mlformats writes through one of these, so the
 * {@link RecordWriter} lifecycle (publish only on commit, discard on close without commit) is implemented once.
 * It is public so that users can write their own formats with the same guarantees.
 *
 * <p>Ownership: a caller's stream stays the caller's: {@link #commit()} finishes gzip and flushes it, nothing
 * here closes it. A file target is created, committed or deleted here. The gzip {@code Deflater}'s native memory
 * is released on commit, abort and close. Not thread-safe.
 */
public final class OutputTarget implements Closeable {
    private final OutputStream stream;
    private final AtomicFileSink sink;
    private final Gzip gzip;
    private boolean done;
    private boolean committed;

    private OutputTarget(OutputStream stream, AtomicFileSink sink, Gzip gzip) {
        this.stream = stream;
        this.sink = sink;
        this.gzip = gzip;
    }

    /**
     * The caller's stream, uncompressed; {@link #commit()} flushes it and leaves it open.
     *
     * @param out the caller's stream; flushed on commit, never closed here
     * @return a new target writing to {@code out} unchanged
     * @throws NullPointerException if {@code out} is null
     */
    public static OutputTarget of(OutputStream out) {
        return new OutputTarget(Objects.requireNonNull(out, "out"), null, null);
    }

    /**
     * The caller's stream, optionally gzip-compressed; {@link #commit()} finishes gzip and leaves it open.
     *
     * @param out the caller's stream; never closed here
     * @param gzip whether to gzip-compress what is written
     * @return a new target writing to {@code out}
     * @throws IOException if writing the gzip header fails
     * @throws NullPointerException if {@code out} is null
     */
    public static OutputTarget of(OutputStream out, boolean gzip) throws IOException {
        if (!gzip) {
            return of(out);
        }
        Gzip gz = new Gzip(new NonClosing(Objects.requireNonNull(out, "out")));
        return new OutputTarget(gz, null, gz);
    }

    /**
     * A file that appears under {@code target} only when {@link #commit()} succeeds, replacing an existing file
     * ({@link PublishMode#REPLACE}).
     *
     * @param target the final path; nothing appears there before a successful {@link #commit()}
     * @param gzip whether to gzip-compress what is written
     * @return a new target writing to a temporary file next to {@code target}
     * @throws IOException if the temporary file cannot be created or the gzip header written
     */
    public static OutputTarget file(Path target, boolean gzip) throws IOException {
        return file(target, gzip, PublishMode.REPLACE);
    }

    /**
     * A file that appears under {@code target} only when {@link #commit()} succeeds, replacing an existing file or
     * refusing to as {@code mode} says (see {@link AtomicFileSink} for locking, stale temporary files, symbolic
     * links and durability).
     *
     * @param target the final path; nothing appears there before a successful {@link #commit()}
     * @param gzip whether to gzip-compress what is written
     * @param mode whether commit replaces an existing file or refuses to
     * @return a new target writing to a temporary file next to {@code target}
     * @throws java.nio.file.FileAlreadyExistsException if {@code mode} is {@link PublishMode#CREATE_NEW} and the
     *                                                  target exists
     * @throws IOException if the temporary file cannot be created (another writer is writing the target) or the
     *                     gzip header written
     */
    public static OutputTarget file(Path target, boolean gzip, PublishMode mode) throws IOException {
        AtomicFileSink sink = AtomicFileSink.open(target, mode);
        Gzip gz = null;
        try {
            OutputStream s = new BufferedOutputStream(sink.stream(), 1 << 16);
            if (gzip) {
                gz = new Gzip(s);
                s = gz;
            }
            return new OutputTarget(s, sink, gz);
        } catch (IOException | RuntimeException e) {
            if (gz != null) {
                gz.release();
            }
            sink.abort();
            throw e;
        }
    }

    /**
     * The stream to write to (already buffered for files; compressed when gzip was asked for).
     *
     * @return the stream writers write to; owned by this target, do not close it
     */
    public OutputStream stream() {
        return stream;
    }

    /**
     * The final file, or null for a stream target.
     *
     * @return the path the file is published under on commit, or null for a stream target
     */
    public Path file() {
        return sink == null ? null : sink.target();
    }

    /**
     * Finishes the output: completes gzip, flushes, and for files publishes the file under its final name. On
     * failure the output is aborted and the exception rethrown.
     *
     * @throws IllegalStateException if already committed or aborted
     * @throws IOException if finishing, flushing or publishing fails; the output is aborted first
     */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException(committed ? "already committed" : "already aborted");
        }
        done = true;
        try {
            if (gzip != null) {
                gzip.finish();
            }
            stream.flush();
            if (sink != null) {
                sink.commit();
            }
            committed = true;
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        } finally {
            if (gzip != null) {
                gzip.release();
            }
        }
    }

    /**
     * Abandons the output: a file target leaves nothing behind (an existing file at the target is untouched); a
     * stream is left as it is, without a gzip trailer. Idempotent; a no-op after {@link #commit()}.
     */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        discard();
    }

    private void discard() {
        if (gzip != null) {
            gzip.release();
        }
        if (sink != null) {
            sink.abort();
        }
    }

    /**
     * True once {@link #commit()} or {@link #abort()} was called.
     *
     * @return {@code true} once the target was committed or aborted, successfully or not
     */
    public boolean isDone() {
        return done;
    }

    /**
     * True once {@link #commit()} succeeded.
     *
     * @return {@code true} only if {@link #commit()} completed without an exception
     */
    public boolean isCommitted() {
        return committed;
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }

    /** GZIPOutputStream whose Deflater can be released without finishing the stream (abort). */
    private static final class Gzip extends GZIPOutputStream {
        Gzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
        }

        void release() {
            def.end();
        }
    }

    /** Keeps a gzip stream's close from closing the caller's stream. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
