package io.mlformats.object2vec;

import io.mlformats.core.RecordWriter;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.jsonlines.internal.JsonLinesOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes Object2Vec JSON Lines {@code {"label": 1, "in0": [...], "in1": [...]}} (label and inputs only when
 * present), {@code \n} endings. Integer labels are written as integers and real labels always with a fraction or
 * exponent ({@code 4.0}), so they read back as the same kind. Refuses negative token ids, empty lists and
 * non-finite labels ({@link IllegalArgumentException}, nothing written). Follows the {@link RecordWriter}
 * lifecycle: published by {@link #commit()} only. Not thread-safe.
 */
public final class Object2VecWriter implements RecordWriter<Object2VecPair> {
    private final JsonLinesOutput output;
    private final JsonTextWriter out;

    private Object2VecWriter(JsonLinesOutput output) {
        this.output = output;
        this.out = output.json();
    }

    /**
     * Writes {@code file} through a hidden temporary sibling that {@link #commit()} renames over it; gzip-compressed
     * when {@code options} ask for it. The writer creates the file and publishes or deletes it.
     *
     * @param file the Object2Vec JSON Lines file to create or replace on {@link #commit()}
     * @param options whether to gzip-compress the output
     * @return a writer that owns the temporary file until it is committed or closed
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static Object2VecWriter open(Path file, Object2VecWriteOptions options) throws IOException {
        return new Object2VecWriter(JsonLinesOutput.file(file, options.gzip()));
    }

    /**
     * Writes {@code file} with {@link Object2VecWriteOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the Object2Vec JSON Lines file to create or replace on {@link #commit()}
     * @return a writer that owns the temporary file until it is committed or closed
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static Object2VecWriter open(Path file) throws IOException {
        return open(file, Object2VecWriteOptions.defaults());
    }

    /**
     * Writes to the caller's stream; {@link #commit()} finishes it (gzip trailer when asked for) and flushes it.
     * The caller owns {@code out}; the writer never closes it.
     *
     * @param out the stream the records are written to; stays open and owned by the caller
     * @param options whether to gzip-compress the output
     * @return a writer over {@code out}
     * @throws IOException if writing the gzip header to {@code out} fails
     */
    public static Object2VecWriter open(OutputStream out, Object2VecWriteOptions options) throws IOException {
        return new Object2VecWriter(JsonLinesOutput.stream(out, options.gzip()));
    }

    /** Writes one record; a refused record ({@link IllegalArgumentException}) leaves nothing written. */
    @Override
    public void write(Object2VecPair pair) throws IOException {
        output.beginRecord();
        try {
            writeObject(out, pair);
        } catch (RuntimeException e) {
            output.rollback();
            throw e;
        }
        output.endRecord();
    }

    /**
     * Writes the current record of a reader (copied first: token-id buffers are the reader's).
     *
     * @param view a reader's current record; copied before writing, not retained
     * @throws IOException if writing to the underlying file or stream fails
     */
    public void write(Object2VecPairView view) throws IOException {
        write(view.copy());
    }

    /** Writes the JSON object of a pair (no newline). */
    static void writeObject(JsonTextWriter out, Object2VecPair pair) {
        out.raw('{');
        String sep = "";
        if (pair.label() != null) {
            out.name("label");
            label(out, pair.label());
            sep = ", ";
        }
        if (pair.in0() != null) {
            out.raw(sep).name("in0");
            ids(out, pair.in0(), "in0");
            sep = ", ";
        }
        if (pair.in1() != null) {
            out.raw(sep).name("in1");
            ids(out, pair.in1(), "in1");
        }
        out.raw('}');
    }

    static void label(JsonTextWriter out, Number label) {
        if (label instanceof Long l) {
            out.number(l.longValue());
            return;
        }
        double d = label.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("label must be finite: " + d);
        }
        int before = out.size();
        out.number(d);
        byte[] b = out.buffer();
        for (int i = before; i < out.size(); i++) {
            if (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
                return;
            }
        }
        out.raw(".0"); // keep it a real number: "4" would read back as an integer label
    }

    private static void ids(JsonTextWriter out, int[] ids, String name) {
        if (ids.length == 0) {
            throw new IllegalArgumentException(name + " is empty; Object2Vec inputs need at least one token id");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + ids[i] + " is negative");
            }
        }
        out.intArray(ids, ids.length);
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
