package io.mlformats.core;

import io.mlformats.core.vector.LabeledRow;

/**
 * A reader of a tabular format (LibSVM, CSV, RecordIO-protobuf, Parquet feature tables) that also presents each
 * record as the shared {@link LabeledRow}, so conversions and algorithm validation work on any of them alike.
 *
 * @param <R> the format's own record view type
 */
public interface TabularReader<R> extends RecordReader<R> {

    /**
     * The current record as a labelled feature row: a reused view with the same lifetime as {@link #current()}
     * (valid until the next {@link #next()}); no allocation per record.
     *
     * @return the reader's reused row view of the current record (not a copy; see {@link LabeledRow#copy()})
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    LabeledRow currentRow();
}
