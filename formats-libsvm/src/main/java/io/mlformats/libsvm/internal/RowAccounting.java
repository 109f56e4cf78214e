package io.mlformats.libsvm.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.text.LineScanner;

/**
 * The record bookkeeping the LibSVM and CSV readers share: record numbering, the position of the row last
 * delivered (or of the end of input), the byte count in {@link ReadStats}, and the fail-fast or skip-and-collect
 * decision for a bad line. One per reader; not thread-safe.
 */
public final class RowAccounting {
    private final LineScanner lines;
    private final ReadCounter stats;
    private final boolean skipErrors;
    private long records;
    private long rowLine;
    private long rowOffset;
    private long rowRecord = -1;

    /** Accounting over {@code lines}, counting into {@code stats}; {@code skipErrors} for skip-and-collect. */
    public RowAccounting(LineScanner lines, ReadCounter stats, boolean skipErrors) {
        this.lines = lines;
        this.stats = stats;
        this.skipErrors = skipErrors;
    }

    /** Records seen so far, good and bad: the index the next record gets. */
    public long records() {
        return records;
    }

    /** The current line became a row. */
    public void accepted() {
        rowLine = lines.lineNumber();
        rowOffset = lines.lineOffset();
        rowRecord = records++;
        stats.addRecord();
        stats.setBytes(lines.consumed());
    }

    /** The current line is a bad record: thrown under fail-fast, counted and kept under skip-and-collect. */
    public void rejected(FormatException error) throws FormatException {
        records++;
        stats.setBytes(lines.consumed());
        if (!skipErrors) {
            throw error;
        }
        stats.addSkipped(error);
    }

    /** The input is exhausted: the position moves past the last line. */
    public void finished() {
        stats.setBytes(lines.consumed());
        rowRecord = -1;
        rowLine = lines.lineNumber() + 1;
        rowOffset = lines.consumed();
    }

    /** Position of the row last delivered, or of the end of input after {@link #finished()}. */
    public SourcePosition position(String source) {
        return SourcePosition.ofLine(source, rowOffset, rowRecord, rowLine);
    }
}
