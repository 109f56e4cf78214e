package io.mlformats.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Where a writer's bytes go: a caller's stream, or a file published through {@link AtomicFileSink} only when the
 * writer finishes successfully; either optionally gzip-compressed. Every format writer of mlformats writes through
 * one of these, so "never a half-written file under the final name" is implemented once.
 *
 * <p>Ownership: a caller's stream stays the caller's — {@link #commit()} finishes gzip and flushes it but does not
 * close it. A file target is created, committed or deleted here. Not thread-safe.
 */
public final class OutputTarget {
    private final OutputStream stream;
    private final AtomicFileSink sink;
    private final GZIPOutputStream gzip;
    private boolean closed;

    private OutputTarget(OutputStream stream, AtomicFileSink sink, GZIPOutputStream gzip) {
        this.stream = stream;
        this.sink = sink;
        this.gzip = gzip;
    }

    /** The caller's stream, uncompressed; {@link #commit()} flushes it and leaves it open. */
    public static OutputTarget of(OutputStream out) {
        return new OutputTarget(out, null, null);
    }

    /** The caller's stream, optionally gzip-compressed; {@link #commit()} finishes gzip and leaves it open. */
    public static OutputTarget of(OutputStream out, boolean gzip) throws IOException {
        if (!gzip) {
            return of(out);
        }
        GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out), 1 << 16);
        return new OutputTarget(gz, null, gz);
    }

    /** A file that appears under {@code target} only when {@link #commit()} succeeds. */
    public static OutputTarget file(Path target, boolean gzip) throws IOException {
        AtomicFileSink sink = AtomicFileSink.open(target);
        try {
            OutputStream s = new BufferedOutputStream(sink.stream(), 1 << 16);
            GZIPOutputStream gz = null;
            if (gzip) {
                gz = new GZIPOutputStream(s, 1 << 16);
                s = gz;
            }
            return new OutputTarget(s, sink, gz);
        } catch (IOException | RuntimeException e) {
            sink.abort();
            throw e;
        }
    }

    /** The stream to write to (already buffered for files; compressed when gzip was asked for). */
    public OutputStream stream() {
        return stream;
    }

    /** The final file, or null for a stream target. */
    public Path file() {
        return sink == null ? null : sink.target();
    }

    /** Finishes the output: completes gzip, flushes, and for files publishes the file under its final name. */
    public void commit() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (gzip != null) {
                gzip.finish();
            }
            stream.flush();
            if (sink != null) {
                sink.commit();
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Abandons the output: a file target leaves nothing behind; a stream is left as it is. Idempotent. */
    public void abort() {
        closed = true;
        if (sink != null) {
            sink.abort();
        }
    }

    /** True once {@link #commit()} or {@link #abort()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Keeps {@link GZIPOutputStream#close()} from closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
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
