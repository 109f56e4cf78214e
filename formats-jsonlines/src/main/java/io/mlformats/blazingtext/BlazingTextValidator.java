package io.mlformats.blazingtext;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.validate.AlgorithmValidator;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationProblem.Severity;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.jsonlines.ChannelFiles;
import io.mlformats.jsonlines.internal.ValidatingReadLoop;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks BlazingText supervised (text classification) data: every line needs at least one label
 * ({@code MISSING_LABEL}, an error: fastText skips the example) and at least one word ({@code NO_WORDS}, an error:
 * nothing to learn from), plus the reader's record errors (invalid UTF-8 in strict mode, limits).
 *
 * <p>As an {@link AlgorithmValidator}: {@link #check} each line a {@link BlazingTextReader} yields, {@link #merge}
 * validators of parts read in parallel, then {@link #finish()}. Not thread-safe.
 */
public final class BlazingTextValidator implements AlgorithmValidator<BlazingTextLineView> {
    /** Code of a line without a label. */
    public static final String MISSING_LABEL = "MISSING_LABEL";
    /** Code of a line with labels but no words. */
    public static final String NO_WORDS = "NO_WORDS";

    private final BlazingTextReadOptions options;
    private final ValidationReport report;
    private boolean finished;

    /**
     * A validator of supervised lines read with {@code options} (errors collected, not thrown), keeping at most
     * {@code maxProblems} problems.
     *
     * @param options how lines are read (mode, limits, label prefix); the error policy is replaced by collecting
     * @param maxProblems the number of problems kept in the report; further ones are only counted
     */
    public BlazingTextValidator(BlazingTextReadOptions options, int maxProblems) {
        this.options = options.withRead(options.read().withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT)
                .withMaxErrorsKept(maxProblems));
        this.report = new ValidationReport(maxProblems);
    }

    /**
     * Validates a channel path (file or directory) of supervised lines and returns the report.
     *
     * @param channel a channel file, or a directory whose files are validated as one dataset
     * @param options how lines are read (mode, limits, label prefix)
     * @return the report of the problems found and the dataset's statistics
     * @throws IOException if the channel cannot be listed or a file cannot be read
     */
    public static ValidationReport validate(Path channel, BlazingTextReadOptions options) throws IOException {
        BlazingTextValidator v = new BlazingTextValidator(options, 10_000);
        for (Path f : ChannelFiles.list(channel)) {
            v.add(f);
        }
        return v.finish();
    }

    @Override
    public String algorithm() {
        return "blazingtext";
    }

    /**
     * Checks one line and counts it.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    @Override
    public void check(BlazingTextLineView line, SourcePosition position) {
        checkOpen();
        report.countRecord();
        line(line, position);
    }

    /**
     * Adds what {@code other} saw.
     *
     * @throws IllegalArgumentException if {@code other} is not a BlazingText validator
     * @throws IllegalStateException    if either has finished
     */
    @Override
    public void merge(AlgorithmValidator<BlazingTextLineView> other) {
        if (!(other instanceof BlazingTextValidator o)) {
            throw new IllegalArgumentException("can only merge a BlazingTextValidator");
        }
        checkOpen();
        o.checkOpen();
        report.merge(o.report);
    }

    /** The report (no dataset-level rules); again on later calls. */
    @Override
    public ValidationReport finish() {
        finished = true;
        return report;
    }

    /**
     * Reads a file and checks every line; record errors of the reader go to the report.
     *
     * @param file a fastText text file, plain or gzip-compressed
     * @throws IOException if the file cannot be opened or read; format errors become problems instead
     */
    public void add(Path file) throws IOException {
        checkOpen();
        try (BlazingTextReader r = BlazingTextReader.open(file, options)) {
            ValidatingReadLoop.run(r, report, "INVALID_LINE", l -> line(l, r.position()));
        }
    }

    private void line(BlazingTextLineView line, SourcePosition at) {
        if (line.labelCount() == 0) {
            report.add(new ValidationProblem(MISSING_LABEL, Severity.ERROR, at, "line has no "
                    + options.labelPrefix() + " token; supervised BlazingText needs one"));
        } else if (line.wordCount() == 0) {
            report.add(new ValidationProblem(NO_WORDS, Severity.ERROR, at, "line has labels but no words"));
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the validator has finished");
        }
    }
}
