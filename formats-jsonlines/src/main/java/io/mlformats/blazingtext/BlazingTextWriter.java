package io.mlformats.blazingtext;

import io.mlformats.core.RecordWriter;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.jsonlines.internal.JsonLinesOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes fastText / BlazingText text lines: labels first, then words, separated by single spaces, {@code \n}
 * endings, no BOM, so that {@link BlazingTextReader} (and fastText) read back exactly the same labels and words.
 * Refuses ({@link IllegalArgumentException}, nothing written) labels that do not start with the prefix, empty
 * tokens, tokens containing fastText white space, and words that start with the prefix (they would read back as
 * labels). Follows the {@link RecordWriter} lifecycle: published by
 * {@link #commit()} only. Not thread-safe.
 */
public final class BlazingTextWriter implements RecordWriter<BlazingTextLine> {
    private final JsonLinesOutput output;
    private final JsonTextWriter out;
    private final String prefix;

    private BlazingTextWriter(JsonLinesOutput output, String prefix) {
        this.output = output;
        this.out = output.json();
        this.prefix = prefix;
    }

    /**
     * Writes {@code file} through a hidden temporary sibling that {@link #commit()} renames over it; gzip-compressed
     * when {@code options} ask for it. The writer creates the file and publishes or deletes it.
     *
     * @param file the text file to create or replace on {@link #commit()}
     * @param options gzip compression and label prefix
     * @return a writer that owns the temporary file until it is committed or closed
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static BlazingTextWriter open(Path file, BlazingTextWriteOptions options) throws IOException {
        return new BlazingTextWriter(JsonLinesOutput.file(file, options.gzip()), options.labelPrefix());
    }

    /**
     * Writes {@code file} with {@link BlazingTextWriteOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the text file to create or replace on {@link #commit()}
     * @return a writer that owns the temporary file until it is committed or closed
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static BlazingTextWriter open(Path file) throws IOException {
        return open(file, BlazingTextWriteOptions.defaults());
    }

    /**
     * Writes to the caller's stream; {@link #commit()} finishes it (gzip trailer when asked for) and flushes it.
     * The caller owns {@code out}; the writer never closes it.
     *
     * @param out the stream the lines are written to; stays open and owned by the caller
     * @param options gzip compression and label prefix
     * @return a writer over {@code out}
     * @throws IOException if writing the gzip header to {@code out} fails
     */
    public static BlazingTextWriter open(OutputStream out, BlazingTextWriteOptions options) throws IOException {
        return new BlazingTextWriter(JsonLinesOutput.stream(out, options.gzip()), options.labelPrefix());
    }

    /** Writes one line; a refused line ({@link IllegalArgumentException}) leaves nothing written. */
    @Override
    public void write(BlazingTextLine line) throws IOException {
        write(line.labels(), line.words());
    }

    /**
     * Writes labels (full tokens, prefix included) and words.
     *
     * @param labels the label tokens with their prefix, written first, in order
     * @param words the word tokens, written after the labels, in order
     * @throws IOException if writing to the underlying file or stream fails
     */
    public void write(List<String> labels, List<String> words) throws IOException {
        output.checkOpen();
        if (prefix == null && !labels.isEmpty()) {
            throw new IllegalArgumentException("a word2vec file has no labels: " + labels);
        }
        for (String l : labels) {
            token(l, "label");
            if (!l.startsWith(prefix)) {
                throw new IllegalArgumentException("label \"" + l + "\" does not start with " + prefix);
            }
        }
        for (String w : words) {
            token(w, "word");
            if (prefix != null && w.startsWith(prefix)) {
                throw new IllegalArgumentException("word \"" + w + "\" starts with the label prefix " + prefix
                        + " and would read back as a label");
            }
        }
        output.beginRecord();
        String sep = "";
        for (String l : labels) {
            out.raw(sep);
            bytes(l);
            sep = " ";
        }
        for (String w : words) {
            out.raw(sep);
            bytes(w);
            sep = " ";
        }
        output.endRecord();
    }

    /**
     * Writes labels named {@code labelNames} (prefix added) and the words of {@code text} (fastText split).
     *
     * @param labelNames the label names without prefix; the writer's label prefix is added to each
     * @param text free text, split into words the way fastText splits them
     * @throws IOException if writing to the underlying file or stream fails
     */
    public void writeText(List<String> labelNames, String text) throws IOException {
        write(labelNames.stream().map(n -> prefix + n).toList(), FastTextTokenizer.tokens(text));
    }

    private void bytes(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.raw(b, 0, b.length);
    }

    private static void token(String t, String what) {
        if (t == null || t.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        for (int i = 0; i < t.length(); i++) {
            if (FastTextTokenizer.isSpace(t.charAt(i))) {
                throw new IllegalArgumentException(what + " \"" + t + "\" contains white space at index " + i
                        + "; fastText would split it");
            }
            if (Character.isSurrogate(t.charAt(i)) && !(Character.isHighSurrogate(t.charAt(i))
                    && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(++i)))) {
                throw new IllegalArgumentException(what + " \"" + t + "\" has a lone surrogate (not UTF-8)");
            }
        }
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
