package io.mlformats.deepar;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.SourcePosition;
import io.mlformats.jsonlines.ChannelFiles;
import io.mlformats.core.validate.AlgorithmValidator;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationProblem.Severity;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.jsonlines.internal.ValidatingReadLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a DeepAR dataset (one or more files of a channel) against every rule SageMaker documents, and reports
 * each problem with file, line, byte offset and series index instead of stopping at the first:
 *
 * <ul>
 *   <li>record rules (as {@link DeepArReader} checks them): codes of {@link DeepArProblem} up to
 *       {@code DYNAMIC_FEAT_MISSING_VALUE}, all errors;</li>
 *   <li>{@code CAT_COUNT_MISMATCH}, {@code DYNAMIC_FEAT_COUNT_MISMATCH}, {@code DYNAMIC_FEAT_PRESENCE_MISMATCH}:
 *       every series must have as many cat features and dynamic_feat rows as the first valid series;</li>
 *   <li>{@code CAT_DOMAIN_INCOMPLETE}: every value 0..cardinality-1 of each cat feature must occur (cardinality
 *       inferred as max+1 unless given), the check behind DeepAR's "did not contain examples for all categories";
 *       {@code CAT_OUT_OF_CARDINALITY} for values at or above a given cardinality;</li>
 *   <li>{@code TOO_FEW_OBSERVATIONS}: fewer target values than required (300 for training);</li>
 *   <li>{@code ALL_ZERO_TARGET}: an error when every series is all zeros ("training time series consist of only
 *       zeros"), a warning per all-zero series otherwise;</li>
 *   <li>{@code SERIES_SHORTER_THAN_PREDICTION_LENGTH} (warning, training data): DeepAR ignores such series;</li>
 *   <li>{@code INVALID_FREQUENCY}: {@code time_freq} must be an optional positive integer followed by {@code M},
 *       {@code W}, {@code D}, {@code H} or {@code min}; {@code START_NOT_ALIGNED_TO_FREQ} (warning) when a start
 *       is not on a boundary of the frequency's base unit (GluonTS silently snaps it).</li>
 * </ul>
 * Dynamic_feat row lengths are checked per record with the rule of the options (training: len(target);
 * inference: len(target) + prediction_length).
 *
 * <p>As an {@link AlgorithmValidator}: {@link #check} each series a {@link DeepArReader} yields (record rules are
 * the reader's; read it with {@link io.mlformats.core.ErrorPolicy#SKIP_AND_COLLECT} and add its errors to the
 * report, as {@link #add(ByteInput)} does), {@link #merge} validators of parts read in parallel, then
 * {@link #finish()}. After a merge, a part whose first series differs in shape from the dataset's first is
 * reported once, at that series; its other series were compared with its own first. Not thread-safe.
 */
public final class DeepArValidator implements AlgorithmValidator<DeepArRecord> {
    private static final Pattern FREQ = Pattern.compile("([1-9][0-9]*)?(M|W|D|H|min)");

    private final DeepArValidatorOptions options;
    private final ValidationReport report;
    private SourcePosition reference;
    private int refCats = -1;
    private int refRows = -1;
    private boolean refHasDynamic;
    private final List<BitSet> catSeen = new ArrayList<>();
    private final List<SourcePosition> catMaxAt = new ArrayList<>();
    private final List<Integer> catMax = new ArrayList<>();
    private long observations;
    private long validSeries;
    private long zeroSeries;
    private SourcePosition end;
    private String freqUnit;
    private boolean finished;

    /**
     * A validator with {@code options}; problems beyond {@code options.maxProblems()} are counted, not kept.
     *
     * @param options the hyperparameters and limits to validate against
     */
    public DeepArValidator(DeepArValidatorOptions options) {
        this.options = options;
        this.report = new ValidationReport(options.maxProblems());
        if (options.timeFreq() != null) {
            Matcher m = FREQ.matcher(options.timeFreq());
            if (m.matches()) {
                freqUnit = m.group(2);
            } else {
                report.add(new ValidationProblem(DeepArProblem.INVALID_FREQUENCY.name(), Severity.ERROR,
                        SourcePosition.ofLine("time_freq", 0, -1, -1), "time_freq \"" + options.timeFreq()
                                + "\" is not an optional positive integer followed by M, W, D, H or min"
                                + " (e.g. \"5min\", \"2H\", \"D\")"));
            }
        }
    }

    /**
     * Validates a channel path (a file, or a directory as SageMaker lists it) and returns the report.
     *
     * @param channel a channel file, or a directory whose files are validated as one dataset
     * @param options the hyperparameters and limits to validate against
     * @return the report of the problems found and the dataset's statistics
     * @throws IOException if the channel cannot be listed or a file cannot be read
     */
    public static ValidationReport validate(Path channel, DeepArValidatorOptions options) throws IOException {
        DeepArValidator v = new DeepArValidator(options);
        for (Path file : ChannelFiles.list(channel)) {
            v.add(file);
        }
        return v.finish();
    }

    @Override
    public String algorithm() {
        return "deepar";
    }

    /**
     * Checks one series from any source and counts it: the per-series rules (start, target, cat, dynamic_feat
     * values and row lengths by the options' rule; the rules {@link DeepArWriter} enforces), then, for a series
     * that passes them, the dataset rules (cat and dynamic_feat shapes, category coverage, zeros, length, start
     * alignment). A reader's {@link DeepArSeriesView} passes the per-series rules already.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    @Override
    public void check(DeepArRecord series, SourcePosition position) {
        checkOpen();
        report.countRecord();
        end = position;
        int n = series.targetLength();
        int rowLength = switch (options.dynamicFeatLength()) {
            case TARGET -> n;
            case TARGET_PLUS_PREDICTION -> n + options.predictionLength();
            case UNCHECKED -> -1;
        };
        String problem = DeepArRules.problem(series, rowLength);
        if (problem != null) {
            int colon = problem.indexOf(':');
            report.add(new ValidationProblem(problem.substring(0, colon), Severity.ERROR, position,
                    problem.substring(colon + 1).trim()));
            return;
        }
        series(series, position);
    }

    /**
     * Adds what {@code other} saw: its report, counts, category sets and shape reference.
     *
     * @throws IllegalArgumentException if {@code other} is not a DeepAR validator with equal options
     * @throws IllegalStateException    if either has finished
     */
    @Override
    public void merge(AlgorithmValidator<DeepArRecord> other) {
        if (!(other instanceof DeepArValidator o) || !sameOptions(o.options)) {
            throw new IllegalArgumentException("can only merge a DeepArValidator with the same options");
        }
        checkOpen();
        o.checkOpen();
        if (o.reference != null) {
            if (reference == null) {
                reference = o.reference;
                refCats = o.refCats;
                refRows = o.refRows;
                refHasDynamic = o.refHasDynamic;
            } else if (o.refCats != refCats) {
                error(DeepArProblem.CAT_COUNT_MISMATCH, o.reference, "the series has " + o.refCats
                        + " cat features, expected " + refCats + " like " + ref()
                        + "; all series must have the same number of categorical features");
            } else if (o.refHasDynamic != refHasDynamic) {
                error(DeepArProblem.DYNAMIC_FEAT_PRESENCE_MISMATCH, o.reference, "the series "
                        + (o.refHasDynamic ? "has dynamic_feat but " + ref() + " has none"
                        : "has no dynamic_feat but " + ref() + " has") + "; all series must have the same dynamic"
                        + " features");
            } else if (o.refRows != refRows) {
                error(DeepArProblem.DYNAMIC_FEAT_COUNT_MISMATCH, o.reference, "the series has " + o.refRows
                        + " dynamic_feat rows, expected " + refRows + " like " + ref());
            }
        }
        for (int f = 0; f < o.catSeen.size(); f++) {
            while (catSeen.size() <= f) {
                catSeen.add(new BitSet());
                catMax.add(-1);
                catMaxAt.add(null);
            }
            catSeen.get(f).or(o.catSeen.get(f));
            if (o.catMax.get(f) > catMax.get(f)) {
                catMax.set(f, o.catMax.get(f));
                catMaxAt.set(f, o.catMaxAt.get(f));
            }
        }
        observations += o.observations;
        validSeries += o.validSeries;
        zeroSeries += o.zeroSeries;
        if (o.end != null) {
            end = o.end;
        }
        report.merge(o.report);
    }

    private boolean sameOptions(DeepArValidatorOptions o) {
        return o.dynamicFeatLength() == options.dynamicFeatLength() && o.predictionLength() == options.predictionLength()
                && java.util.Objects.equals(o.timeFreq(), options.timeFreq())
                && java.util.Arrays.equals(o.cardinality(), options.cardinality())
                && o.minObservations() == options.minObservations() && o.mode() == options.mode()
                && o.maxProblems() == options.maxProblems();
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the validator has finished");
        }
    }

    /**
     * Adds a file to the dataset.
     *
     * @param file a DeepAR JSON Lines file, plain or gzip-compressed
     * @throws IOException if the file cannot be opened or read; format errors become problems instead
     */
    public void add(Path file) throws IOException {
        add(ByteSources.open(file, ReadOptions.defaults().limits()));
    }

    /**
     * Adds an input to the dataset (closed when done).
     *
     * @param input the input to read; the validator takes ownership and closes it
     * @throws IOException if reading {@code input} fails; format errors become problems instead
     */
    public void add(ByteInput input) throws IOException {
        ReadOptions read = ReadOptions.defaults().withMode(options.mode())
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT).withMaxErrorsKept(options.maxProblems());
        DeepArReadOptions ro = new DeepArReadOptions(read, options.dynamicFeatLength(),
                options.dynamicFeatLength() == DynamicFeatLength.TARGET_PLUS_PREDICTION
                        ? options.predictionLength() : 0, false);
        try (ByteInput in = input; DeepArReader r = DeepArReader.open(in, ro)) {
            ValidatingReadLoop.run(r, report, DeepArProblem.INVALID_JSON.name(), s -> series(s, r.position()));
            end = r.position();
        }
    }

    private void series(DeepArRecord s, SourcePosition at) {
        validSeries++;
        int n = s.targetLength();
        observations += n;
        int cats = s.hasCat() ? s.catLength() : 0;
        if (reference == null) {
            reference = at;
            refCats = cats;
            refRows = s.dynamicFeatCount();
            refHasDynamic = s.hasDynamicFeat();
            int[] card = options.cardinality();
            if (card != null && card.length != cats) {
                error(DeepArProblem.CAT_COUNT_MISMATCH, at, "the series has " + cats
                        + " cat features but cardinality lists " + card.length);
            }
        } else {
            if (cats != refCats) {
                error(DeepArProblem.CAT_COUNT_MISMATCH, at, (s.hasCat() ? "the series has " + cats
                        : "the series has no") + " cat features, expected " + refCats + " like " + ref()
                        + "; all series must have the same number of categorical features");
            }
            if (s.hasDynamicFeat() != refHasDynamic) {
                error(DeepArProblem.DYNAMIC_FEAT_PRESENCE_MISMATCH, at, (s.hasDynamicFeat()
                        ? "the series has dynamic_feat but " + ref() + " has none"
                        : "the series has no dynamic_feat but " + ref() + " has")
                        + "; all series must have the same dynamic features");
            } else if (s.dynamicFeatCount() != refRows) {
                error(DeepArProblem.DYNAMIC_FEAT_COUNT_MISMATCH, at, "the series has " + s.dynamicFeatCount()
                        + " dynamic_feat rows, expected " + refRows + " like " + ref());
            }
        }
        int[] card = options.cardinality();
        for (int f = 0; f < cats; f++) {
            int c = s.catArray()[f];
            while (catSeen.size() <= f) {
                catSeen.add(new BitSet());
                catMax.add(-1);
                catMaxAt.add(null);
            }
            if (card != null && f < card.length && c >= card[f]) {
                error(DeepArProblem.CAT_OUT_OF_CARDINALITY, at, "cat feature " + f + " has value " + c
                        + ", outside 0 <= cat < (cardinality = " + card[f] + ")");
                continue;
            }
            catSeen.get(f).set(c);
            if (c > catMax.get(f)) {
                catMax.set(f, c);
                catMaxAt.set(f, at);
            }
        }
        boolean allZero = true;
        float[] t = s.targetArray();
        for (int i = 0; i < n && allZero; i++) {
            allZero = t[i] == 0 || t[i] != t[i];
        }
        if (allZero) {
            zeroSeries++;
            warning(DeepArProblem.ALL_ZERO_TARGET, at, "every target value of the series is 0 (or missing)");
        }
        if (options.dynamicFeatLength() == DynamicFeatLength.TARGET && options.predictionLength() > 0
                && n < options.predictionLength()) {
            warning(DeepArProblem.SERIES_SHORTER_THAN_PREDICTION_LENGTH, at, "the series has " + n
                    + " values, fewer than prediction_length " + options.predictionLength()
                    + "; DeepAR ignores it in training");
        }
        if (freqUnit != null && !aligned(s)) {
            warning(DeepArProblem.START_NOT_ALIGNED_TO_FREQ, at, "start " + s.start()
                    + " is not on a boundary of the frequency " + options.timeFreq()
                    + " (time features are derived from it; GluonTS snaps it to the period)");
        }
    }

    private boolean aligned(DeepArRecord s) {
        java.time.LocalDateTime t = s.start();
        return switch (freqUnit) {
            case "min" -> t.getSecond() == 0;
            case "H" -> t.getSecond() == 0 && t.getMinute() == 0;
            case "D", "W" -> t.toLocalTime().toSecondOfDay() == 0;
            case "M" -> t.toLocalTime().toSecondOfDay() == 0 && t.getDayOfMonth() == 1;
            default -> true;
        };
    }

    private String ref() {
        // Text inputs have lines; a Parquet table's rows only have record indexes.
        return (reference.line() >= 0 ? "line " + reference.line() : "record " + reference.recordIndex()) + " of "
                + reference.source();
    }

    /** Runs the dataset-wide checks and returns the report (again on later calls). */
    @Override
    public ValidationReport finish() {
        if (finished) {
            return report;
        }
        finished = true;
        SourcePosition at = end != null ? end : SourcePosition.ofLine("<no input>", 0, -1, -1);
        int[] card = options.cardinality();
        for (int f = 0; f < catSeen.size(); f++) {
            int cardinality = card != null && f < card.length ? card[f] : catMax.get(f) + 1;
            BitSet seen = catSeen.get(f);
            List<Integer> missing = new ArrayList<>();
            long missingCount = 0;
            for (int c = seen.nextClearBit(0); c < cardinality; c = seen.nextClearBit(c + 1)) {
                missingCount++;
                if (missing.size() < 20) {
                    missing.add(c);
                }
            }
            if (missingCount > 0) {
                error(DeepArProblem.CAT_DOMAIN_INCOMPLETE, catMaxAt.get(f) != null ? catMaxAt.get(f) : at,
                        "the dataset did not contain examples for all categories of the " + f
                                + "-th categorical feature: all values in 0 <= cat < (cardinality = " + cardinality
                                + ") must occur; missing " + missingCount + " value(s): " + missing
                                + (missingCount > missing.size() ? "..." : "")
                                + " (re-encode categories as 0..k-1)");
            }
        }
        if (validSeries > 0 && observations < options.minObservations()) {
            error(DeepArProblem.TOO_FEW_OBSERVATIONS, at, "the dataset has " + observations
                    + " target values in total, DeepAR needs at least " + options.minObservations());
        }
        if (validSeries > 0 && zeroSeries == validSeries) {
            error(DeepArProblem.ALL_ZERO_TARGET, at, "every series consists of only zeros; DeepAR fails with"
                    + " \"training time series consist of only zeros\"");
        }
        return report;
    }

    private void error(DeepArProblem code, SourcePosition at, String message) {
        report.add(new ValidationProblem(code.name(), Severity.ERROR, at, message));
    }

    private void warning(DeepArProblem code, SourcePosition at, String message) {
        report.add(new ValidationProblem(code.name(), Severity.WARNING, at, message));
    }
}
