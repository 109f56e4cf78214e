package io.mlformats.libsvm.internal;

import io.mlformats.core.OutputTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The byte buffer text writers format records into, in front of a core {@link OutputTarget} (a caller's stream,
 * or a file published atomically, optionally gzip-compressed), and the one place the text writers'
 * {@link io.mlformats.core.RecordWriter} lifecycle is implemented.
 *
 * <p>A record is formatted after {@link #reserve(int)} guaranteed room for all of it, so a record that turns out
 * to be invalid half-way is dropped with {@link #rollback(int)} and never reaches the output. An I/O failure (or
 * {@link #poison()}) poisons the sink: {@link #commit()} then aborts and throws. Writers call
 * {@link #checkOpen()} before each record, so writing after commit, abort or close is an
 * {@link IllegalStateException}. Not thread-safe; the buffer belongs to the sink.
 */
public final class TextSink {
    private static final int OPEN = 0;
    private static final int COMMITTED = 1;
    private static final int ABORTED = 2;

    private final OutputTarget target;
    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean poisoned;
    private int state = OPEN;

    private TextSink(OutputTarget target) {
        this.target = target;
        this.out = target.stream();
    }

    /** A hidden temporary sibling of {@code target}, renamed over it by {@link #commit()}. */
    public static TextSink toFile(Path target, boolean gzip) throws IOException {
        return new TextSink(OutputTarget.file(target, gzip));
    }

    /** Writes to the caller's stream, which {@link #commit()} finishes and flushes but never closes. */
    public static TextSink toStream(OutputStream out, boolean gzip) throws IOException {
        return new TextSink(OutputTarget.of(out, gzip));
    }

    /** The buffer records are formatted into; valid until the next {@link #reserve(int)}. */
    public byte[] buffer() {
        return buf;
    }

    /** Where the next byte goes in {@link #buffer()}. */
    public int position() {
        return pos;
    }

    /** Sets the end of the formatted bytes (after a record was formatted from {@link #reserve(int)}). */
    public void position(int p) {
        pos = p;
    }

    /**
     * Throws if the writer accepts no more records.
     *
     * @throws IllegalStateException after commit, abort or close
     */
    public void checkOpen() {
        if (state != OPEN) {
            throw new IllegalStateException("the writer was already " + (state == COMMITTED ? "committed"
                    : "aborted or closed") + "; it accepts no more records");
        }
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

    /** Marks the output as failed: {@link #commit()} will abort it and throw. */
    public void poison() {
        poisoned = true;
    }

    /** True once an I/O failure (or {@link #poison()}) made the output unpublishable. */
    public boolean poisoned() {
        return poisoned;
    }

    /**
     * Runs the usual bookkeeping after a record failed: an {@link IllegalArgumentException} (a refused record,
     * rolled back) leaves the sink usable; anything else poisons it.
     */
    public void failed(Throwable e) {
        if (!(e instanceof IllegalArgumentException) && !(e instanceof IllegalStateException)) {
            poisoned = true;
        }
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
            poisoned = true;
            throw e;
        }
    }

    /**
     * Pushes buffered bytes to the output (the temporary file for a file target: flushing never publishes).
     *
     * @throws IllegalStateException after commit, abort or close
     */
    public void flush() throws IOException {
        checkOpen();
        flushBuffer();
        try {
            out.flush();
        } catch (IOException | RuntimeException e) {
            poisoned = true;
            throw e;
        }
    }

    /**
     * Finishes the output: writes what is buffered, finishes gzip, flushes, and publishes a file. If anything
     * failed before, or finishing fails, the output is aborted and an {@link IOException} says so.
     *
     * @throws IllegalStateException if already committed, aborted or closed
     */
    public void commit() throws IOException {
        checkOpen();
        if (poisoned) {
            abort();
            throw new IOException("an earlier write failed; "
                    + (target.file() != null ? target.file() + " was not written" : "the output is incomplete"));
        }
        try {
            flushBuffer();
            target.commit();
            state = COMMITTED;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Discards the output: a file target leaves nothing behind (an existing file is untouched); a stream is left
     * unfinished and open. Idempotent; a no-op after {@link #commit()}.
     */
    public void abort() {
        if (state != OPEN) {
            return;
        }
        state = ABORTED;
        target.abort();
    }
}
