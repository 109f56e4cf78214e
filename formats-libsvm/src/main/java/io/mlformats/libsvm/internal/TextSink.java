package io.mlformats.libsvm.internal;

import io.mlformats.core.OutputTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The byte buffer text writers format records into, in front of a core {@link OutputTarget} (a caller's stream,
 * or a file published atomically, optionally gzip-compressed).
 *
 * <p>A record is formatted after {@link #reserve(int)} guaranteed room for all of it, so a record that turns out
 * to be invalid half-way is dropped with {@link #rollback(int)} and never reaches the output. Once anything
 * failed, {@link #close()} discards the file instead of publishing it. Not thread-safe.
 */
public final class TextSink {
    private final OutputTarget target;
    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean failed;
    private boolean closed;

    private TextSink(OutputTarget target) {
        this.target = target;
        this.out = target.stream();
    }

    public static TextSink toFile(Path target, boolean gzip) throws IOException {
        return new TextSink(OutputTarget.file(target, gzip));
    }

    /** Writes to the caller's stream, which {@link #close()} flushes but leaves open. */
    public static TextSink toStream(OutputStream out, boolean gzip) throws IOException {
        return new TextSink(OutputTarget.of(out, gzip));
    }

    public byte[] buffer() {
        return buf;
    }

    public int position() {
        return pos;
    }

    public void position(int p) {
        pos = p;
    }

    /** Makes room for {@code n} more bytes (flushing or growing) and returns the current position. */
    public int reserve(int n) throws IOException {
        if (pos + n > buf.length) {
            flushBuffer();
            if (n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
            }
        }
        return pos;
    }

    /** Drops everything formatted since {@code mark} (a position returned by {@link #reserve(int)}). */
    public void rollback(int mark) {
        pos = mark;
    }

    /** Marks the output as failed: {@link #close()} will discard it. */
    public void fail() {
        failed = true;
    }

    public boolean failed() {
        return failed;
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            writeOut(buf, 0, pos);
            pos = 0;
        }
    }

    /** Appends bytes formatted elsewhere (blocks from parallel formatters); large runs bypass the buffer. */
    public void writeRaw(byte[] src, int off, int len) throws IOException {
        if (len < buf.length) {
            int p = reserve(len);
            System.arraycopy(src, off, buf, p, len);
            pos = p + len;
            return;
        }
        flushBuffer();
        writeOut(src, off, len);
    }

    private void writeOut(byte[] src, int off, int len) throws IOException {
        try {
            out.write(src, off, len);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    /** Discards a file output (the target is left untouched). */
    public void abort() {
        failed = true;
        closed = true;
        target.abort();
    }

    /**
     * Finishes the output: publishes the file (or closes the stream). If anything failed before, the file is
     * discarded and an exception says so.
     */
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (failed) {
            abort();
            throw new IOException("an earlier write failed; "
                    + (target.file() != null ? target.file() + " was not written" : "the output is incomplete"));
        }
        closed = true;
        try {
            flushBuffer();
            target.commit();
        } catch (IOException | RuntimeException e) {
            target.abort();
            throw e;
        }
    }
}
