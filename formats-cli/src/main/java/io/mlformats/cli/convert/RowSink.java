package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import java.io.IOException;

/**
 * Rows written to one output (a file or a set of shards). Nothing appears under the output's name until
 * {@link #commit()}; {@link #abort()} removes every trace. Not thread-safe.
 */
public interface RowSink {
    /**
     * Writes one row (read during the call, not kept).
     *
     * @throws IllegalArgumentException if the output format cannot hold this row
     */
    void write(LabeledRow row) throws IOException;

    /** Finishes and publishes the output. */
    void commit() throws IOException;

    /** Discards everything written. Idempotent; safe after a failed commit. */
    void abort();
}
