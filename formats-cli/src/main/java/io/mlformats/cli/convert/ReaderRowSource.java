package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.ReadStats;
import io.mlformats.core.TabularReader;
import io.mlformats.core.SourcePosition;
import java.io.IOException;

/**
 * A row source over one of the library's tabular readers: rows are the reader's own reused
 * {@link TabularReader#currentRow()} (the library maps each format to rows; nothing is copied here), and position,
 * stats, progress and close are delegated to the reader. Not thread-safe.
 */
abstract class ReaderRowSource<R extends TabularReader<?>> implements RowSource {
    /** The library reader the rows come from. */
    protected final R reader;
    private final long size;

    ReaderRowSource(R reader, long size) {
        this.reader = reader;
        this.size = size;
    }

    @Override
    public boolean next() throws IOException {
        return reader.next();
    }

    @Override
    public LabeledRow current() {
        return reader.currentRow();
    }

    @Override
    public SourcePosition position() {
        return reader.position();
    }

    @Override
    public ReadStats stats() {
        return reader.stats();
    }

    @Override
    public long bytesRead() {
        return reader.stats().bytes();
    }

    @Override
    public long bytesTotal() {
        return size;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
