package io.mlformats.libsvm;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordStarts;
import io.mlformats.core.SeekableInput;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.TabularReader;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.core.text.LineScanner;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.internal.LibSvmLineParser;
import io.mlformats.libsvm.internal.RowAccounting;
import io.mlformats.libsvm.internal.RowMapping;
import io.mlformats.libsvm.internal.TextErrors;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the rows of a LibSVM/SVMlight text input (file, seekable input with a byte range, stream, gzip, bytes)
 * through one reusable {@link LibSvmRow} view: no allocation per row on the hot path, fields parsed straight
 * from the line's bytes (in place for heap and mapped inputs, from a reused window otherwise).
 *
 * <pre>{@code
 * try (LibSvmReader r = LibSvmReader.open(path, LibSvmReadOptions.defaults())) {
 *     while (r.next()) {
 *         LibSvmRow row = r.current();   // valid until the next call to next(); row.copy() keeps it
 *         use(row.label(), row.features());
 *     }
 * }
 * }</pre>
 *
 * <p>Syntax, modes and error reporting follow DECISIONS.md (see {@link LibSvmReadOptions}). Errors read
 * {@code file:line:offset: record N: detail}, where the offset is that of the offending byte and the record
 * index counts non-blank, non-comment lines from 0 (from the start of the range for a range read; offsets are
 * offsets in the whole input).
 *
 * <p>With {@link IndexBase#AUTO} the base is decided over the whole input before the first row is returned: a
 * first pass over the input finds the smallest index. A forward-only stream cannot be read twice, so
 * {@link #open(ByteInput, LibSvmReadOptions)} rejects AUTO for streams, and a partial byte range rejects it too
 * (the decision needs the whole file); use {@link LibSvmLoader} there, or decide once and pass ZERO or ONE.
 *
 * <p>Under {@link ErrorPolicy#FAIL_FAST} a {@link FormatException} for one bad line does not end the reader: the
 * line is consumed, {@link #rejectedLine()} returns its bytes, and the next {@link #next()} continues with the
 * line after it (for callers that keep bad lines instead of dropping them, such as Spark's PERMISSIVE mode).
 * Errors that make the rest of the input unreadable (a line over the length limit, truncation, I/O) are not
 * line rejections: {@link #rejectedLine()} is null after them.
 *
 * <p>Also a {@link TabularReader}: {@link #currentRow()} presents the row as a core {@link LabeledRow}. Not
 * thread-safe: one reader per thread ({@link #next()} from a thread other than the first caller's, and any read
 * after {@link #close()}, throw {@link IllegalStateException}). The row views and their arrays belong to the reader.
 */
public final class LibSvmReader implements TabularReader<LibSvmRow> {
    private static final String WARN_BOM = "bom-skipped";

    private final LineScanner lines;
    private final TextErrors errors;
    private final LibSvmLineParser parser;
    private final LibSvmRow row;
    private final LabeledRow labeled = new LabeledRow();
    private final ReadCounter stats;
    private final RowAccounting rows;
    private final long declaredFeatures;
    private final int shift;
    private final boolean ownsInput;
    private boolean started;
    private boolean hasCurrent;
    /** The line the last next() rejected (fail-fast), as [rejectedFrom, rejectedTo) of the scanner's buffer. */
    private boolean hasRejected;
    private int rejectedFrom;
    private int rejectedTo;
    private final ReaderGuard guard = new ReaderGuard("LibSvmReader");

    LibSvmReader(ByteInput input, LibSvmReadOptions options, IndexBase resolved, boolean ownsInput) {
        boolean deferred = resolved == IndexBase.AUTO;
        this.lines = new LineScanner(input, options.read().limits());
        this.errors = new TextErrors(input.name());
        this.stats = new ReadCounter(options.read().maxErrorsKept());
        this.shift = resolved == IndexBase.ONE ? 1 : 0;
        this.parser = new LibSvmLineParser(errors, stats, options.read().lenient(), options.multiLabel(),
                options.valueType() == ValueType.FLOAT32, shift, deferred ? -1 : options.numFeatures(),
                options.read().limits().maxArrayElements());
        this.row = new LibSvmRow(options.valueType());
        this.rows = new RowAccounting(lines, stats, options.read().errorPolicy() == ErrorPolicy.SKIP_AND_COLLECT);
        this.declaredFeatures = options.numFeatures();
        this.ownsInput = ownsInput;
    }

    /**
     * A reader over a local file: gzip detected by content, plain files memory-mapped. The reader opens the file
     * and closes it on {@code close()}.
     *
     * @param file    the LibSVM file, plain or gzip-compressed
     * @param options how to parse it
     * @return a reader positioned before the first row
     * @throws IOException if the file cannot be opened, or (with {@link IndexBase#AUTO}, which reads the whole
     *                     file once here) cannot be read
     */
    public static LibSvmReader open(Path file, LibSvmReadOptions options) throws IOException {
        IndexBase base = options.indexBase();
        if (base == IndexBase.AUTO) {
            base = resolveAuto(ByteSources.open(file, options.read().limits()), options);
        }
        return new LibSvmReader(ByteSources.open(file, options.read().limits()), options, base, true);
    }

    /**
     * A reader over a local file with {@link LibSvmReadOptions#defaults()}. The reader opens the file and closes
     * it on {@code close()}.
     *
     * @param file the LibSVM file, plain or gzip-compressed
     * @return a reader positioned before the first row
     * @throws IOException if the file cannot be opened
     */
    public static LibSvmReader open(Path file) throws IOException {
        return open(file, LibSvmReadOptions.defaults());
    }

    /**
     * A reader of the lines that start in {@code range} of {@code input} (reading past its end to finish the
     * last one); {@link ByteRange#ALL} for everything. Over ranges that tile the input, every row is read exactly
     * once. A gzip input is read whole (a partial range of it is refused). The caller owns {@code input}; the
     * reader never closes it.
     *
     * @param input   the random-access input, owned by the caller
     * @param range   byte offsets (in the whole input) of the line starts to read
     * @param options how to parse the lines
     * @return a reader positioned before the first row of the range
     * @throws IOException              if the input cannot be read (with {@link IndexBase#AUTO} the whole input is
     *                                  read once here)
     * @throws IllegalArgumentException for {@link IndexBase#AUTO} with a range that does not cover the input, or
     *                                  a partial range of a gzip input
     */
    public static LibSvmReader open(SeekableInput input, ByteRange range, LibSvmReadOptions options)
            throws IOException {
        ReadLimits limits = options.read().limits();
        IndexBase base = options.indexBase();
        if (base == IndexBase.AUTO) {
            if (!range.coversAll(input.length())) {
                throw new IllegalArgumentException("IndexBase.AUTO needs the whole input, not the range " + range
                        + ": decide the base once over the whole file, then read ranges with ZERO or ONE");
            }
            base = resolveAuto(ByteSources.range(input, range, RecordStarts.LINES, limits), options);
        }
        return new LibSvmReader(ByteSources.range(input, range, RecordStarts.LINES, limits), options, base, true);
    }

    /**
     * A reader over a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. With {@link IndexBase#AUTO} the input must have a
     * random-access {@link ByteInput#source()} (it is scanned once first). The caller owns {@code input}; the
     * reader never closes it.
     *
     * @param input   the input, read from its current position to its end; owned by the caller
     * @param options how to parse the lines
     * @return a reader positioned before the first row
     * @throws IOException              if the first pass of {@link IndexBase#AUTO} cannot read the input
     * @throws IllegalArgumentException for AUTO over a forward-only stream
     */
    public static LibSvmReader open(ByteInput input, LibSvmReadOptions options) throws IOException {
        IndexBase base = options.indexBase();
        if (base == IndexBase.AUTO) {
            ByteSource src = input.source();
            if (src == null) {
                throw new IllegalArgumentException("IndexBase.AUTO needs the whole input before the first row: "
                        + "stream a file or a random-access source, or use LibSvmLoader, or choose ZERO or ONE");
            }
            base = resolveAuto(src.input(input.position(), input.end()), options);
        }
        return new LibSvmReader(input, options, base, false);
    }

    /**
     * Decides {@link IndexBase#AUTO} for a whole input (scikit-learn's rule): ONE when the input has at least one
     * feature and its smallest index is above 0, else ZERO. Reads and closes {@code input}; bad lines are ignored
     * here (the reading pass reports them).
     */
    private static IndexBase resolveAuto(ByteInput input, LibSvmReadOptions options) throws IOException {
        LibSvmReadOptions probe = options.withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        try (LibSvmReader r = new LibSvmReader(input, probe, IndexBase.AUTO, true)) {
            while (r.next()) {
                // only the smallest index matters
            }
            return decide(r.minRawIndex());
        }
    }

    static IndexBase decide(long minRawIndex) {
        return minRawIndex != Long.MAX_VALUE && minRawIndex > 0 ? IndexBase.ONE : IndexBase.ZERO;
    }

    @Override
    public boolean next() throws IOException {
        guard.enter();
        hasRejected = false;
        while (true) {
            // Most lines parse in one pass that also finds their end; any other line is found by the scanner
            // and parsed by the general parser.
            int from = lines.peekLine();
            if (from < 0) {
                break;
            }
            if (!started) {
                started = true;
                if (lines.bomSkipped()) {
                    stats.addWarning(WARN_BOM);
                }
            }
            int newline = parser.parseCommonLine(lines.buffer(), from, lines.available(), row);
            if (newline >= 0) {
                lines.claimLine(newline);
                return accept();
            }
            if (!lines.next()) {
                break;
            }
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            errors.at(lines.lineNumber(), lines.lineOffset(), s, rows.records());
            try {
                if (!parser.parse(b, s, e, row)) {
                    continue;
                }
            } catch (FormatException ex) {
                rejectedFrom = s;
                rejectedTo = e;
                hasRejected = true;
                rows.rejected(ex);
                hasRejected = false;
                continue;
            }
            return accept();
        }
        hasCurrent = false;
        rows.finished();
        return false;
    }

    /**
     * Advances past the next row without parsing it: blank and comment lines are passed over as by
     * {@link #next()}, every other line counts as one row, good or bad (nothing of it is checked, so no error is
     * raised for a malformed line). For counting rows fast (a query that needs no column, such as Spark's
     * {@code count()}); {@link #current()} is unavailable afterwards, and {@link #stats()} counts the skipped
     * rows as records. May be mixed with {@link #next()}.
     *
     * @return false at the end of the input (or range)
     * @throws IOException if the input cannot be read, or a line exceeds {@code ReadLimits.maxLineBytes}
     * @throws IllegalStateException after {@link #close()} or from a thread other than the reader's
     */
    public boolean skip() throws IOException {
        guard.enter();
        hasCurrent = false;
        hasRejected = false;
        while (lines.next()) {
            if (!started) {
                started = true;
                if (lines.bomSkipped()) {
                    stats.addWarning(WARN_BOM);
                }
            }
            byte[] b = lines.buffer();
            int i = lines.start();
            int e = lines.end();
            while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i < e && b[i] != '#') {
                rows.accepted();
                return true;
            }
        }
        rows.finished();
        return false;
    }

    /**
     * The bytes of the line that the last {@link #next()} rejected with a {@link FormatException} under
     * {@link ErrorPolicy#FAIL_FAST} (the line without its terminator), or null when the last call did not reject
     * a line (it returned a row or the end, or failed for another reason). The reader stays usable after such a
     * rejection: the next {@code next()} continues with the following line. Allocates a copy, only for bad lines.
     *
     * @return a new array holding the rejected line, owned by the caller, or null
     */
    public byte[] rejectedLine() {
        if (!hasRejected) {
            return null;
        }
        return java.util.Arrays.copyOfRange(lines.buffer(), rejectedFrom, rejectedTo);
    }

    private boolean accept() {
        hasCurrent = true;
        if (declaredFeatures >= 0) {
            // A declared width travels with every row: SageMaker's sparse tensors need their shape.
            row.features().setDimension(declaredFeatures);
        }
        rows.accepted();
        return true;
    }

    /**
     * The current row: a view reused for every row, valid until the next {@link #next()} or {@link #close()}
     * ({@link LibSvmRow#copy()} keeps one). Its arrays belong to the reader.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public LibSvmRow current() {
        if (!hasCurrent) {
            throw guard.noCurrent("no current row: call next() first, and only while it returns true");
        }
        return row;
    }

    /**
     * The current row as a core labelled row: labels (a label list for multi-label input), weight, qid and the
     * row's own sparse features (absent entries are missing values, as XGBoost reads LibSVM). A reused view with
     * the lifetime of {@link #current()}; no allocation per row.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public LabeledRow currentRow() {
        RowMapping.describe(current(), labeled);
        labeled.setFeatures(row.features());
        return labeled;
    }

    /** Position of the current row's line (or of the end of the input after the last row). */
    @Override
    public SourcePosition position() {
        return rows.position(errors.source());
    }

    /** Counters for what has been read so far: a read-only view that follows the reader. */
    @Override
    public ReadStats stats() {
        return stats;
    }

    /**
     * The declared number of features, or the largest column + 1 seen so far (the inferred width once the input
     * is exhausted).
     *
     * @return the number of columns: declared in the options, else inferred from the rows read so far
     */
    public long numFeatures() {
        return declaredFeatures >= 0 ? declaredFeatures : parser.maxColumnPlusOne();
    }

    /**
     * Index base in effect (AUTO resolved).
     *
     * @return {@link IndexBase#ZERO} or {@link IndexBase#ONE}, never AUTO
     */
    public IndexBase indexBase() {
        return shift == 1 ? IndexBase.ONE : IndexBase.ZERO;
    }

    long minRawIndex() {
        return parser.minRawIndex();
    }

    long maxColumnPlusOne() {
        return parser.maxColumnPlusOne();
    }

    /** Lines read so far (blank and comment lines included). */
    long lineCount() {
        return lines.lineNumber();
    }

    /** Records seen so far, delivered and skipped. */
    long recordCount() {
        return rows.records();
    }

    /** Releases the input when the reader opened it (a file); a caller's input is left open. */
    @Override
    public void close() throws IOException {
        guard.close();
        hasCurrent = false;
        hasRejected = false;
        if (ownsInput) {
            lines.close();
        }
    }
}
