package io.mlformats.libsvm.csv;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.vector.ValueType;
import java.util.Objects;

/**
 * Options of the SageMaker CSV {@link CsvReader}. Immutable and thread-safe.
 *
 * @param hasLabel    the first column is the label (training data; false for inference payloads)
 * @param hasWeight   the column after the label is a weight (XGBoost {@code csv_weights=1})
 * @param delimiter   field separator, {@code ','} by default
 * @param skipHeader  skip the first line (SageMaker CSV has no header; a header line is otherwise an error)
 * @param numFeatures number of feature columns, or -1 to take it from the first row; every row must have it
 * @param valueType   feature value type (default float32); labels and weights are float64
 * @param read        mode, error policy and limits
 */
public record CsvReadOptions(boolean hasLabel, boolean hasWeight, byte delimiter, boolean skipHeader,
        long numFeatures, ValueType valueType, ReadOptions read) {

    private static final CsvReadOptions DEFAULTS =
            new CsvReadOptions(true, false, (byte) ',', false, -1, ValueType.FLOAT32, ReadOptions.defaults());

    /**
     * Validates the settings.
     *
     * @param hasLabel    true if the first column is the label
     * @param hasWeight   true if the column after the label is a weight; needs {@code hasLabel}
     * @param delimiter   field separator, an ASCII byte that cannot be part of a number or a line end
     * @param skipHeader  true to skip the first line
     * @param numFeatures number of feature columns, from 0 to 2^31-1, or -1 to take it from the first row
     * @param valueType   feature value type; not null
     * @param read        mode, error policy and limits; not null
     * @throws IllegalArgumentException for a weight without a label, a delimiter that can be part of a number
     *                                  or a line end, or a width out of range
     * @throws NullPointerException     if {@code valueType} or {@code read} is null
     */
    public CsvReadOptions {
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(read, "read");
        CsvColumns.check(hasLabel, hasWeight, delimiter, numFeatures);
    }

    /**
     * Label first, no weight, comma, no header, width from the first row, float32, strict, fail fast.
     *
     * @return the shared default options
     */
    public static CsvReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With or without a label column first.
     *
     * @param b true if the first column is the label
     * @return a copy of these options with {@code hasLabel} {@code b}
     * @throws IllegalArgumentException if {@code b} is false while the options have a weight column
     */
    public CsvReadOptions withLabel(boolean b) {
        return new CsvReadOptions(b, hasWeight, delimiter, skipHeader, numFeatures, valueType, read);
    }

    /**
     * With or without a weight column after the label.
     *
     * @param b true if the column after the label is a weight
     * @return a copy of these options with {@code hasWeight} {@code b}
     * @throws IllegalArgumentException if {@code b} is true while the options have no label column
     */
    public CsvReadOptions withWeight(boolean b) {
        return new CsvReadOptions(hasLabel, b, delimiter, skipHeader, numFeatures, valueType, read);
    }

    /**
     * With another field separator (an ASCII character).
     *
     * @param d the separator, such as {@code ','} or {@code '\t'}
     * @return a copy of these options with delimiter {@code d}
     * @throws IllegalArgumentException for a character that can be part of a number, a quote or a line end
     */
    public CsvReadOptions withDelimiter(char d) {
        return new CsvReadOptions(hasLabel, hasWeight, (byte) d, skipHeader, numFeatures, valueType, read);
    }

    /**
     * Skipping (or not) a header line.
     *
     * @param b true to skip the first line of the input
     * @return a copy of these options with {@code skipHeader} {@code b}
     */
    public CsvReadOptions withSkipHeader(boolean b) {
        return new CsvReadOptions(hasLabel, hasWeight, delimiter, b, numFeatures, valueType, read);
    }

    /**
     * With a declared number of feature columns, or -1 to take it from the first row.
     *
     * @param n number of feature columns, from 0 to 2^31-1, or -1
     * @return a copy of these options with {@code numFeatures} {@code n}
     * @throws IllegalArgumentException if {@code n} is below -1 or above 2^31-1
     */
    public CsvReadOptions withNumFeatures(long n) {
        return new CsvReadOptions(hasLabel, hasWeight, delimiter, skipHeader, n, valueType, read);
    }

    /**
     * With another feature value type.
     *
     * @param t value type the features are parsed into (labels and weights stay float64)
     * @return a copy of these options with value type {@code t}
     */
    public CsvReadOptions withValueType(ValueType t) {
        return new CsvReadOptions(hasLabel, hasWeight, delimiter, skipHeader, numFeatures, t, read);
    }

    /**
     * With other core read options (mode, error policy, errors kept, limits).
     *
     * @param r the core read options to use
     * @return a copy of these options with read options {@code r}
     */
    public CsvReadOptions withRead(ReadOptions r) {
        return new CsvReadOptions(hasLabel, hasWeight, delimiter, skipHeader, numFeatures, valueType, r);
    }

    /**
     * With another read mode (strict or lenient).
     *
     * @param m the read mode
     * @return a copy of these options with read mode {@code m}
     */
    public CsvReadOptions withMode(ReadMode m) {
        return withRead(read.withMode(m));
    }

    /**
     * With another error policy.
     *
     * @param p what to do with a bad row: fail at once, or skip it and collect the error
     * @return a copy of these options with error policy {@code p}
     */
    public CsvReadOptions withErrorPolicy(ErrorPolicy p) {
        return withRead(read.withErrorPolicy(p));
    }

    /**
     * With other limits.
     *
     * @param l the input size limits (line length, column count and the like)
     * @return a copy of these options with limits {@code l}
     */
    public CsvReadOptions withLimits(ReadLimits l) {
        return withRead(read.withLimits(l));
    }
}
