package io.mlformats.object2vec;

import io.mlformats.core.ByteSources;
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
 * {@code 0..num_classes-1}) and, as warnings, sequences longer than {@code encN_max_seq_len} (the algorithm's
 * handling is undocumented). Also computes what the data needs: {@link #maxTokenId(int)}. Not thread-safe.
 */
public final class Object2VecValidator {
    private final Object2VecReadOptions options;
    private final ValidationReport report;
    private final long[] maxToken = {-1, -1};

    public Object2VecValidator(Object2VecReadOptions options, int maxProblems) {
        this.options = options.withRead(options.read().withMode(ReadMode.LENIENT)
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT).withMaxErrorsKept(maxProblems));
        this.report = new ValidationReport(maxProblems);
    }

    /** Validates a channel path (file or directory). */
    public static ValidationReport validate(Path channel, Object2VecReadOptions options) throws IOException {
        Object2VecValidator v = new Object2VecValidator(options, 10_000);
        for (Path f : ChannelFiles.list(channel)) {
            v.add(f);
        }
        return v.report();
    }

    public void add(Path file) throws IOException {
        Object2VecHyperparameters hp = options.hyperparameters();
        try (Object2VecReader r = Object2VecReader.open(file, options)) {
            ValidatingReadLoop.run(r, report, Object2VecProblem.INVALID_JSON.name(), p -> {
                if (p.hasIn0()) {
                    check(p.in0Array(), p.in0Length(), 0, hp.enc0MaxSeqLen(), r);
                }
                if (p.hasIn1()) {
                    check(p.in1Array(), p.in1Length(), 1, hp.enc1MaxSeqLen(), r);
                }
            });
        }
    }

    private void check(int[] ids, int length, int enc, int maxLen, Object2VecReader r) {
        for (int i = 0; i < length; i++) {
            maxToken[enc] = Math.max(maxToken[enc], ids[i]);
        }
        if (maxLen > 0 && length > maxLen) {
            report.add(new ValidationProblem(Object2VecProblem.SEQUENCE_LONGER_THAN_MAX.name(), Severity.WARNING,
                    r.position(), "in" + enc + " has " + length + " token ids, more than enc" + enc
                    + "_max_seq_len=" + maxLen + " (undocumented whether the algorithm truncates or fails)"));
        }
    }

    /** The largest token id seen in {@code in0} (encoder 0) or {@code in1}; vocab_size must exceed it. */
    public long maxTokenId(int encoder) {
        return maxToken[encoder];
    }

    public ValidationReport report() {
        return report;
    }
}
