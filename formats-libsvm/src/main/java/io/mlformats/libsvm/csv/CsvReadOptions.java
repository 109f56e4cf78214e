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
     * @throws IllegalArgumentException for a weight without a label, a delimiter that can be part of a number
     *                                  or a line end, or a width out of range
     */
    public CsvReadOptions {
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(read, "read");
        CsvColumns.check(hasLabel, hasWeight, delimiter, numFeatures);
    }

    /** Label first, no weight, comma, no header, width from the first row, float32, strict, fail fast. */
    public static CsvReadOptions defaults() {
        return DEFAULTS;
    }

    /** With or without a label column first. */
    public CsvReadOptions withLabel(boolean b) {
        return new CsvReadOptions(b, hasWeight, delimiter, skipHeader, numFeatures, valueType, read);
    }

    /** With or without a weight column after the label. */
    public CsvReadOptions withWeight(boolean b) {
        return new CsvReadOptions(hasLabel, b, delimiter, skipHeader, numFeatures, valueType, read);
    }

    /** With another field separator (an ASCII character). */
    public CsvReadOptions withDelimiter(char d) {
        return new CsvReadOptions(hasLabel, hasWeight, (byte) d, skipHeader, numFeatures, valueType, read);
    }

    /** Skipping (or not) a header line. */
    public CsvReadOptions withSkipHeader(boolean b) {
        return new CsvReadOptions(hasLabel, hasWeight, delimiter, b, numFeatures, valueType, read);
    }

    /** With a declared number of feature columns, or -1 to take it from the first row. */
    public CsvReadOptions withNumFeatures(long n) {
        return new CsvReadOptions(hasLabel, hasWeight, delimiter, skipHeader, n, valueType, read);
    }

    /** With another feature value type. */
    public CsvReadOptions withValueType(ValueType t) {
        return new CsvReadOptions(hasLabel, hasWeight, delimiter, skipHeader, numFeatures, t, read);
    }

    /** With other core read options (mode, error policy, errors kept, limits). */
    public CsvReadOptions withRead(ReadOptions r) {
        return new CsvReadOptions(hasLabel, hasWeight, delimiter, skipHeader, numFeatures, valueType, r);
    }

    /** With another read mode (strict or lenient). */
    public CsvReadOptions withMode(ReadMode m) {
        return withRead(read.withMode(m));
    }

    /** With another error policy. */
    public CsvReadOptions withErrorPolicy(ErrorPolicy p) {
        return withRead(read.withErrorPolicy(p));
    }

    /** With other limits. */
    public CsvReadOptions withLimits(ReadLimits l) {
        return withRead(read.withLimits(l));
    }
}
