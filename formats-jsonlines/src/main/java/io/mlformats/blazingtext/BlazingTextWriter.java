package io.mlformats.blazingtext;

import io.mlformats.core.RecordWriter;
import io.mlformats.jsonlines.JsonTextWriter;
import io.mlformats.core.OutputTarget;
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
 * labels). Files are published on close. Not thread-safe.
 */
public final class BlazingTextWriter implements RecordWriter<BlazingTextLine> {
    private final JsonLinesOutput output;
    private final JsonTextWriter out;
    private final String prefix;

    private BlazingTextWriter(OutputTarget target, String prefix) {
        this.output = new JsonLinesOutput(target);
        this.out = output.json();
        this.prefix = prefix;
    }

    /** A file of supervised lines with label prefix {@code prefix} ({@code null}: word2vec, no labels). */
    public static BlazingTextWriter create(Path file, String prefix, boolean gzip) throws IOException {
        return new BlazingTextWriter(OutputTarget.file(file, gzip), prefix);
    }

    public static BlazingTextWriter to(OutputStream stream, String prefix) {
        return new BlazingTextWriter(OutputTarget.of(stream), prefix);
    }

    @Override
    public void write(BlazingTextLine line) throws IOException {
        write(line.labels(), line.words());
    }

    /** Writes labels (full tokens, prefix included) and words. */
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
        out.beginRecord();
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
        out.endLine();
    }

    /** Writes labels named {@code labelNames} (prefix added) and the words of {@code text} (fastText split). */
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
