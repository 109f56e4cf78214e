package io.mlformats.blazingtext;

import io.mlformats.core.FormatException;
import io.mlformats.core.SourcePosition;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestAttributes;
import io.mlformats.manifest.AugmentedManifestWriter;
import io.mlformats.manifest.ManifestRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Converts between supervised text ({@code __label__1 __label__3 words...}) and BlazingText's augmented-manifest
 * form ({@code {"source": "words...", "label": 1}} or {@code "label": [1, 3]}). Label {@code n} maps to
 * {@code <prefix>n} (DECISIONS.md). The manifest's {@code source} is the line's words joined by single spaces;
 * from a manifest, {@code source} is split as fastText splits (so embedded newlines cannot break lines).
 * Stateless and thread-safe.
 */
public final class BlazingTextManifest {
    /** The manifest attribute holding the sentence. */
    public static final String SOURCE = "source";
    /** The manifest attribute holding the label(s). */
    public static final String LABEL = "label";
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private BlazingTextManifest() {
    }

    /**
     * Copies every line of {@code in} to {@code out} as a manifest record. A line without labels, or with a label
     * whose name is not a non-negative integer, fails with its position (the manifest form has numeric labels).
     *
     * @param in the reader of supervised text lines; advanced to its end, not closed
     * @param out the writer the records are written to; not committed or closed
     * @return the number of records written
     * @throws IOException if reading or writing fails, or a {@link FormatException} for a line with missing or
     *     non-numeric labels
     */
    public static long toManifest(BlazingTextReader in, AugmentedManifestWriter out) throws IOException {
        long n = 0;
        while (in.next()) {
            out.write(toRecord(in.current(), in.position()));
            n++;
        }
        return n;
    }

    /**
     * One text line as a manifest record.
     *
     * @param line the reader's current line; only read during this call
     * @param at the line's position, used in the error message
     * @return a record with {@code source} (the words joined by single spaces) and {@code label} (a number, or an
     *     array of numbers for several labels)
     * @throws FormatException if the line has no label or a label name that is not a non-negative integer
     */
    public static ManifestRecord toRecord(BlazingTextLineView line, SourcePosition at) throws FormatException {
        if (line.labelCount() == 0) {
            throw new FormatException(at, "NO_LABEL: the line has no label; the augmented-manifest form needs"
                    + " \"label\": n");
        }
        long[] labels = new long[line.labelCount()];
        for (int i = 0; i < labels.length; i++) {
            String name = line.labelName(i);
            if (!name.matches("0|[1-9][0-9]{0,17}")) {
                throw new FormatException(at.withByteOffset(at.byteOffset() + line.labelStart(i)
                        - line.lineStart()), "LABEL_NOT_NUMERIC: label \"" + line.label(i)
                        + "\" is not <prefix><non-negative integer>; the augmented-manifest form has numeric labels");
            }
            labels[i] = Long.parseLong(name);
        }
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < line.wordCount(); i++) {
            source.append(i > 0 ? " " : "").append(line.word(i));
        }
        ManifestRecord.Builder b = ManifestRecord.builder().string(SOURCE, source.toString());
        return labels.length == 1 ? b.number(LABEL, labels[0]).build() : b.numbers(LABEL, labels).build();
    }

    /**
     * Copies every manifest record of {@code in} (read with attribute names {@code source}, {@code label}) to
     * {@code out} as a text line.
     *
     * @param in the manifest reader, opened with attribute names {@code source} and {@code label}; not closed
     * @param out the writer the text lines are written to; not committed or closed
     * @param prefix the label prefix put before each numeric label, such as {@code __label__}
     * @return the number of lines written
     * @throws IOException if reading or writing fails, or a {@link FormatException} for a record without valid labels
     */
    public static long fromManifest(AugmentedManifestReader in, BlazingTextWriter out, String prefix)
            throws IOException {
        long n = 0;
        while (in.next()) {
            out.write(toLine(in.current(), prefix, in.position()));
            n++;
        }
        return n;
    }

    /**
     * One manifest line (a reader's view or an owned record) as a text line. Labels: integers, arrays of integers,
     * or strings of digits.
     *
     * @param record the manifest line with {@code source} and {@code label} attributes
     * @param prefix the label prefix put before each numeric label, such as {@code __label__}
     * @param at the record's position, used in error messages
     * @return a line with the prefixed labels and the fastText tokens of {@code source}
     * @throws FormatException if {@code source} or {@code label} is missing or a label is not a non-negative integer
     */
    public static BlazingTextLine toLine(ManifestAttributes record, String prefix, SourcePosition at)
            throws FormatException {
        String source = record.text(SOURCE);
        String label = record.raw(LABEL);
        if (source == null || !record.isString(SOURCE) || label == null) {
            throw new FormatException(at, "ATTRIBUTE_MISSING: expected a string \"source\" and a \"label\", found "
                    + record.names());
        }
        List<String> labels = new ArrayList<>();
        byte[] b = label.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), b, 0, b.length)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    labels.add(prefix + labelName(p, t, at));
                }
            } else {
                labels.add(prefix + labelName(p, t, at));
            }
        }
        return new BlazingTextLine(labels, FastTextTokenizer.tokens(source));
    }

    private static String labelName(JsonParser p, JsonToken t, SourcePosition at) throws FormatException {
        String text = p.getText();
        if ((t == JsonToken.VALUE_NUMBER_INT && !text.startsWith("-"))
                || (t == JsonToken.VALUE_STRING && text.matches("0|[1-9][0-9]*"))) {
            return text;
        }
        throw new FormatException(at, "LABEL_NOT_NUMERIC: found " + text + " in \"label\", expected a non-negative"
                + " integer or an array of them");
    }
}
