package io.mlformats.core;

import io.mlformats.core.vector.LabeledRow;
import java.io.IOException;

/**
 * A writer of a tabular format (LibSVM, CSV, RecordIO-protobuf, Parquet feature tables) that also accepts the
 * shared {@link LabeledRow}, so any tabular reader can feed any tabular writer.
 *
 * @param <R> the format's own record type
 */
public interface TabularWriter<R> extends RecordWriter<R> {

    /**
     * Writes one labelled feature row; the row is read during the call only. Rules are those of
     * {@link #write(Object)}: a row the format (or the consuming algorithm) cannot hold is refused with an
     * {@link IllegalArgumentException} naming what is wrong, and nothing of it is written.
     *
     * @param row the row to write; not kept after the call
     * @throws IllegalArgumentException if the format or the consuming algorithm cannot hold the row
     * @throws IOException if the output failed (the writer is then poisoned)
     */
    void writeRow(LabeledRow row) throws IOException;
}
