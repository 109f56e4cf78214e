package io.mlformats.jsonlines.internal;

import io.mlformats.jsonlines.JsonTextWriter;
import io.mlformats.core.OutputTarget;
import java.io.IOException;

/**
 * The output side every JSON Lines writer of this module shares: a {@link JsonTextWriter} record buffer draining into
 * an {@link OutputTarget}, and the writer lifecycle around it — refuse writes once closed, publish on
 * {@link #close()} (a failed final flush abandons the target instead), discard on {@link #abort()}. Writers keep
 * only their format; this keeps "never a half-written file under the final name". Not thread-safe.
 */
public final class JsonLinesOutput {
    private final OutputTarget target;
    private final JsonTextWriter out;
    private boolean closed;

    public JsonLinesOutput(OutputTarget target) {
        this.target = target;
        this.out = new JsonTextWriter(target.stream());
    }

    /** The record buffer (for formatting helpers; use {@link #beginRecord()} to start a record). */
    public JsonTextWriter json() {
        return out;
    }

    /**
     * Starts a record ({@link JsonTextWriter#beginRecord()}) and returns the buffer to format it into.
     *
     * @throws IllegalStateException once closed or aborted
     */
    public JsonTextWriter beginRecord() {
        checkOpen();
        out.beginRecord();
        return out;
    }

    /** @throws IllegalStateException once closed or aborted */
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and commits the target (a file appears under its final name); idempotent. */
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.flush();
        } catch (IOException | RuntimeException e) {
            target.abort();
            throw e;
        }
        target.commit();
    }

    /** Gives up: a file target is deleted, nothing is published. */
    public void abort() {
        closed = true;
        target.abort();
    }
}
