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
     * @throws IllegalArgumentException for a weight without a label, a delimiter that can be part of a number
     *                                  or a line end, or a width out of range
     */
    public CsvWriteOptions {
        CsvColumns.check(hasLabel, hasWeight, delimiter, numFeatures);
    }

    /** Label first, no weight, comma, width from the data, uncompressed. */
    public static CsvWriteOptions defaults() {
        return DEFAULTS;
    }

    /** With or without a label column first. */
    public CsvWriteOptions withLabel(boolean b) {
        return new CsvWriteOptions(b, hasWeight, delimiter, numFeatures, gzip);
    }

    /** With or without a weight column after the label. */
    public CsvWriteOptions withWeight(boolean b) {
        return new CsvWriteOptions(hasLabel, b, delimiter, numFeatures, gzip);
    }

    /** With another field separator (an ASCII character). */
    public CsvWriteOptions withDelimiter(char d) {
        return new CsvWriteOptions(hasLabel, hasWeight, (byte) d, numFeatures, gzip);
    }

    /** With a fixed number of feature columns, or -1 to take it from the data. */
    public CsvWriteOptions withNumFeatures(long n) {
        return new CsvWriteOptions(hasLabel, hasWeight, delimiter, n, gzip);
    }

    /** With or without gzip compression. */
    public CsvWriteOptions withGzip(boolean g) {
        return new CsvWriteOptions(hasLabel, hasWeight, delimiter, numFeatures, g);
    }
}
