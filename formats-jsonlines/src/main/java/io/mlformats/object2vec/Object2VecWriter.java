package io.mlformats.object2vec;

import io.mlformats.core.RecordWriter;
import io.mlformats.jsonlines.JsonTextWriter;
import io.mlformats.core.OutputTarget;
import io.mlformats.jsonlines.internal.JsonLinesOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes Object2Vec JSON Lines {@code {"label": 1, "in0": [...], "in1": [...]}} (label and inputs only when
 * present), {@code \n} endings. Integer labels are written as integers and real labels always with a fraction or
 * exponent ({@code 4.0}), so they read back as the same kind. Refuses negative token ids, empty lists and
 * non-finite labels ({@link IllegalArgumentException}, nothing written). Files are published on close. Not
 * thread-safe.
 */
public final class Object2VecWriter implements RecordWriter<Object2VecPair> {
    private final JsonLinesOutput output;
    private final JsonTextWriter out;

    private Object2VecWriter(OutputTarget target) {
        this.output = new JsonLinesOutput(target);
        this.out = output.json();
    }

    public static Object2VecWriter create(Path file, boolean gzip) throws IOException {
        return new Object2VecWriter(OutputTarget.file(file, gzip));
    }

    public static Object2VecWriter to(OutputStream stream) {
        return new Object2VecWriter(OutputTarget.of(stream));
    }

    @Override
    public void write(Object2VecPair pair) throws IOException {
        output.beginRecord();
        try {
            writeObject(out, pair);
            out.endLine();
        } catch (RuntimeException e) {
            out.rollback();
            throw e;
        }
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

    @Override
    public void flush() throws IOException {
        output.flush();
    }

    @Override
    public void commit() throws IOException {
        output.close();
    }

    /** Gives up: a file target is deleted. */
    public void abort() {
        output.abort();
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}
