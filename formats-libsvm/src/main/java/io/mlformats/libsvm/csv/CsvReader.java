package io.mlformats.libsvm.csv;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordStarts;
import io.mlformats.core.SeekableInput;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.TabularReader;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.core.text.LineScanner;
import io.mlformats.core.text.NumberParser;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.libsvm.internal.RowAccounting;
import io.mlformats.libsvm.internal.RowMapping;
import io.mlformats.libsvm.internal.TextErrors;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads SageMaker CSV (the XGBoost and Linear Learner training convention): no header, the label in the first
 * column, optionally a weight in the second ({@code csv_weights=1}), then one column per feature. Rows come out
 * through the same reusable {@link LibSvmRow} view as LibSVM rows, so both formats feed the same code, and as a
 * dense core {@link LabeledRow} ({@link #currentRow()}).
 *
 * <p>A missing value (an empty field, or {@code nan} in any case) is left out of the row's sparse features, as
 * XGBoost treats it (missing, not 0); every other column is stored, zeros included, so
 * {@code features().dimension()} is the CSV width and a row read back with {@link CsvWriter} is identical.
 * Strict mode rejects infinities, numbers out of range and blanks around fields; lenient mode accepts them
 * (trimming blanks) and counts warnings. Quoted fields are not CSV that SageMaker's algorithms read: an error.
 * Every row must have the same number of columns. A first line that does not parse is reported as a probable
 * header unless {@link CsvReadOptions#skipHeader()}. Blank lines are skipped.
 *
 * <p>Not thread-safe: one reader per thread ({@link #next()} from a thread other than the first caller's, and
 * any read after {@link #close()}, throw {@link IllegalStateException}). The row views and their arrays belong to
 * the reader.
 */
public final class CsvReader implements TabularReader<LibSvmRow> {
    private final LineScanner lines;
    private final TextErrors errors;
    /** ReadLimits.maxArrayElements: most feature columns in one row. */
    private final int maxColumns;
    private final NumberParser numbers = new NumberParser();
    private final CsvReadOptions options;
    private final boolean lenient;
    private final boolean float32;
    private final LibSvmRow row;
    private final LabeledRow labeled = new LabeledRow();
    private final DenseVector dense;
    private final ReadCounter stats;
    private final int leading;
    private long width;
    private final RowAccounting rows;
    private final boolean ownsInput;
    private boolean started;
    private boolean hasCurrent;
    private final ReaderGuard guard = new ReaderGuard("CsvReader");

    private CsvReader(ByteInput input, CsvReadOptions options, boolean ownsInput) {
        this.lines = new LineScanner(input, options.read().limits());
        this.errors = new TextErrors(input.name());
        this.options = options;
        this.lenient = options.read().lenient();
        this.float32 = options.valueType() == ValueType.FLOAT32;
        this.row = new LibSvmRow(options.valueType());
        this.dense = DenseVector.of(options.valueType(), 64);
        this.stats = new ReadCounter(options.read().maxErrorsKept());
        this.rows = new RowAccounting(lines, stats, options.read().errorPolicy() == ErrorPolicy.SKIP_AND_COLLECT);
        this.leading = (options.hasLabel() ? 1 : 0) + (options.hasWeight() ? 1 : 0);
        this.width = options.numFeatures();
        this.maxColumns = options.read().limits().maxArrayElements();
        this.ownsInput = ownsInput;
    }

    /**
     * A reader over a local file: gzip detected by content, plain files memory-mapped. The reader opens the file
     * and closes it on {@code close()}.
     *
     * @param file    the CSV file, plain or gzip-compressed
     * @param options column layout and how to parse it
     * @return a reader positioned before the first row
     * @throws IOException if the file cannot be opened
     */
    public static CsvReader open(Path file, CsvReadOptions options) throws IOException {
        return new CsvReader(ByteSources.open(file, options.read().limits()), options, true);
    }

    /**
     * A reader over a local file with {@link CsvReadOptions#defaults()}. The reader opens the file and closes it
     * on {@code close()}.
     *
     * @param file the CSV file, plain or gzip-compressed
     * @return a reader positioned before the first row
     * @throws IOException if the file cannot be opened
     */
    public static CsvReader open(Path file) throws IOException {
        return open(file, CsvReadOptions.defaults());
    }

    /**
     * A reader of the lines that start in {@code range} of {@code input} (reading past its end to finish the
     * last one); {@link ByteRange#ALL} for everything. Over ranges that tile the input, every row is read exactly
     * once; with {@link CsvReadOptions#skipHeader()} only a range starting at offset 0 skips a line. A gzip
     * input is read whole (a partial range of it is refused). The caller owns {@code input}; the reader never
     * closes it.
     *
     * @param input   the random-access input, owned by the caller
     * @param range   byte offsets (in the whole input) of the line starts to read
     * @param options column layout and how to parse the lines
     * @return a reader positioned before the first row of the range
     * @throws IOException              if the input cannot be read (opening detects gzip and finds the range's
     *                                  first line start)
     * @throws IllegalArgumentException for a partial range of a gzip input
     */
    public static CsvReader open(SeekableInput input, ByteRange range, CsvReadOptions options) throws IOException {
        ByteInput in = ByteSources.range(input, range, RecordStarts.LINES, options.read().limits());
        CsvReadOptions o = options.skipHeader() && in.position() > 0 ? options.withSkipHeader(false) : options;
        return new CsvReader(in, o, true);
    }

    /**
     * A reader over a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. The caller owns {@code input}; the reader never
     * closes it.
     *
     * @param input   the input, read from its current position to its end; owned by the caller
     * @param options column layout and how to parse the lines
     * @return a reader positioned before the first row
     */
    public static CsvReader open(ByteInput input, CsvReadOptions options) {
        return new CsvReader(input, options, false);
    }

    /**
     * Reads all remaining rows into a matrix whose width is the CSV's feature column count.
     *
     * @return a new matrix owned by the caller with the remaining rows' features, labels and weights (0 columns
     *         when no row was read and no width was declared)
     * @throws FormatException as {@link #next()}
     */
    public CsrMatrix readAll() throws IOException {
        CsrMatrix.Builder b = CsrMatrix.builder(options.valueType());
        while (next()) {
            b.addRow(row.features(), row.label(), row.weight(), row.hasWeight(), 0, false);
        }
        return b.numCols(Math.max(width, 0)).build();
    }

    @Override
    public boolean next() throws IOException {
        guard.enter();
        while (lines.next()) {
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            long line = lines.lineNumber();
            if (!started) {
                started = true;
                if (lines.bomSkipped()) {
                    stats.addWarning("bom-skipped");
                }
                if (options.skipHeader()) {
                    continue;
                }
            }
            if (isBlank(b, s, e)) {
                continue;
            }
            errors.at(line, lines.lineOffset(), s, rows.records());
            try {
                parse(b, s, e, line == 1 || (line == 2 && options.skipHeader()));
            } catch (FormatException ex) {
                rows.rejected(ex);
                continue;
            }
            rows.accepted();
            hasCurrent = true;
            return true;
        }
        hasCurrent = false;
        rows.finished();
        return false;
    }

    private void parse(byte[] b, int s, int e, boolean firstLine) throws FormatException {
        try {
            parseRow(b, s, e, firstLine);
        } catch (OutOfMemoryError oom) {
            throw errors.outOfMemory(s, e, maxColumns);
        }
    }

    private void parseRow(byte[] b, int s, int e, boolean firstLine) throws FormatException {
        row.clear();
        SparseVector f = row.features();
        byte delim = options.delimiter();
        int field = 0;
        int i = s;
        while (true) {
            int fe = i;
            while (fe < e && b[fe] != delim) {
                fe++;
            }
            int from = i;
            int to = fe;
            if (lenient) {
                while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                    from++;
                }
                while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                    to--;
                }
                if (from != i || to != fe) {
                    stats.addWarning("blank-around-field");
                }
            }
            if (field - leading >= maxColumns) {
                throw errors.tooMany(i, "feature columns", maxColumns);
            }
            try {
                parseField(b, from, to, field, f);
            } catch (FormatException ex) {
                if (firstLine && rows.records() == 0 && numbers.status() == NumberParser.SYNTAX
                        && looksLikeText(b, from, to)) {
                    throw errors.error(from, "line 1 looks like a header (" + TextErrors.quote(b, s, e)
                            + "): SageMaker CSV has no header; skip it with the skip-header option (mlformats "
                            + "--skip-header, CsvReadOptions.withSkipHeader(true))");
                }
                throw ex;
            }
            field++;
            if (fe >= e) {
                break;
            }
            i = fe + 1;
        }
        long cols = field - leading;
        if (cols < 0) {
            throw errors.error(e, "expected " + leading + " leading column(s) (label" + (options.hasWeight()
                    ? ", weight" : "") + "), found " + field);
        }
        if (width < 0) {
            width = cols;
        } else if (cols != width) {
            throw errors.error(s, "expected " + width + " feature columns, found " + cols);
        }
        f.setDimension(width);
    }

    private void parseField(byte[] b, int from, int to, int field, SparseVector f) throws FormatException {
        if (field < leading) {
            String what = field == 0 && options.hasLabel() ? "label" : "weight";
            if (from == to) {
                throw errors.error(from, "missing " + what + " (column " + (field + 1) + ")");
            }
            double v = numbers.parseDouble(b, from, to - from);
            check(b, from, to, what, field);
            if (what.equals("label")) {
                row.setLabel(v);
            } else {
                row.setWeight(v);
            }
            return;
        }
        if (from == to) {
            return; // missing
        }
        long col = field - leading;
        if (col > Integer.MAX_VALUE - 1L) {
            throw errors.error(from, "more than 2^31-1 feature columns");
        }
        if (float32) {
            float v = numbers.parseFloat(b, from, to - from);
            if (numbers.status() == NumberParser.NON_FINITE && Float.isNaN(v)) {
                return; // "nan" is missing
            }
            check(b, from, to, "value", field);
            f.append((int) col, v);
        } else {
            double v = numbers.parseDouble(b, from, to - from);
            if (numbers.status() == NumberParser.NON_FINITE && Double.isNaN(v)) {
                return;
            }
            check(b, from, to, "value", field);
            f.append((int) col, v);
        }
    }

    private void check(byte[] b, int from, int to, String what, int field) throws FormatException {
        int st = numbers.status();
        if (st == NumberParser.OK) {
            return;
        }
        if (st == NumberParser.SYNTAX) {
            throw errors.error(from, "expected a number as " + what + " in column " + (field + 1) + ", found "
                    + TextErrors.quote(b, from, to));
        }
        if (!lenient) {
            throw errors.error(from, (st == NumberParser.NON_FINITE ? "non-finite " : "out-of-range ") + what
                    + " " + TextErrors.quote(b, from, to) + " in column " + (field + 1)
                    + " (accepted only in lenient mode)");
        }
        stats.addWarning(st == NumberParser.NON_FINITE ? "non-finite-number" : "out-of-range-number");
    }

    private static boolean looksLikeText(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] | 0x20;
            if (c >= 'a' && c <= 'z' || b[i] == '"' || b[i] == '_') {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * The current row: label (when the options have a label column), weight (when they have a weight column) and
     * the stored columns as sparse features of dimension the CSV width. A view reused for every row, valid until
     * the next {@link #next()} or {@link #close()} ({@link LibSvmRow#copy()} keeps one).
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
     * The current row as a core labelled row with dense features: a missing value (empty field or {@code nan})
     * is NaN, the missing-value marker of dense rows. A reused view with the lifetime of {@link #current()}; no
     * allocation per row once the dense buffer has grown to the width.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public LabeledRow currentRow() {
        RowMapping.describe(current(), labeled);
        SparseVector f = row.features();
        dense.clear();
        int col = 0;
        for (int i = 0; i < f.nnz(); i++) {
            for (int c = f.index(i); col < c; col++) {
                dense.append(Double.NaN);
            }
            if (float32) {
                dense.append(f.floatValue(i));
            } else {
                dense.append(f.value(i));
            }
            col++;
        }
        for (; col < f.dimension(); col++) {
            dense.append(Double.NaN);
        }
        labeled.setFeatures(dense);
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
     * Number of feature columns: declared, or taken from the first row (-1 before it).
     *
     * @return the number of feature columns, or -1 before the first row when none was declared
     */
    public long numFeatures() {
        return width;
    }

    /** Releases the input when the reader opened it (a file); a caller's input is left open. */
    @Override
    public void close() throws IOException {
        guard.close();
        hasCurrent = false;
        if (ownsInput) {
            lines.close();
        }
    }
}
