package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.validate.TabularValidatorOptions;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of {@code validate}: the algorithm and its hyperparameters, the problems found so far (printed file by
 * file, at most {@link #MAX_PRINTED}), and the dataset-wide checks that span files (DeepAR's). Handlers report
 * into it; the command prints the summary. Not thread-safe.
 */
public final class Validation {
    /** Problems printed at most; the rest are counted. */
    public static final int MAX_PRINTED = 100;

    /**
     * A check over every file of the channel, finished after the last file (DeepAR's category coverage).
     */
    public interface DatasetCheck {
        /**
         * Applies the dataset rules, reporting to {@code v}.
         *
         * @return records examined
         */
        long finish(Validation v) throws IOException;
    }

    private final Algorithm algorithm;
    private final ConvertOptions read;
    private final int numClasses;
    private final long featureDim;
    private final int predictionLength;
    private final String timeFreq;
    private final PrintWriter err;
    private final Map<Object, DatasetCheck> datasets = new LinkedHashMap<>();
    /** Problems of the current file, printed sorted by byte offset when the file is done. */
    private final List<Pending> pending = new ArrayList<>();
    private long errors;
    private long warnings;

    /** A problem waiting to be printed: its byte offset ({@code -1}: a file-level problem) and its text. */
    private record Pending(long offset, String text) {
        boolean fileLevel() {
            return offset == -1;
        }
    }

    /**
     * A validation printing problems to {@code err}.
     *
     * @param numClasses       labels must be integers {@code 0..n-1}; 0 for no check
     * @param featureDim       rows must have exactly this many features; 0 for no fixed number
     * @param predictionLength DeepAR {@code prediction_length}; 0 if not given
     * @param timeFreq         DeepAR {@code time_freq}, or null
     */
    public Validation(Algorithm algorithm, ConvertOptions read, int numClasses, long featureDim,
                      int predictionLength, String timeFreq, PrintWriter err) {
        this.algorithm = algorithm;
        this.read = read;
        this.numClasses = numClasses;
        this.featureDim = featureDim;
        this.predictionLength = predictionLength;
        this.timeFreq = timeFreq;
        this.err = err;
    }

    /** The algorithm checked for. */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** The reading flags. */
    public ConvertOptions read() {
        return read;
    }

    /** {@code --num-classes}, 0 if not given. */
    public int numClasses() {
        return numClasses;
    }

    /** DeepAR {@code prediction_length}, 0 if not given. */
    public int predictionLength() {
        return predictionLength;
    }

    /** DeepAR {@code time_freq}, or null. */
    public String timeFreq() {
        return timeFreq;
    }

    /** The library's options for the tabular rules. */
    public TabularValidatorOptions tabularOptions() {
        return TabularValidatorOptions.defaults().withNumClasses(numClasses).withFeatureDim(featureDim)
                .withMaxKept(MAX_PRINTED);
    }

    /** The dataset check registered under {@code key}, created by {@code create} the first time. */
    public <T extends DatasetCheck> T dataset(Object key, Supplier<T> create) {
        @SuppressWarnings("unchecked")
        T t = (T) datasets.computeIfAbsent(key, k -> create.get());
        return t;
    }

    /** Finishes every dataset check (printing its problems); returns the records they examined. */
    public long finishDatasets() throws IOException {
        long n = 0;
        for (DatasetCheck c : datasets.values()) {
            n += c.finish(this);
            flushFile();
        }
        datasets.clear();
        return n;
    }

    /** An error at {@code pos}. */
    public void problem(SourcePosition pos, String message) {
        problem(new FormatException(pos, message));
    }

    /** An error (a reader's, or one found here). */
    public void problem(FormatException e) {
        errors++;
        if (errors <= MAX_PRINTED) {
            SourcePosition pos = e.position();
            boolean fileLevel = pos.recordIndex() < 0 && pos.line() < 0;
            pending.add(new Pending(fileLevel ? -1 : pos.byteOffset(),
                    io.mlformats.cli.Main.inCliWords(e.getMessage())));
        }
    }

    /**
     * The problems of a library validator's report, printed as {@code file:line:offset: message} like reader
     * errors: errors count, warnings are printed but pass.
     *
     * @return records the report covers
     */
    public long rowReport(ValidationReport r) {
        return report(r, false);
    }

    /**
     * The problems of a library validator's report, printed with their codes ({@link ValidationProblem#toString}):
     * errors count, warnings are printed but pass.
     *
     * @return records the report covers
     */
    public long report(ValidationReport r) {
        return report(r, true);
    }

    private long report(ValidationReport r, boolean withCodes) {
        long keptErrors = 0;
        for (ValidationProblem p : r.problems()) {
            if (p.severity() == ValidationProblem.Severity.ERROR) {
                errors++;
                keptErrors++;
            } else {
                warnings++;
            }
            if ((withCodes ? errors + warnings : errors) <= MAX_PRINTED) {
                String text = withCodes ? p.toString() : new FormatException(p.position(), p.message()).getMessage();
                pending.add(new Pending(p.position().byteOffset(), text));
            }
        }
        errors += Math.max(0, r.errorCount() - keptErrors);
        return r.records();
    }

    /** The errors of the records a reader skipped. */
    public void readerErrors(ReadStats stats) {
        for (FormatException e : stats.errors()) {
            problem(e);
        }
        errors += Math.max(0, stats.skipped() - stats.errors().size());
    }

    /**
     * Prints the file's problems: record-level ones in byte-offset order (reader errors are collected apart from
     * the checks), file-level ones where they were found.
     */
    public void flushFile() {
        List<Pending> records = new ArrayList<>();
        for (Pending p : pending) {
            if (!p.fileLevel()) {
                records.add(p);
            }
        }
        records.sort(Comparator.comparingLong(Pending::offset));
        int next = 0;
        for (Pending p : pending) {
            err.println((p.fileLevel() ? p : records.get(next++)).text());
        }
        pending.clear();
    }

    /** Errors found so far. */
    public long errors() {
        return errors;
    }

    /** Warnings found so far. */
    public long warnings() {
        return warnings;
    }
}
