package io.mlformats.object2vec;

import io.mlformats.core.SourcePosition;
import io.mlformats.core.validate.AlgorithmValidator;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.jsonlines.ChannelFiles;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationProblem.Severity;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.jsonlines.internal.ValidatingReadLoop;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks Object2Vec training (or inference) files against the hyperparameters and reports every problem with
 * file, line, byte offset and record index: the record errors of {@link Object2VecProblem} (token ids not
 * integers, negative or {@code >= encN_vocab_size}, empty lists, labels missing, not numbers or outside
 * {@code 0..num_classes-1}; found by {@link Object2VecReader}) and, as warnings, sequences longer than
 * {@code encN_max_seq_len} (the algorithm's handling is undocumented). Also computes what the data needs:
 * {@link #maxTokenId(int)}.
 *
 * <p>As an {@link AlgorithmValidator}: {@link #check} each pair a reader yields, {@link #merge} validators of parts
 * read in parallel, then {@link #finish()}. Not thread-safe.
 */
public final class Object2VecValidator implements AlgorithmValidator<Object2VecPairView> {
    private final Object2VecReadOptions options;
    private final ValidationReport report;
    private final long[] maxToken = {-1, -1};
    private boolean finished;

    /**
     * A validator for data read with {@code options} (read leniently, collecting errors), keeping at most
     * {@code maxProblems} problems.
     *
     * @param options the required fields and hyperparameters to check against; mode and error policy are replaced
     * @param maxProblems the number of problems kept in the report; further ones are only counted
     */
    public Object2VecValidator(Object2VecReadOptions options, int maxProblems) {
        this.options = options.withRead(options.read().withMode(ReadMode.LENIENT)
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT).withMaxErrorsKept(maxProblems));
        this.report = new ValidationReport(maxProblems);
    }

    /**
     * Validates a channel path (file or directory).
     *
     * @param channel a channel file, or a directory whose files are validated as one dataset
     * @param options the required fields and hyperparameters to check against
     * @return the report of the problems found and the dataset's statistics
     * @throws IOException if the channel cannot be listed or a file cannot be read
     */
    public static ValidationReport validate(Path channel, Object2VecReadOptions options) throws IOException {
        Object2VecValidator v = new Object2VecValidator(options, 10_000);
        for (Path f : ChannelFiles.list(channel)) {
            v.add(f);
        }
        return v.finish();
    }

    @Override
    public String algorithm() {
        return "object2vec";
    }

    /**
     * Checks one valid pair (sequence lengths; token ids for {@link #maxTokenId}) and counts it.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    @Override
    public void check(Object2VecPairView p, SourcePosition position) {
        checkOpen();
        report.countRecord();
        pair(p, position);
    }

    /**
     * Adds what {@code other} saw: its report and largest token ids.
     *
     * @throws IllegalArgumentException if {@code other} is not an Object2Vec validator with the same hyperparameters
     * @throws IllegalStateException    if either has finished
     */
    @Override
    public void merge(AlgorithmValidator<Object2VecPairView> other) {
        if (!(other instanceof Object2VecValidator o)
                || !o.options.hyperparameters().equals(options.hyperparameters())) {
            throw new IllegalArgumentException("can only merge an Object2VecValidator with the same hyperparameters");
        }
        checkOpen();
        o.checkOpen();
        maxToken[0] = Math.max(maxToken[0], o.maxToken[0]);
        maxToken[1] = Math.max(maxToken[1], o.maxToken[1]);
        report.merge(o.report);
    }

    /** The report (no dataset-level rules beyond the per-record ones); again on later calls. */
    @Override
    public ValidationReport finish() {
        finished = true;
        return report;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the validator has finished");
        }
    }

    /**
     * Reads a file and checks every pair; record errors of the reader go to the report.
     *
     * @param file an Object2Vec JSON Lines file, plain or gzip-compressed
     * @throws IOException if the file cannot be opened or read; format errors become problems instead
     */
    public void add(Path file) throws IOException {
        checkOpen();
        try (Object2VecReader r = Object2VecReader.open(file, options)) {
            ValidatingReadLoop.run(r, report, Object2VecProblem.INVALID_JSON.name(), p -> pair(p, r.position()));
        }
    }

    private void pair(Object2VecPairView p, SourcePosition at) {
        Object2VecHyperparameters hp = options.hyperparameters();
        if (p.hasIn0()) {
            check(p.in0Array(), p.in0Length(), 0, hp.enc0MaxSeqLen(), at);
        }
        if (p.hasIn1()) {
            check(p.in1Array(), p.in1Length(), 1, hp.enc1MaxSeqLen(), at);
        }
    }

    private void check(int[] ids, int length, int enc, int maxLen, SourcePosition at) {
        for (int i = 0; i < length; i++) {
            maxToken[enc] = Math.max(maxToken[enc], ids[i]);
        }
        if (maxLen > 0 && length > maxLen) {
            report.add(new ValidationProblem(Object2VecProblem.SEQUENCE_LONGER_THAN_MAX.name(), Severity.WARNING,
                    at, "in" + enc + " has " + length + " token ids, more than enc" + enc
                    + "_max_seq_len=" + maxLen + " (undocumented whether the algorithm truncates or fails)"));
        }
    }

    /**
     * The largest token id seen in {@code in0} (encoder 0) or {@code in1}; vocab_size must exceed it.
     *
     * @param encoder 0 for {@code in0}, 1 for {@code in1}
     * @return the largest token id seen so far in that input over all data added, or -1 if none
     */
    public long maxTokenId(int encoder) {
        return maxToken[encoder];
    }

    /**
     * The report so far.
     *
     * @return the validator's live report; later {@code add} calls keep adding to it
     */
    public ValidationReport report() {
        return report;
    }
}
