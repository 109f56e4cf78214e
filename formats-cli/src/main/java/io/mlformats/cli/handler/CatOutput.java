package io.mlformats.cli.handler;

import io.mlformats.jsonlines.internal.JsonTextWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where {@code cat} prints: a JSON writer for records printed field by field, or the raw stream for formats
 * whose writer already prints their canonical JSON Lines. Belongs to the command; not thread-safe.
 */
public final class CatOutput {
    private final JsonTextWriter json;
    private final OutputStream raw;

    /** Output over {@code raw}, which the command owns and flushes. */
    public CatOutput(OutputStream raw) {
        this.raw = raw;
        this.json = new JsonTextWriter(raw);
    }

    /** The JSON writer (one record per line). */
    public JsonTextWriter json() {
        return json;
    }

    /** The raw stream, after what the JSON writer holds has been flushed into it. */
    public OutputStream raw() throws IOException {
        json.flush();
        return raw;
    }

    /** Flushes the JSON writer. */
    public void flush() throws IOException {
        json.flush();
    }
}
