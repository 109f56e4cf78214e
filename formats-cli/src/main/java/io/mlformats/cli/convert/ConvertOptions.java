package io.mlformats.cli.convert;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.validate.TabularAlgorithm;
import io.mlformats.core.vector.ValueType;

/**
 * Options shared by conversions, from the command line. Immutable.
 *
 * @param indexBase    input index numbering (LibSVM, sparse Parquet)
 * @param numFeatures  number of features, 0 when not given
 * @param dense        {@code TRUE} for --dense, {@code FALSE} for --sparse, {@code null} to follow the input
 * @param dtype        output value type, {@code null} to follow the input
 * @param labelColumn  label column name (Parquet) or index (CSV), {@code null} for the default
 * @param weightColumn weight column name (Parquet) or index (CSV), {@code null} for none
 * @param gzip         gzip the output files
 * @param threads      worker threads (1 = the calling thread)
 * @param lenient      lenient reading
 * @param skipErrors   skip bad records and keep going
 * @param multiLabel   LibSVM labels are comma-separated lists (scikit-learn's multilabel form)
 * @param skipHeader   CSV input: skip the first line of every file (a header; {@code --skip-header})
 * @param algorithm    the algorithm the output is for ({@code convert --for}), whose rules decide how absent
 *                     sparse entries are written; {@code null} for the default (absent stays missing)
 * @param limits       the read limits ({@code --limit NAME=VALUE}; {@link ReadLimits#defaults()} without it)
 */
public record ConvertOptions(IndexBase indexBase, long numFeatures, Boolean dense, ValueType dtype,
                             String labelColumn, String weightColumn, boolean gzip, int threads, boolean lenient,
                             boolean skipErrors, boolean multiLabel, boolean skipHeader,
                             TabularAlgorithm algorithm, ReadLimits limits) {

    /** Zero-based indices, shape and type as read, no gzip, one thread, strict, stop at the first error. */
    public static ConvertOptions defaults() {
        return new ConvertOptions(IndexBase.ZERO, 0, null, null, null, null, false, 1, false, false, false, false,
                null, ReadLimits.defaults());
    }

    /** Options for commands that only read ({@code cat}, {@code inspect}, {@code validate}). */
    public static ConvertOptions reading(boolean lenient, boolean skipErrors, boolean multiLabel) {
        return new ConvertOptions(IndexBase.ZERO, 0, null, null, null, null, false, 1, lenient, skipErrors,
                multiLabel, false, null, ReadLimits.defaults());
    }

    /** These options with the input's index base and width decided (see {@link io.mlformats.cli.handler.FormatHandler#resolve}). */
    public ConvertOptions withShape(IndexBase base, long width) {
        return new ConvertOptions(base, width, dense, dtype, labelColumn, weightColumn, gzip, threads, lenient,
                skipErrors, multiLabel, skipHeader, algorithm, limits);
    }

    /** These options with CSV input's first line skipped or not ({@code --skip-header}). */
    public ConvertOptions withSkipHeader(boolean b) {
        return new ConvertOptions(indexBase, numFeatures, dense, dtype, labelColumn, weightColumn, gzip, threads,
                lenient, skipErrors, multiLabel, b, algorithm, limits);
    }

    /** These options with other read limits ({@code --limit}). */
    public ConvertOptions withLimits(ReadLimits l) {
        return new ConvertOptions(indexBase, numFeatures, dense, dtype, labelColumn, weightColumn, gzip, threads,
                lenient, skipErrors, multiLabel, skipHeader, algorithm, l);
    }

    /** Core read options for these flags. */
    public ReadOptions readOptions() {
        return ReadOptions.defaults()
                .withLimits(limits)
                .withMode(lenient ? ReadMode.LENIENT : ReadMode.STRICT)
                .withErrorPolicy(skipErrors ? ErrorPolicy.SKIP_AND_COLLECT : ErrorPolicy.FAIL_FAST);
    }
}
