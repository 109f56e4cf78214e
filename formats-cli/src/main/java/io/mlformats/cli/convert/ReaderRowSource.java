package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import java.io.IOException;

/**
 * What every row source over one of the library's readers shares: the reused {@link LabeledRow}, and position, stats,
 * progress and close delegated to the reader. Subclasses fill the row in {@link #next()}. Not thread-safe.
 */
abstract class ReaderRowSource<R extends RecordReader<?>> implements RowSource {
    /** The library reader the rows come from. */
    protected final R reader;
    /** The reused row {@link #next()} fills. */
    protected final LabeledRow row = new LabeledRow();
    private final long size;

    ReaderRowSource(R reader, long size) {
        this.reader = reader;
        this.size = size;
    }

    @Override
    public LabeledRow current() {
        return row;
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
