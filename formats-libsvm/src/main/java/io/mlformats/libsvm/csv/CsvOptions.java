package io.mlformats.libsvm.csv;

import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.vector.ValueType;
import java.util.Objects;

/**
 * Options of the SageMaker CSV {@link CsvReader} and {@link CsvWriter}. Immutable and thread-safe.
 *
 * @param hasLabel    the first column is the label (training data; false for inference payloads)
 * @param hasWeight   the column after the label is a weight (XGBoost {@code csv_weights=1})
 * @param delimiter   field separator, {@code ','} by default
 * @param skipHeader  skip the first line (SageMaker CSV has no header; a header line is otherwise an error)
 * @param numFeatures number of feature columns, or -1 to take it from the first row; every row must have it
 * @param valueType   feature value type (default float32); labels and weights are float64
 * @param read        mode, error policy and limits
 */
public record CsvOptions(boolean hasLabel, boolean hasWeight, byte delimiter, boolean skipHeader, long numFeatures,
        ValueType valueType, ReadOptions read) {

    private static final CsvOptions DEFAULTS =
            new CsvOptions(true, false, (byte) ',', false, -1, ValueType.FLOAT32, ReadOptions.defaults());

    public CsvOptions {
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(read, "read");
        if (hasWeight && !hasLabel) {
            throw new IllegalArgumentException("a weight column needs a label column");
        }
        if (delimiter == '\n' || delimiter == '\r' || delimiter == '"' || delimiter == '.' || delimiter == '-'
                || delimiter == '+' || (delimiter >= '0' && delimiter <= '9') || (delimiter | 0x20) == 'e') {
            throw new IllegalArgumentException("unusable delimiter " + (char) delimiter);
        }
        if (numFeatures < -1 || numFeatures > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("numFeatures must be -1 or in [0, 2^31-1]: " + numFeatures);
        }
    }

    /** Label first, no weight, comma, no header, width from the first row, float32, strict, fail fast. */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    public CsvOptions withLabel(boolean b) {
        return new CsvOptions(b, hasWeight, delimiter, skipHeader, numFeatures, valueType, read);
    }

    public CsvOptions withWeight(boolean b) {
        return new CsvOptions(hasLabel, b, delimiter, skipHeader, numFeatures, valueType, read);
    }

    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(hasLabel, hasWeight, (byte) d, skipHeader, numFeatures, valueType, read);
    }

    public CsvOptions withSkipHeader(boolean b) {
        return new CsvOptions(hasLabel, hasWeight, delimiter, b, numFeatures, valueType, read);
    }

    public CsvOptions withNumFeatures(long n) {
        return new CsvOptions(hasLabel, hasWeight, delimiter, skipHeader, n, valueType, read);
    }

    public CsvOptions withValueType(ValueType t) {
        return new CsvOptions(hasLabel, hasWeight, delimiter, skipHeader, numFeatures, t, read);
    }

    public CsvOptions withRead(ReadOptions r) {
        return new CsvOptions(hasLabel, hasWeight, delimiter, skipHeader, numFeatures, valueType, r);
    }

    public CsvOptions withMode(ReadMode m) {
        return withRead(read.withMode(m));
    }
}
