package io.mlformats.libsvm.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.text.NumberParser;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.libsvm.LibSvmRow;

/**
 * Parses one LibSVM line from its bytes into a {@link LibSvmRow}, following DECISIONS.md: separators are runs of
 * spaces and tabs, {@code #} starts a comment anywhere, {@code label[:weight]} or a comma-separated label list,
 * an optional {@code qid:<int64>} right after the label, then {@code index:value} pairs.
 *
 * <p>Strict mode rejects non-finite and out-of-range numbers and unsorted indices; lenient mode accepts them (and
 * sorts the row), counting a warning. Duplicate indices, {@code 1:}, {@code 1 : 2}, hex, commas and underscores
 * are errors in both modes. Not thread-safe; one per reader.
 */
public final class LibSvmLineParser {
    /** Warning kinds counted in {@link ReadStats}. */
    public static final String WARN_NON_FINITE = "non-finite-number";
    /** Warning kind: a number out of the value type's range, accepted in lenient mode. */
    public static final String WARN_OUT_OF_RANGE = "out-of-range-number";
    /** Warning kind: indices out of order, sorted in lenient mode. */
    public static final String WARN_UNSORTED = "unsorted-indices";

    private final NumberParser numbers = new NumberParser();
    private final TextErrors errors;
    private final ReadCounter stats;
    private final boolean lenient;
    private final boolean multiLabel;
    private final boolean float32;
    private final int shift;
    private final long numFeatures;
    /** ReadLimits.maxArrayElements: most features in one row. */
    private final int maxFeatures;

    /** Columns must be below this: numFeatures when declared, and 2^31 - 1 at most. */
    private final long columnLimit;

    private long maxColumnPlusOne;
    private long minRawIndex = Long.MAX_VALUE;

    /**
     * @param shift       1 for one-based input (index 0 is an error), 0 otherwise
     * @param numFeatures width to check indices against, or -1 for none
     * @param maxFeatures most features accepted in one row ({@code ReadLimits.maxArrayElements})
     */
    public LibSvmLineParser(TextErrors errors, ReadCounter stats, boolean lenient, boolean multiLabel,
            boolean float32, int shift, long numFeatures, int maxFeatures) {
        this.maxFeatures = maxFeatures;
        this.errors = errors;
        this.stats = stats;
        this.lenient = lenient;
        this.multiLabel = multiLabel;
        this.float32 = float32;
        this.shift = shift;
        this.numFeatures = numFeatures;
        this.columnLimit = numFeatures >= 0 ? Math.min(numFeatures, (long) Integer.MAX_VALUE + 1)
                : (long) Integer.MAX_VALUE + 1;
    }

    /** Largest column + 1 over the rows parsed successfully so far. */
    public long maxColumnPlusOne() {
        return maxColumnPlusOne;
    }

    /** Smallest index as written (before the base shift) over the rows parsed so far; MAX_VALUE if none. */
    public long minRawIndex() {
        return minRawIndex;
    }

    /**
     * Parses {@code b[start, end)} (one line without its terminator) into {@code row}.
     *
     * @return false if the line is blank or a comment (no row)
     */
    public boolean parse(byte[] b, int start, int end, LibSvmRow row) throws FormatException {
        try {
            return parseLine(b, start, end, row);
        } catch (OutOfMemoryError e) {
            throw errors.outOfMemory(start, end, maxFeatures);
        }
    }

    private boolean parseLine(byte[] b, int start, int end, LibSvmRow row) throws FormatException {
        int i = skipBlanks(b, start, end);
        if (i >= end || b[i] == '#') {
            return false;
        }
        if (b[i] == (byte) 0xEF && i + 2 < end && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
            throw bomError(i);
        }
        row.clear();
        int tokenEnd = tokenEnd(b, i, end);
        if (multiLabel) {
            row.setMultiLabel();
            if (indexOf(b, i, tokenEnd, (byte) ':') < 0) {
                parseLabelList(b, i, tokenEnd, row);
                i = tokenEnd;
            }
        } else {
            int colon = indexOf(b, i, tokenEnd, (byte) ':');
            int labelEnd = colon < 0 ? tokenEnd : colon;
            row.setLabel(parseLabelNumber(b, i, labelEnd, "label"));
            if (colon >= 0) {
                if (colon + 1 == tokenEnd) {
                    throw errors.error(colon + 1, "expected a weight after 'label:', found "
                            + TextErrors.describe(b, colon + 1, end));
                }
                row.setWeight(parseLabelNumber(b, colon + 1, tokenEnd, "weight"));
            }
            i = tokenEnd;
        }
        parseFeatures(b, i, end, row);
        return true;
    }

    /**
     * Parses a line of the shape nearly every line of a machine-written file has, without being told where it
     * ends: a plain label, then {@code index:value} pairs in ascending order each after one space, then
     * {@code \n} or {@code \r\n}. The caller has not searched for the terminator; this parse reads every byte
     * of the line anyway and finds it on the way. Returns the index of the {@code '\n'}, or -1 for a line of any
     * other shape (blank, comment, weight, qid, tabs, a label list, a number out of range, any error, or a line
     * that runs past {@code limit}): the caller then finds the line's end and calls {@link #parse}, which
     * accepts or words everything, so the two paths give the same rows and errors. {@code row} may be changed
     * either way.
     */
    public int parseCommonLine(byte[] b, int start, int limit, LibSvmRow row) {
        try {
            return parseCommon(b, start, limit, row);
        } catch (OutOfMemoryError e) {
            return -1; // the general parser, which the caller runs next on this line, reports it at the line
        }
    }

    private int parseCommon(byte[] b, int start, int limit, LibSvmRow row) {
        if (multiLabel) {
            return -1;
        }
        row.clear();
        double label = numbers.parseDoublePrefix(b, start, limit);
        int i = numbers.parsedEnd();
        if (numbers.status() != NumberParser.OK || i >= limit) {
            return -1;
        }
        row.setLabel(label);
        SparseVector f = row.features();
        long prev = -1;
        while (b[i] == ' ') {
            int s = i + 1;
            long raw = numbers.parseDigitsPrefix(b, s, limit);
            int c = numbers.parsedEnd();
            long col = raw - shift;
            int vs = c + 1;
            if (!plainIndex(b, s, c, limit, col, prev) || f.nnz() >= maxFeatures) {
                return -1; // the full parser words the error
            }
            if (float32) {
                float v = numbers.parseFloatPrefix(b, vs, limit);
                if (numbers.status() != NumberParser.OK) {
                    return -1;
                }
                f.append((int) col, v);
            } else {
                double v = numbers.parseDoublePrefix(b, vs, limit);
                if (numbers.status() != NumberParser.OK) {
                    return -1;
                }
                f.append((int) col, v);
            }
            i = numbers.parsedEnd();
            if (i >= limit) {
                return -1;
            }
            prev = col;
        }
        int newline = b[i] == '\r' && i + 1 < limit ? i + 1 : i;
        if (b[newline] != '\n') {
            return -1;
        }
        rowParsed(f);
        return newline;
    }

    /** The error for a byte-order mark that is not at the very start of the input. */
    public FormatException bomError(int index) {
        return errors.error(index, "unexpected byte-order mark (EF BB BF): allowed only at the start of the input");
    }

    private void parseFeatures(byte[] b, int i, int end, LibSvmRow row) throws FormatException {
        SparseVector f = row.features();
        boolean first = true;
        boolean unsorted = false;
        long prev = -1;
        while (true) {
            i = skipBlanks(b, i, end);
            if (i >= end || b[i] == '#') {
                break;
            }
            int s = i;
            int digitsFrom = b[s] == '+' ? s + 1 : s;
            // More than 18 digits wrap; their count alone words the error.
            long raw = numbers.parseDigitsPrefix(b, digitsFrom, end);
            int c = numbers.parsedEnd();
            long col = raw - shift;
            int vs = c + 1;
            // The common pair passes this one test; anything else goes through every check in order, which words
            // the error (or accepts an out-of-order index in lenient mode).
            if (!plainIndex(b, digitsFrom, c, end, col, prev) || isDelimiter(b[vs])) {
                if (c == digitsFrom && first && !row.hasQid() && isQid(b, s, end)) {
                    i = parseQid(b, s, end, row);
                    first = false;
                    continue;
                }
                unsorted |= checkIndex(b, s, digitsFrom, c, end, raw, prev, row);
            }
            prev = col;
            if (f.nnz() >= maxFeatures) {
                throw errors.tooMany(s, "features", maxFeatures);
            }
            // The value is parsed where it stands and its end found by the parser (no separate token scan);
            // anything but a delimiter after the number makes the whole token a syntax error.
            int ve;
            if (float32) {
                float v = numbers.parseFloatPrefix(b, vs, end);
                ve = valueEnd(b, vs, end);
                f.append((int) col, v);
            } else {
                double v = numbers.parseDoublePrefix(b, vs, end);
                ve = valueEnd(b, vs, end);
                f.append((int) col, v);
            }
            first = false;
            i = ve;
        }
        if (unsorted) {
            stats.addWarning(WARN_UNSORTED);
            f.sortByIndex();
            for (int k = 1; k < f.nnz(); k++) {
                if (f.index(k) == f.index(k - 1)) {
                    throw errors.error(i, "duplicate feature index " + (f.index(k) + shift));
                }
            }
        }
        rowParsed(f);
    }

    /** Widens the inferred width and the smallest index seen to a row just parsed (its indices ascending). */
    private void rowParsed(SparseVector f) {
        int n = f.nnz();
        if (n > 0) {
            long top = (long) f.index(n - 1) + 1;
            if (top > maxColumnPlusOne) {
                maxColumnPlusOne = top;
            }
            long lowest = f.index(0) + (long) shift;
            if (lowest < minRawIndex) {
                minRawIndex = lowest;
            }
        }
    }

    /**
     * The test the common pair passes: 1..18 digits from {@code s} to {@code c}, then ':' and at least one more
     * byte before {@code end}, and a column above the previous one and below the limit.
     */
    private boolean plainIndex(byte[] b, int s, int c, int end, long col, long prev) {
        return c != s && c - s <= 18 && c + 1 < end && b[c] == ':' && col > prev && col < columnLimit;
    }

    /**
     * The checks of one {@code index:} in the order their errors take precedence; returns true for an index below
     * the previous one in lenient mode (the row is sorted at its end).
     */
    private boolean checkIndex(byte[] b, int s, int digitsFrom, int c, int end, long raw, long prev, LibSvmRow row)
            throws FormatException {
        if (c == digitsFrom) {
            throw notAnIndex(b, s, end, row);
        }
        if (c >= end || b[c] != ':') {
            throw errors.error(c, "expected ':' after feature index " + TextErrors.ascii(b, s, c) + ", found "
                    + TextErrors.describe(b, c, end));
        }
        if (c - digitsFrom > 18 || raw > (long) Integer.MAX_VALUE + shift) {
            throw errors.error(s, "feature index " + TextErrors.quote(b, s, c) + " is too large (the largest "
                    + "column is 2^31-1)");
        }
        int vs = c + 1;
        if (vs >= end || isDelimiter(b[vs])) {
            throw errors.error(vs, "expected a value after '" + TextErrors.ascii(b, s, vs) + "', found "
                    + TextErrors.describe(b, vs, end));
        }
        long col = raw - shift;
        if (col < 0) {
            throw errors.error(s, "feature index 0 in one-based input (indices start at 1)");
        }
        if (numFeatures >= 0 && col >= numFeatures) {
            throw errors.error(s, "feature index " + raw + " is not below numFeatures " + numFeatures
                    + (shift == 1 ? " (one-based: column " + col + ")" : ""));
        }
        if (col <= prev) {
            if (col == prev) {
                throw errors.error(s, "duplicate feature index " + raw);
            }
            if (!lenient) {
                throw errors.error(s, "feature indices must be ascending: " + raw + " after " + (prev + shift)
                        + " (lenient mode sorts rows)");
            }
            return true;
        }
        return false;
    }

    private FormatException notAnIndex(byte[] b, int s, int end, LibSvmRow row) {
        if (b[s] == '-') {
            return errors.error(s, "negative feature index in " + TextErrors.quote(b, s, tokenEnd(b, s, end)));
        }
        if (isQid(b, s, end)) {
            return errors.error(s, "qid must directly follow the label");
        }
        if (b[s] == ':') {
            return errors.error(s, "expected a feature index before ':'");
        }
        return errors.error(s, "expected a feature index (digits), found " + TextErrors.describe(b, s, end)
                + " in " + TextErrors.quote(b, s, tokenEnd(b, s, end)));
    }

    private static boolean isQid(byte[] b, int s, int end) {
        return s + 4 <= end && b[s] == 'q' && b[s + 1] == 'i' && b[s + 2] == 'd' && b[s + 3] == ':';
    }

    private int parseQid(byte[] b, int s, int end, LibSvmRow row) throws FormatException {
        int from = s + 4;
        int to = tokenEnd(b, from, end);
        long q = numbers.parseLong(b, from, to - from);
        int st = numbers.status();
        if (st != NumberParser.OK) {
            throw errors.error(from, (st == NumberParser.OUT_OF_RANGE ? "qid out of the int64 range: "
                    : "expected an integer qid, found ") + TextErrors.quote(b, from, to));
        }
        row.setQid(q);
        return to;
    }

    private void parseLabelList(byte[] b, int from, int to, LibSvmRow row) throws FormatException {
        int s = from;
        while (true) {
            int comma = indexOf(b, s, to, (byte) ',');
            int e = comma < 0 ? to : comma;
            if (e == s) {
                throw errors.error(s, "expected a label in the label list, found " + TextErrors.describe(b, s, to));
            }
            row.addLabel(parseLabelNumber(b, s, e, "label"));
            if (comma < 0) {
                return;
            }
            s = comma + 1;
        }
    }

    private double parseLabelNumber(byte[] b, int from, int to, String what) throws FormatException {
        double v = numbers.parseDouble(b, from, to - from);
        checkNumber(b, from, to, what);
        return v;
    }

    private void checkNumber(byte[] b, int from, int to, String what) throws FormatException {
        int st = numbers.status();
        if (st == NumberParser.OK) {
            return;
        }
        if (st == NumberParser.SYNTAX) {
            String hint = !multiLabel && what.equals("label") && indexOf(b, from, to, (byte) ',') >= 0
                    ? " (label lists need LibSvmReadOptions.multiLabel)" : "";
            throw errors.error(from, "expected a number as " + what + ", found " + TextErrors.quote(b, from, to)
                    + hint);
        }
        if (!lenient) {
            throw errors.error(from, (st == NumberParser.NON_FINITE ? "non-finite " : "out-of-range ") + what + " "
                    + TextErrors.quote(b, from, to) + (st == NumberParser.OUT_OF_RANGE && float32 && what.equals(
                    "value") ? " for float32" : "") + " (accepted only in lenient mode)");
        }
        stats.addWarning(st == NumberParser.NON_FINITE ? WARN_NON_FINITE : WARN_OUT_OF_RANGE);
    }

    /** Checks the number just parsed at {@code vs} and returns where its token ends. */
    private int valueEnd(byte[] b, int vs, int end) throws FormatException {
        int ve = numbers.parsedEnd();
        if (numbers.status() == NumberParser.OK && (ve >= end || b[ve] == ' ')) {
            return ve;
        }
        if (numbers.status() == NumberParser.SYNTAX || (ve < end && !isDelimiter(b[ve]))) {
            int te = tokenEnd(b, vs, end);
            throw errors.error(vs, "expected a number as value, found " + TextErrors.quote(b, vs, te));
        }
        checkNumber(b, vs, ve, "value");
        return ve;
    }

    private static boolean isDelimiter(byte c) {
        return c == ' ' || c == '\t' || c == '#';
    }

    private static int skipBlanks(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** End of the token starting at {@code i}: the first space, tab or '#', or {@code end}. */
    private static int tokenEnd(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            if (c == ' ' || c == '\t' || c == '#') {
                return i;
            }
            i++;
        }
        return end;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
