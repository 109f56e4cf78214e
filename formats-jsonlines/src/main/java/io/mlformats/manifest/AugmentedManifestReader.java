package io.mlformats.manifest;

import static io.mlformats.jsonlines.internal.FastJsonScanner.skipWs;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.jsonlines.internal.FastJsonScanner;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonSite;
import io.mlformats.jsonlines.internal.JsonValues;
import io.mlformats.jsonlines.internal.LineRecordLoop;
import io.mlformats.core.ByteRange;
import io.mlformats.core.SeekableInput;
import io.mlformats.jsonlines.internal.ReaderInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Streams an augmented manifest (JSON Lines, plain or gzip): {@link #current()} is a {@link ManifestRecordView}
 * reused for every line, indexing every attribute's raw JSON in file order, so nothing is lost (label metadata
 * objects, unknown keys); {@link ManifestRecordView#copy()} keeps a line as a {@link ManifestRecord}. With
 * {@link ManifestReadOptions#attributeNames()} each line must have every listed attribute; {@code -ref}
 * attributes must hold an {@code s3://} URI string. Ground Truth's size limits are enforced when asked.
 *
 * <p>Allocation per line: none in steady state for lines whose attribute names are plain ASCII without escapes
 * and appear once each, whose values are any JSON (strings with escapes and well-formed UTF-8, numbers of up to 64
 * characters, literals, arrays, objects with such names nested up to 64 deep, no duplicate names): those lines
 * are checked and indexed in place by the module's scanner, and a name is a new String only when it differs from
 * the name the same position had on the previous line. Other lines (a non-ASCII or escaped name, a very long
 * number, deeper nesting) and every invalid line go through a Jackson parser over the line's bytes, which costs
 * the parser and its buffers (measured: about 1.4 KB per Ground Truth-style line; scanned lines allocate nothing,
 * which {@code ReaderAllocationTest} holds). Values are never copied by the reader: the view's
 * {@link ManifestRecordView#raw(String)} and {@link ManifestRecordView#text(String)} make Strings when called,
 * {@link ManifestRecordView#copy()} makes a record (about 640 bytes for that line), and {@link #currentStreamed()}
 * makes a list. Not thread-safe: one reader per thread
 * ({@link #next()} from a thread other than the first caller's, and any read after {@link #close()}, throw
 * {@link IllegalStateException}).
 */
public final class AugmentedManifestReader implements RecordReader<ManifestRecordView> {
    private final LineRecordLoop loop;
    private final JsonParsers parsers;
    private final ManifestReadOptions options;
    private final FastJsonScanner scanner;
    private final ManifestRecordView view = new ManifestRecordView();
    private final FastJsonScanner.FieldScanner attribute = this::attribute;
    private final LineRecordLoop.LineDecoder lineDecoder = this::decode;
    /** False to read every line with Jackson (the tests' oracle for the scanner). */
    boolean scan = true;
    private static final byte[] S3_PREFIX = "\"s3://".getBytes(StandardCharsets.US_ASCII);

    private AugmentedManifestReader(ByteInput input, ManifestReadOptions options) {
        this.options = options;
        this.loop = new LineRecordLoop(input, options.read(), "AugmentedManifestReader");
        this.parsers = new JsonParsers(options.read().limits());
        this.scanner = new FastJsonScanner(Integer.MAX_VALUE, options.read().limits().maxNestingDepth());
    }

    /**
     * Reads a local file: gzip detected by content, plain files memory-mapped. The reader opens the file and
     * closes it on {@code close()}.
     *
     * @param file the manifest file to read, plain or gzip-compressed
     * @param options the read mode, error policy, limits and required attribute names
     * @return a reader positioned before the first line; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static AugmentedManifestReader open(Path file, ManifestReadOptions options) throws IOException {
        return new AugmentedManifestReader(ReaderInputs.file(file, options.read().limits()), options);
    }

    /**
     * Reads a local file with {@link ManifestReadOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the manifest file to read, plain or gzip-compressed
     * @return a reader positioned before the first line; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static AugmentedManifestReader open(Path file) throws IOException {
        return open(file, ManifestReadOptions.defaults());
    }

    /**
     * Reads the lines that start in {@code range} of {@code input}, reading past its end to finish the last one
     * ({@link ByteRange#ALL} for everything). Offsets in positions are offsets in the whole input; record indexes
     * count from the start of the range. The caller owns {@code input}; the reader never closes it.
     *
     * @param input the seekable input holding the manifest; stays open and owned by the caller
     * @param range the byte range whose starting lines are read, or {@link ByteRange#ALL}
     * @param options the read mode, error policy, limits and required attribute names
     * @return a reader positioned before the first line that starts in {@code range}
     * @throws IOException if seeking to the range or reading from {@code input} fails
     */
    public static AugmentedManifestReader open(SeekableInput input, ByteRange range, ManifestReadOptions options) throws IOException {
        return new AugmentedManifestReader(ReaderInputs.range(input, range, options.read().limits()), options);
    }

    /**
     * Reads a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. The caller owns {@code input}; the reader never
     * closes it.
     *
     * @param input the forward-only input holding the manifest; stays open and owned by the caller
     * @param options the read mode, error policy, limits and required attribute names
     * @return a reader positioned before the first line
     */
    public static AugmentedManifestReader open(ByteInput input, ManifestReadOptions options) {
        return new AugmentedManifestReader(ReaderInputs.borrowed(input), options);
    }

    @Override
    public boolean next() throws IOException {
        return loop.next(lineDecoder);
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
        view.clear(b);
        int end = scan ? FastJsonScanner.object(b, skipWs(b, from, to), to, attribute) : FastJsonScanner.BAIL;
        if (end != FastJsonScanner.BAIL && skipWs(b, end, to) == to) {
            for (int i = 0; i < view.attributeCount(); i++) {
                check(i, from, site);
            }
        } else {
            view.clear(b);
            decodeWithJackson(b, from, to, site);
        }
        List<String> wanted = options.attributeNames();
        if (wanted != null) {
            for (int k = 0; k < wanted.size(); k++) { // indexed: no Iterator per line
                String n = wanted.get(k);
                if (!view.has(n)) {
                    throw new FormatException(site.at(0), ManifestProblem.ATTRIBUTE_MISSING + ": the line has no"
                            + " attribute \"" + n + "\" (it has " + view.names() + "); every line must carry all"
                            + " AttributeNames " + wanted + ", otherwise SageMaker fails with \"Got empty batch"
                            + " from pipe\"");
                }
            }
        }
    }

    /** The scanner's field callback: one top-level attribute. */
    private int attribute(byte[] b, int k0, int k1, int at, int to) {
        if (view.names.containsAscii(b, k0, k1)) {
            return FastJsonScanner.BAIL; // a duplicate name: Jackson reports it
        }
        int end = scanner.value(b, at, to, 1);
        if (end != FastJsonScanner.BAIL) {
            view.names.add(b, k0, k1);
            view.value(at, end);
        }
        return end;
    }

    /** The authority on validity and error messages, for lines the scanner declines. */
    private void decodeWithJackson(byte[] b, int from, int to, JsonSite site) throws FormatException {
        JsonValues values = new JsonValues(parsers, b, from, site);
        try (JsonParser p = values.open(to - from)) {
            JsonToken t = values.next(p);
            if (t != JsonToken.START_OBJECT) {
                throw values.error(p, ManifestProblem.NOT_AN_OBJECT + ": found " + JsonParsers.describe(t)
                        + ", expected one JSON object per line");
            }
            while ((t = values.next(p)) != JsonToken.END_OBJECT) {
                view.names.add(p.currentName());
                values.next(p);
                int at = (int) p.currentTokenLocation().getByteOffset();
                view.value(from + at, from + values.skipRaw(p));
                check(view.attributeCount() - 1, from, site);
            }
            parsers.expectEnd(p, site);
        }
    }

    /** The per-attribute rules (Ground Truth names and sizes, {@code -ref} values) for attribute {@code i}. */
    private void check(int i, int from, JsonSite site) throws FormatException {
        String name = view.name(i);
        byte[] b = view.buffer();
        int v0 = view.valueStart(i);
        int v1 = view.valueEnd(i);
        int at = v0 - from;
        if (options.groundTruthLimits()) {
            if (name.startsWith("$")) {
                throw new FormatException(site.at(at), ManifestProblem.INVALID_ATTRIBUTE_NAME
                        + ": attribute name \"" + name + "\" starts with '$', which Ground Truth forbids");
            }
            long chars = chars(b, v0, v1);
            if (chars > ManifestReadOptions.GROUND_TRUTH_MAX_ATTRIBUTE_CHARS) {
                throw new FormatException(site.at(at), ManifestProblem.ATTRIBUTE_TOO_LONG + ": \"" + name
                        + "\" has " + chars + " characters; Ground Truth allows at most "
                        + ManifestReadOptions.GROUND_TRUTH_MAX_ATTRIBUTE_CHARS + " per attribute");
            }
        }
        if (name.endsWith("-ref") && (options.attributeNames() == null || options.attributeNames().contains(name))
                && !(v1 - v0 > S3_PREFIX.length && Arrays.equals(b, v0, v0 + S3_PREFIX.length, S3_PREFIX, 0,
                S3_PREFIX.length))) {
            throw new FormatException(site.at(at), ManifestProblem.REF_NOT_S3_URI + ": \"" + name
                    + "\" is a -ref attribute, so its value must be an S3 URI string (\"s3://bucket/key\"),"
                    + " found " + abbreviate(view.raw(i)));
        }
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
    public ManifestRecordView current() {
        loop.checkCurrent();
        return view;
    }

    /**
     * The current record's attributes in {@code AttributeNames} order (file order without them), as SageMaker
     * streams them: a new list of new Strings.
     *
     * @return the current line's attribute values as streamed text, one new String per attribute
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    public List<String> currentStreamed() {
        ManifestRecordView v = current();
        return v.streamed(options.attributeNames() == null ? v.names() : options.attributeNames());
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
