package io.mlformats.jsonlines.internal;

import io.mlformats.core.OutputTarget;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The output side every text writer of this module shares: a {@link JsonTextWriter} record buffer draining into
 * an {@link OutputTarget}, and the {@link io.mlformats.core.RecordWriter} lifecycle around it, implemented once:
 * <ul>
 *   <li>{@link #commit()} is the only way to publish (flush, gzip trailer, rename of a file target);</li>
 *   <li>{@link #abort()} discards (a file target is deleted, an existing file at the target is untouched; a
 *       stream is left unfinished and open); idempotent, a no-op after commit;</li>
 *   <li>records after commit or abort: {@link IllegalStateException}; commit twice: {@link IllegalStateException};</li>
 *   <li>an {@link IOException} while writing poisons the output: {@link #commit()} then aborts and throws.</li>
 * </ul>
 * A record is formatted whole into the buffer between {@link #beginRecord()} and {@link #endRecord()}; a record
 * refused half-way is dropped with {@link #rollback()} and never reaches the output. Not thread-safe.
 */
public final class JsonLinesOutput {
    private final OutputTarget target;
    private final JsonTextWriter out;
    private IOException failure;
    private boolean committed;
    private boolean aborted;

    private JsonLinesOutput(OutputTarget target) {
        this.target = target;
        this.out = new JsonTextWriter(target.stream());
    }

    /** A hidden temporary sibling of {@code file}, renamed over it by {@link #commit()}. */
    public static JsonLinesOutput file(Path file, boolean gzip) throws IOException {
        return new JsonLinesOutput(OutputTarget.file(file, gzip));
    }

    /** The caller's stream, never closed here; {@link #commit()} finishes gzip and flushes it. */
    public static JsonLinesOutput stream(OutputStream out, boolean gzip) throws IOException {
        return new JsonLinesOutput(OutputTarget.of(out, gzip));
    }

    /** The record buffer (format records into it between {@link #beginRecord()} and {@link #endRecord()}). */
    public JsonTextWriter json() {
        return out;
    }

    /**
     * Starts a record and returns the buffer to format it into.
     *
     * @throws IllegalStateException after commit or abort
     * @throws IOException           if an earlier write failed (the output is poisoned)
     */
    public JsonTextWriter beginRecord() throws IOException {
        checkOpen();
        if (failure != null) {
            throw new IOException("an earlier write failed; the output can only be aborted", failure);
        }
        out.beginRecord();
        return out;
    }

    /** Ends the record started by {@link #beginRecord()}; an I/O failure poisons the output. */
    public void endRecord() throws IOException {
        try {
            out.endLine();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Drops the record started by {@link #beginRecord()} (nothing of it is written). */
    public void rollback() {
        out.rollback();
    }

    /** @throws IllegalStateException after commit or abort */
    public void checkOpen() {
        if (committed || aborted) {
            throw new IllegalStateException("the writer is " + (committed ? "committed" : "aborted or closed")
                    + "; it accepts no more records");
        }
    }

    /** Pushes buffered records to the target (never publishes); an I/O failure poisons the output. */
    public void flush() throws IOException {
        checkOpen();
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Finishes and publishes the output; on any failure (now or in an earlier write) the output is aborted.
     *
     * @throws IllegalStateException if already committed or aborted
     * @throws IOException           if finishing failed or an earlier write had failed
     */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        if (aborted) {
            throw new IllegalStateException("already aborted or closed; nothing to commit");
        }
        if (failure != null) {
            abort();
            throw new IOException("not committed: an earlier write failed, the output was discarded", failure);
        }
        try {
            out.flush();
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        aborted = true;    // until the target says otherwise: a failed commit leaves the output aborted
        target.commit();
        aborted = false;
        committed = true;
    }

    /** Discards the output; idempotent; a no-op after {@link #commit()}. */
    public void abort() {
        if (committed || aborted) {
            return;
        }
        aborted = true;
        target.abort();
    }
}
