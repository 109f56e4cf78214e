package io.mlformats.parquet.internal;

import io.mlformats.core.AtomicFileSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * The {@link io.mlformats.core.RecordWriter} lifecycle of a Parquet file being written, shared by both Parquet
 * writers of this module.
 *
 * <ul>
 *   <li>Local file ({@link #file}): rows go to a hidden temporary sibling ({@link AtomicFileSink});
 *       {@link #commit()} writes the footer and renames the file over the target; {@link #abort()} deletes the
 *       temporary file without writing a footer, so a file already at the target is untouched.</li>
 *   <li>Caller's {@link OutputFile} ({@link #outputFile}): {@link #commit()} writes the footer and closes the
 *       stream Parquet obtained from {@link OutputFile#create}; {@link #abort()} writes nothing more and leaves
 *       that stream open: what reached it (the {@code PAR1} header and any row groups already flushed) has no
 *       footer, so it is not a readable Parquet file.</li>
 * </ul>
 *
 * <p>Any exception from a write poisons the output: {@link #commit()} then aborts and throws. Not thread-safe.
 *
 * @param <T> the row type the write support understands
 */
public final class ParquetOutput<T> {
    private enum State { OPEN, COMMITTED, ABORTED }

    private final AtomicFileSink sink;
    private final OutputFile out;
    private final String name;
    private ParquetWriter<T> writer;
    private State state = State.OPEN;
    private IOException failure;

    private ParquetOutput(AtomicFileSink sink, OutputFile out, String name) {
        this.sink = sink;
        this.out = out;
        this.name = name;
    }

    /**
     * Opens the temporary file for {@code target}; nothing exists under {@code target} until commit. The Parquet
     * writer starts with {@link #begin}.
     */
    public static <T> ParquetOutput<T> file(Path target) throws IOException {
        ParquetRuntime.requireWriterApi();
        AtomicFileSink sink = AtomicFileSink.open(target);
        return new ParquetOutput<>(sink, new AtomicOutputFile(sink), target.toString());
    }

    /**
     * An output into the caller's {@code file}; see the class comment for what commit and abort do there. Nothing
     * is created in it before {@link #begin}.
     */
    public static <T> ParquetOutput<T> outputFile(OutputFile file) {
        Objects.requireNonNull(file, "file");
        ParquetRuntime.requireWriterApi();
        return new ParquetOutput<>(null, file, String.valueOf(file.getPath()));
    }

    /** True once a write or {@link #begin} failed: {@link #commit()} will abort and throw. */
    public boolean failed() {
        return failure != null;
    }

    /** True once {@link #begin} created the Parquet writer. */
    public boolean begun() {
        return writer != null;
    }

    /**
     * Creates the Parquet writer (the file header is written now) with the schema and footer metadata of
     * {@code support}. A failure poisons the output.
     */
    public void begin(WriteSupport<T> support, CompressionCodecName codec, long rowGroupBytes) throws IOException {
        requireOpen();
        if (writer != null) {
            throw new IllegalStateException("already begun");
        }
        if (failure != null) {
            throw new IOException("Parquet writer of " + name + " failed earlier; commit() will discard it", failure);
        }
        try {
            writer = ParquetFiles.writer(out, support, codec, rowGroupBytes);
        } catch (IOException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            failure = new IOException("creating Parquet writer of " + name + " failed: " + e.getMessage(), e);
            throw failure;
        }
    }

    /** Throws {@link IllegalStateException} unless rows may still be written. */
    public void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("Parquet writer of " + name + " is already "
                    + (state == State.COMMITTED ? "committed" : "aborted or closed"));
        }
    }

    /**
     * Writes one row the caller has already checked. Any failure (Parquet reports I/O failures of row group
     * flushes unchecked) poisons the output and is thrown as an {@link IOException}.
     */
    public void write(T row) throws IOException {
        requireOpen();
        if (writer == null) {
            throw new IllegalStateException("begin() first");
        }
        if (failure != null) {
            throw new IOException("Parquet writer of " + name + " failed earlier; commit() will discard it", failure);
        }
        try {
            writer.write(row);
        } catch (IOException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            failure = new IOException("Parquet write to " + name + " failed: " + e.getMessage(), e);
            throw failure;
        }
    }

    /**
     * Writes the footer and publishes; aborts and throws if an earlier write failed or finishing fails. The
     * writer must have {@linkplain #begin begun}.
     */
    public void commit() throws IOException {
        requireOpen();
        if (writer == null && failure == null) {
            throw new IllegalStateException("begin() first");
        }
        if (failure != null) {
            abort();
            throw new IOException("not committed: an earlier write to " + name + " failed; output discarded",
                    failure);
        }
        try {
            writer.close();
            if (sink != null) {
                sink.commit();
            }
            state = State.COMMITTED;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e instanceof IOException io ? io : new IOException("finishing " + name + " failed: " + e, e);
        }
    }

    /** Discards the output (see the class comment). Idempotent; a no-op after {@link #commit()}. */
    public void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        if (sink != null) {
            sink.abort();
        }
    }

    /** True once {@link #commit()} succeeded. */
    public boolean committed() {
        return state == State.COMMITTED;
    }
}
