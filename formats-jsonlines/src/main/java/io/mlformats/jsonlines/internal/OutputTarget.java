package io.mlformats.jsonlines.internal;

import io.mlformats.core.AtomicFileSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Where a writer's bytes go: a caller's stream (left open on close, only flushed), or a file published through
 * {@link AtomicFileSink} on a successful close, optionally gzip-compressed. Not thread-safe.
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

    /** The caller's stream; closing the writer flushes it and leaves it open. */
    public static OutputTarget of(OutputStream out) {
        return new OutputTarget(out, null, null);
    }

    /** A file that appears under {@code target} only when the writer closes successfully. */
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

    public OutputStream stream() {
        return stream;
    }

    /** Finishes the output: for files, completes gzip and publishes the file. */
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

    /** Abandons the output: a file target leaves nothing behind. */
    public void abort() {
        closed = true;
        if (sink != null) {
            sink.abort();
        }
    }
}
