package io.mlformats.manifest;

import io.mlformats.core.RecordWriter;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.jsonlines.internal.JsonLinesOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes augmented-manifest lines: each {@link ManifestRecord}'s attributes in its order, values copied verbatim
 * (what was read is written back unchanged), {@code \n} endings, no BOM. Follows the {@link RecordWriter} lifecycle:
 * published by {@link #commit()} only. Not thread-safe.
 */
public final class AugmentedManifestWriter implements RecordWriter<ManifestRecord> {
    private final JsonLinesOutput output;
    private final JsonTextWriter out;

    private AugmentedManifestWriter(JsonLinesOutput output) {
        this.output = output;
        this.out = output.json();
    }

    /**
     * Writes {@code file} through a hidden temporary sibling that {@link #commit()} renames over it; gzip-compressed
     * when {@code options} ask for it. The writer creates the file and publishes or deletes it.
     *
     * @param file the manifest file to create or replace on {@link #commit()}
     * @param options whether to gzip-compress the output
     * @return a writer that owns the temporary file until it is committed or closed
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static AugmentedManifestWriter open(Path file, ManifestWriteOptions options) throws IOException {
        return new AugmentedManifestWriter(JsonLinesOutput.file(file, options.gzip()));
    }

    /**
     * Writes {@code file} with {@link ManifestWriteOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the manifest file to create or replace on {@link #commit()}
     * @return a writer that owns the temporary file until it is committed or closed
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static AugmentedManifestWriter open(Path file) throws IOException {
        return open(file, ManifestWriteOptions.defaults());
    }

    /**
     * Writes to the caller's stream; {@link #commit()} finishes it (gzip trailer when asked for) and flushes it.
     * The caller owns {@code out}; the writer never closes it.
     *
     * @param out the stream the lines are written to; stays open and owned by the caller
     * @param options whether to gzip-compress the output
     * @return a writer over {@code out}
     * @throws IOException if writing the gzip header to {@code out} fails
     */
    public static AugmentedManifestWriter open(OutputStream out, ManifestWriteOptions options) throws IOException {
        return new AugmentedManifestWriter(JsonLinesOutput.stream(out, options.gzip()));
    }

    /** Writes one record, its attributes in order, values verbatim. */
    @Override
    public void write(ManifestRecord record) throws IOException {
        output.beginRecord();
        out.raw('{');
        String sep = "";
        for (Map.Entry<String, String> e : record.rawValues().entrySet()) {
            out.raw(sep).name(e.getKey());
            byte[] v = e.getValue().getBytes(StandardCharsets.UTF_8);
            out.raw(v, 0, v.length);
            sep = ", ";
        }
        out.raw('}');
        output.endRecord();
    }

    /**
     * Writes the current line of an {@link AugmentedManifestReader} as read: its attributes in order, each value's
     * bytes copied verbatim from the view's buffer (nothing is decoded or allocated).
     *
     * @param line the reader's current line; only read during this call, not retained
     * @throws IOException if writing to the underlying file or stream fails
     */
    public void write(ManifestRecordView line) throws IOException {
        output.beginRecord();
        out.raw('{');
        for (int i = 0; i < line.attributeCount(); i++) {
            out.raw(i > 0 ? ", " : "").name(line.name(i));
            out.raw(line.buffer(), line.valueStart(i), line.valueEnd(i) - line.valueStart(i));
        }
        out.raw('}');
        output.endRecord();
    }

    /** Pushes buffered records to the output; never publishes a file. */
    @Override
    public void flush() throws IOException {
        output.flush();
    }

    /** Finishes and publishes the output (see {@link RecordWriter#commit()}). */
    @Override
    public void commit() throws IOException {
        output.commit();
    }

    /** Discards the output (see {@link RecordWriter#abort()}); idempotent. */
    @Override
    public void abort() {
        output.abort();
    }

    /** Aborts unless {@link #commit()} succeeded; idempotent. */
    @Override
    public void close() {
        output.abort();
    }
}
