package io.mlformats.manifest;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonSite;
import io.mlformats.jsonlines.internal.JsonValues;
import io.mlformats.jsonlines.internal.LineRecordLoop;
import io.mlformats.core.ByteRange;
import io.mlformats.core.SeekableInput;
import io.mlformats.jsonlines.internal.ReaderInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Streams an augmented manifest (JSON Lines, plain or gzip): each line becomes a {@link ManifestRecord} holding
 * every attribute's raw JSON, in file order, so nothing is lost (label metadata objects, unknown keys). With
 * {@link ManifestReadOptions#attributeNames()} each line must have every listed attribute; {@code -ref}
 * attributes must hold an {@code s3://} URI string. Ground Truth's size limits are enforced when asked.
 * {@link #current()} is a new owned record per line. Not thread-safe.
 */
public final class AugmentedManifestReader implements RecordReader<ManifestRecord> {
    private final LineRecordLoop loop;
    private final JsonParsers parsers;
    private final ManifestReadOptions options;
    private ManifestRecord current;

    private AugmentedManifestReader(ByteInput input, ManifestReadOptions options) {
        this.options = options;
        this.loop = new LineRecordLoop(input, options.read());
        this.parsers = new JsonParsers(options.read().limits());
    }

    /**
     * Reads a local file: gzip detected by content, plain files memory-mapped. The reader opens the file and
     * closes it on {@code close()}.
     */
    public static AugmentedManifestReader open(Path file, ManifestReadOptions options) throws IOException {
        return new AugmentedManifestReader(ReaderInputs.file(file, options.read().limits()), options);
    }

    /** Reads a local file with {@link ManifestReadOptions#defaults()}. As {@code open(Path, ...)}. */
    public static AugmentedManifestReader open(Path file) throws IOException {
        return open(file, ManifestReadOptions.defaults());
    }

    /**
     * Reads the lines that start in {@code range} of {@code input}, reading past its end to finish the last one
     * ({@link ByteRange#ALL} for everything). Offsets in positions are offsets in the whole input; record indexes
     * count from the start of the range. The caller owns {@code input}; the reader never closes it.
     */
    public static AugmentedManifestReader open(SeekableInput input, ByteRange range, ManifestReadOptions options) throws IOException {
        return new AugmentedManifestReader(ReaderInputs.range(input, range, options.read().limits()), options);
    }

    /**
     * Reads a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. The caller owns {@code input}; the reader never
     * closes it.
     */
    public static AugmentedManifestReader open(ByteInput input, ManifestReadOptions options) {
        return new AugmentedManifestReader(ReaderInputs.borrowed(input), options);
    }

    @Override
    public boolean next() throws IOException {
        return loop.next(this::decode);
    }

    private void decode(byte[] b, int from, int to, JsonSite site) throws FormatException {
        if (options.groundTruthLimits()) {
            long chars = chars(b, from, to);
            if (chars > ManifestReadOptions.GROUND_TRUTH_MAX_LINE_CHARS) {
                throw new FormatException(site.at(0), ManifestProblem.LINE_TOO_LONG + ": the line has " + chars
                        + " characters; Ground Truth manifest lines may have at most "
                        + ManifestReadOptions.GROUND_TRUTH_MAX_LINE_CHARS);
            }
        }
        JsonValues values = new JsonValues(parsers, b, from, site);
        Map<String, String> raw = new LinkedHashMap<>();
        try (JsonParser p = values.open(to - from)) {
            JsonToken t = values.next(p);
            if (t != JsonToken.START_OBJECT) {
                throw values.error(p, ManifestProblem.NOT_AN_OBJECT + ": found " + JsonParsers.describe(t)
                        + ", expected one JSON object per line");
            }
            while ((t = values.next(p)) != JsonToken.END_OBJECT) {
                String name = p.currentName();
                values.next(p);
                int at = (int) p.currentTokenLocation().getByteOffset();
                String value = values.raw(p);
                if (options.groundTruthLimits()) {
                    if (name.startsWith("$")) {
                        throw new FormatException(site.at(at), ManifestProblem.INVALID_ATTRIBUTE_NAME
                                + ": attribute name \"" + name + "\" starts with '$', which Ground Truth forbids");
                    }
                    byte[] vb = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    long chars = chars(vb, 0, vb.length);
                    if (chars > ManifestReadOptions.GROUND_TRUTH_MAX_ATTRIBUTE_CHARS) {
                        throw new FormatException(site.at(at), ManifestProblem.ATTRIBUTE_TOO_LONG + ": \"" + name
                                + "\" has " + chars + " characters; Ground Truth allows at most "
                                + ManifestReadOptions.GROUND_TRUTH_MAX_ATTRIBUTE_CHARS + " per attribute");
                    }
                }
                if (name.endsWith("-ref") && (options.attributeNames() == null
                        || options.attributeNames().contains(name))
                        && !(value.startsWith("\"s3://") && value.length() > 7)) {
                    throw new FormatException(site.at(at), ManifestProblem.REF_NOT_S3_URI + ": \"" + name
                            + "\" is a -ref attribute, so its value must be an S3 URI string (\"s3://bucket/key\"),"
                            + " found " + abbreviate(value));
                }
                raw.put(name, value);
            }
            parsers.expectEnd(p, site);
        }
        List<String> wanted = options.attributeNames();
        if (wanted != null) {
            for (String n : wanted) {
                if (!raw.containsKey(n)) {
                    throw new FormatException(site.at(0), ManifestProblem.ATTRIBUTE_MISSING + ": the line has no"
                            + " attribute \"" + n + "\" (it has " + raw.keySet() + "); every line must carry all"
                            + " AttributeNames " + wanted + ", otherwise SageMaker fails with \"Got empty batch"
                            + " from pipe\"");
                }
            }
        }
        current = new ManifestRecord(raw);
    }

    /** Unicode code points in UTF-8 bytes (continuation bytes not counted). */
    private static long chars(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /**
     * The current record; valid until the next {@link #next()} or {@link #close()}.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public ManifestRecord current() {
        loop.checkCurrent();
        return current;
    }

    /** The current record's attributes in {@code AttributeNames} order, as SageMaker streams them. */
    public List<String> currentStreamed() {
        return current.streamed(options.attributeNames() == null ? current.names() : options.attributeNames());
    }

    @Override
    public SourcePosition position() {
        return loop.position();
    }

    @Override
    public ReadStats stats() {
        return loop.stats();
    }

    @Override
    public void close() throws IOException {
        loop.close();
    }
}
