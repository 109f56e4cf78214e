package io.mlformats.libsvm.csv;

/**
 * Options of the SageMaker CSV {@link CsvWriter}. Immutable and thread-safe.
 *
 * @param hasLabel    write the label as the first column (training data; false for inference payloads)
 * @param hasWeight   write the weight after the label (XGBoost {@code csv_weights=1})
 * @param delimiter   field separator, {@code ','} by default
 * @param numFeatures number of feature columns, or -1 for the matrix's column count or the first row's width
 * @param gzip        compress the output with gzip
 */
public record CsvWriteOptions(boolean hasLabel, boolean hasWeight, byte delimiter, long numFeatures,
        boolean gzip) {

    private static final CsvWriteOptions DEFAULTS = new CsvWriteOptions(true, false, (byte) ',', -1, false);

    /**
     * Validates the settings.
     *
     * @param hasLabel    true to write the label as the first column
     * @param hasWeight   true to write the weight after the label; needs {@code hasLabel}
     * @param delimiter   field separator, an ASCII byte that cannot be part of a number or a line end
     * @param numFeatures number of feature columns, from 0 to 2^31-1, or -1 to take it from the data
     * @param gzip        true to compress the output with gzip
     * @throws IllegalArgumentException for a weight without a label, a delimiter that can be part of a number
     *                                  or a line end, or a width out of range
     */
    public CsvWriteOptions {
        CsvColumns.check(hasLabel, hasWeight, delimiter, numFeatures);
    }

    /**
     * Label first, no weight, comma, width from the data, uncompressed.
     *
     * @return the shared default options
     */
    public static CsvWriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With or without a label column first.
     *
     * @param b true to write the label as the first column
     * @return a copy of these options with {@code hasLabel} {@code b}
     * @throws IllegalArgumentException if {@code b} is false while the options have a weight column
     */
    public CsvWriteOptions withLabel(boolean b) {
        return new CsvWriteOptions(b, hasWeight, delimiter, numFeatures, gzip);
    }

    /**
     * With or without a weight column after the label.
     *
     * @param b true to write the weight after the label
     * @return a copy of these options with {@code hasWeight} {@code b}
     * @throws IllegalArgumentException if {@code b} is true while the options have no label column
     */
    public CsvWriteOptions withWeight(boolean b) {
        return new CsvWriteOptions(hasLabel, b, delimiter, numFeatures, gzip);
    }

    /**
     * With another field separator (an ASCII character).
     *
     * @param d the separator, such as {@code ','} or {@code '\t'}
     * @return a copy of these options with delimiter {@code d}
     * @throws IllegalArgumentException for a character that can be part of a number, a quote or a line end
     */
    public CsvWriteOptions withDelimiter(char d) {
        return new CsvWriteOptions(hasLabel, hasWeight, (byte) d, numFeatures, gzip);
    }

    /**
     * With a fixed number of feature columns, or -1 to take it from the data.
     *
     * @param n number of feature columns, from 0 to 2^31-1, or -1
     * @return a copy of these options with {@code numFeatures} {@code n}
     * @throws IllegalArgumentException if {@code n} is below -1 or above 2^31-1
     */
    public CsvWriteOptions withNumFeatures(long n) {
        return new CsvWriteOptions(hasLabel, hasWeight, delimiter, n, gzip);
    }

    /**
     * With or without gzip compression.
     *
     * @param g true to compress the output with gzip
     * @return a copy of these options with {@code gzip} {@code g}
     */
    public CsvWriteOptions withGzip(boolean g) {
        return new CsvWriteOptions(hasLabel, hasWeight, delimiter, numFeatures, g);
    }
}
