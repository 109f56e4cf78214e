package io.mlformats.parquet.internal;

import io.mlformats.core.AtomicFileSink;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A Parquet file being written through an {@link AtomicFileSink}: rows go to a temporary sibling, {@link #commit()}
 * finishes the footer and publishes the file, {@link #abort()} deletes it. The one lifecycle both Parquet writers
 * of this module share. Not thread-safe.
 *
 * @param <T> the row type the write support understands
 */
public final class AtomicParquetFile<T> {
    private final AtomicFileSink sink;
    private final ParquetWriter<T> writer;
    private boolean closed;

    private AtomicParquetFile(AtomicFileSink sink, ParquetWriter<T> writer) {
        this.sink = sink;
        this.writer = writer;
    }

    /** Opens the temporary file for {@code target}; nothing exists under {@code target} until commit. */
    public static <T> AtomicParquetFile<T> create(Path target, WriteSupport<T> support, CompressionCodecName codec,
            long rowGroupBytes) throws IOException {
        AtomicFileSink sink = AtomicFileSink.open(target);
        try {
            return new AtomicParquetFile<>(sink, ParquetFiles.writer(sink, support, codec, rowGroupBytes));
        } catch (IOException | RuntimeException e) {
            sink.abort();
            throw e;
        }
    }

    /**
     * Writes one row; Parquet's unchecked failures become IOExceptions, except IllegalArgumentException, which
     * write supports throw for a row that does not fit the schema.
     */
    public void write(T row) throws IOException {
        try {
            writer.write(row);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("Parquet write failed: " + e.getMessage(), e);
        }
    }

    /** Finishes the file and publishes it under its final name (deleting it if that fails). Idempotent. */
    public void commit() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
            sink.commit();
        } catch (IOException | RuntimeException e) {
            sink.abort();
            throw e;
        }
    }

    /** Discards the file; the target is left as it was. Idempotent. */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException | RuntimeException ignored) {
            // The temporary file is deleted below either way.
        }
        sink.abort();
    }
}
