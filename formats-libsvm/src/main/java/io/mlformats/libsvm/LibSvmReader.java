package io.mlformats.libsvm;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.text.LineScanner;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.internal.LibSvmLineParser;
import io.mlformats.libsvm.internal.RowAccounting;
import io.mlformats.libsvm.internal.TextErrors;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the rows of a LibSVM/SVMlight text input (file, stream, gzip, bytes) through one reusable
 * {@link LibSvmRow} view: no allocation per row on the hot path, fields parsed straight from the line's bytes
 * (in place for heap inputs, from a reused window otherwise).
 *
 * <pre>{@code
 * try (LibSvmReader r = LibSvmReader.open(path, LibSvmOptions.defaults())) {
 *     while (r.next()) {
 *         LibSvmRow row = r.current();   // valid until the next call to next()
 *         use(row.label(), row.features());
 *     }
 * }
 * }</pre>
 *
 * <p>Syntax, modes and error reporting follow DECISIONS.md (see {@link LibSvmOptions}). Errors read
 * {@code file:line:offset: record N: detail}, where the offset is that of the offending byte and the record
 * index counts non-blank, non-comment lines from 0.
 *
 * <p>With {@link IndexBase#AUTO} the base is decided over the whole input before the first row is returned: a
 * first pass over the input's random-access source (or over the re-opened file for {@link #open(Path,
 * LibSvmOptions)}, gzip included) finds the smallest index. A forward-only stream cannot be read twice, so
 * {@link #open(ByteInput, LibSvmOptions)} rejects AUTO for streams; use {@link LibSvmLoader} there.
 *
 * <p>Not thread-safe. The reader owns and closes its input.
 */
public final class LibSvmReader implements RecordReader<LibSvmRow> {
    private static final String WARN_BOM = "bom-skipped";

    private final LineScanner lines;
    private final TextErrors errors;
    private final LibSvmLineParser parser;
    private final LibSvmRow row;
    private final ReadCounter stats;
    private final RowAccounting rows;
    private final long declaredFeatures;
    private final int shift;
    private boolean started;

    LibSvmReader(ByteInput input, LibSvmOptions options, IndexBase resolved) {
        boolean deferred = resolved == IndexBase.AUTO;
        this.lines = new LineScanner(input, options.read().limits());
        this.errors = new TextErrors(input.name());
        this.stats = new ReadCounter(options.read().maxErrorsKept());
        this.shift = resolved == IndexBase.ONE ? 1 : 0;
        this.parser = new LibSvmLineParser(errors, stats, options.read().lenient(), options.multiLabel(),
                options.valueType() == ValueType.FLOAT32, shift, deferred ? -1 : options.numFeatures());
        this.row = new LibSvmRow(options.valueType());
        this.rows = new RowAccounting(lines, stats, options.read().errorPolicy() == ErrorPolicy.SKIP_AND_COLLECT);
        this.declaredFeatures = options.numFeatures();
    }

    /**
     * A reader over {@code input}. With {@link IndexBase#AUTO} the input must have a random-access
     * {@link ByteInput#source()} (it is scanned once first).
     *
     * @throws IllegalArgumentException for AUTO over a forward-only stream
     */
    public static LibSvmReader open(ByteInput input, LibSvmOptions options) throws IOException {
        IndexBase base = options.indexBase();
        if (base == IndexBase.AUTO) {
            ByteSource src = input.source();
            if (src == null) {
                throw new IllegalArgumentException("IndexBase.AUTO needs the whole input before the first row: "
                        + "stream a file or a random-access source, or use LibSvmLoader, or choose ZERO or ONE");
            }
            base = resolveAuto(src.input(input.position(), input.end()), options);
        }
        return new LibSvmReader(input, options, base);
    }

    /** A reader over a file (gzip detected by content; other files are memory-mapped). */
    public static LibSvmReader open(Path file, LibSvmOptions options) throws IOException {
        IndexBase base = options.indexBase();
        if (base == IndexBase.AUTO) {
            base = resolveAuto(ByteSources.open(file, options.read().limits()), options);
        }
        return new LibSvmReader(ByteSources.open(file, options.read().limits()), options, base);
    }

    /** A reader over bytes held in memory (read in place; gzip detected by content). */
    public static LibSvmReader of(byte[] bytes, LibSvmOptions options) throws IOException {
        return open(ByteSources.input(ByteSources.of(bytes), options.read().limits()), options);
    }

    /**
     * Decides {@link IndexBase#AUTO} for a whole input (scikit-learn's rule): ONE when the input has at least one
     * feature and its smallest index is above 0, else ZERO. Reads and closes {@code input}; bad lines are ignored
     * here (the reading pass reports them).
     */
    public static IndexBase resolveAuto(ByteInput input, LibSvmOptions options) throws IOException {
        LibSvmOptions probe = options.withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        try (LibSvmReader r = new LibSvmReader(input, probe, IndexBase.AUTO)) {
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
                rows.rejected(ex);
                continue;
            }
            return accept();
        }
        rows.finished();
        return false;
    }

    private boolean accept() {
        if (declaredFeatures >= 0) {
            // A declared width travels with every row: SageMaker's sparse tensors need their shape.
            row.features().setDimension(declaredFeatures);
        }
        rows.accepted();
        return true;
    }

    @Override
    public LibSvmRow current() {
        return row;
    }

    /** Position of the current row's line (or of the end of the input after the last row). */
    @Override
    public SourcePosition position() {
        return rows.position(errors.source());
    }

    @Override
    public ReadStats stats() {
        return stats;
    }

    /**
     * The declared number of features, or the largest column + 1 seen so far (the inferred width once the input
     * is exhausted).
     */
    public long numFeatures() {
        return declaredFeatures >= 0 ? declaredFeatures : parser.maxColumnPlusOne();
    }

    /** Index base in effect (AUTO resolved). */
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

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
