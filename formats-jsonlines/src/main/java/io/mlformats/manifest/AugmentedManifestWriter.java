package io.mlformats.manifest;

import io.mlformats.core.RecordWriter;
import io.mlformats.jsonlines.JsonTextWriter;
import io.mlformats.core.OutputTarget;
import io.mlformats.jsonlines.internal.JsonLinesOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes augmented-manifest lines: each {@link ManifestRecord}'s attributes in its order, values copied verbatim
 * (what was read is written back unchanged), {@code \n} endings, no BOM. Files are published on close. Not
 * thread-safe.
 */
public final class AugmentedManifestWriter implements RecordWriter<ManifestRecord> {
    private final JsonLinesOutput output;
    private final JsonTextWriter out;

    private AugmentedManifestWriter(OutputTarget target) {
        this.output = new JsonLinesOutput(target);
        this.out = output.json();
    }

    public static AugmentedManifestWriter create(Path file, boolean gzip) throws IOException {
        return new AugmentedManifestWriter(OutputTarget.file(file, gzip));
    }

    public static AugmentedManifestWriter to(OutputStream stream) {
        return new AugmentedManifestWriter(OutputTarget.of(stream));
    }

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
        out.endLine();
    }

    @Override
    public void flush() throws IOException {
        output.flush();
    }

    @Override
    public void commit() throws IOException {
        output.close();
    }

    public void abort() {
        output.abort();
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}
