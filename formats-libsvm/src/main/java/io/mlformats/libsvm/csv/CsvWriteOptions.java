package io.mlformats.libsvm.csv;

import io.mlformats.core.validate.TabularAlgorithm;

/**
 * Options of the SageMaker CSV {@link CsvWriter}. Immutable and thread-safe.
 *
 * @param hasLabel    write the label as the first column (training data; false for inference payloads)
 * @param hasWeight   write the weight after the label (XGBoost {@code csv_weights=1})
 * @param delimiter   field separator, {@code ','} by default
 * @param numFeatures number of feature columns, or -1 for the matrix's column count or the first row's width
 * @param gzip        compress the output with gzip
 * @param absentAsZero write the absent entries of a sparse row as {@code 0} rather than as empty fields (which
 *                     mean missing); see {@link #forAlgorithm}. A dense row's NaN is written empty either way
 */
public record CsvWriteOptions(boolean hasLabel, boolean hasWeight, byte delimiter, long numFeatures,
        boolean gzip, boolean absentAsZero) {

    private static final CsvWriteOptions DEFAULTS = new CsvWriteOptions(true, false, (byte) ',', -1, false, false);

    /**
     * Validates the settings.
     *
     * @param hasLabel    true to write the label as the first column
     * @param hasWeight   true to write the weight after the label; needs {@code hasLabel}
     * @param delimiter   field separator, an ASCII byte that cannot be part of a number or a line end
     * @param numFeatures number of feature columns, from 0 to 2^31-1, or -1 to take it from the data
     * @param gzip        true to compress the output with gzip
     * @param absentAsZero true to write absent sparse entries as {@code 0}, false to leave them empty (missing)
     * @throws IllegalArgumentException for a weight without a label, a delimiter that can be part of a number
     *                                  or a line end, or a width out of range
     */
    public CsvWriteOptions {
        CsvColumns.check(hasLabel, hasWeight, delimiter, numFeatures);
    }

    /**
     * The options of earlier versions: absent sparse entries are written as empty fields (missing).
     *
     * @param hasLabel    true to write the label as the first column
     * @param hasWeight   true to write the weight after the label; needs {@code hasLabel}
     * @param delimiter   field separator, an ASCII byte that cannot be part of a number or a line end
     * @param numFeatures number of feature columns, from 0 to 2^31-1, or -1 to take it from the data
     * @param gzip        true to compress the output with gzip
     * @throws IllegalArgumentException as the canonical constructor
     */
    public CsvWriteOptions(boolean hasLabel, boolean hasWeight, byte delimiter, long numFeatures, boolean gzip) {
        this(hasLabel, hasWeight, delimiter, numFeatures, gzip, false);
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
        return new CsvWriteOptions(b, hasWeight, delimiter, numFeatures, gzip, absentAsZero);
    }

    /**
     * With or without a weight column after the label.
     *
     * @param b true to write the weight after the label
     * @return a copy of these options with {@code hasWeight} {@code b}
     * @throws IllegalArgumentException if {@code b} is true while the options have no label column
     */
    public CsvWriteOptions withWeight(boolean b) {
        return new CsvWriteOptions(hasLabel, b, delimiter, numFeatures, gzip, absentAsZero);
    }

    /**
     * With another field separator (an ASCII character).
     *
     * @param d the separator, such as {@code ','} or {@code '\t'}
     * @return a copy of these options with delimiter {@code d}
     * @throws IllegalArgumentException for a character that can be part of a number, a quote or a line end
     */
    public CsvWriteOptions withDelimiter(char d) {
        return new CsvWriteOptions(hasLabel, hasWeight, (byte) d, numFeatures, gzip, absentAsZero);
    }

    /**
     * With a fixed number of feature columns, or -1 to take it from the data.
     *
     * @param n number of feature columns, from 0 to 2^31-1, or -1
     * @return a copy of these options with {@code numFeatures} {@code n}
     * @throws IllegalArgumentException if {@code n} is below -1 or above 2^31-1
     */
    public CsvWriteOptions withNumFeatures(long n) {
        return new CsvWriteOptions(hasLabel, hasWeight, delimiter, n, gzip, absentAsZero);
    }

    /**
     * With or without gzip compression.
     *
     * @param g true to compress the output with gzip
     * @return a copy of these options with {@code gzip} {@code g}
     */
    public CsvWriteOptions withGzip(boolean g) {
        return new CsvWriteOptions(hasLabel, hasWeight, delimiter, numFeatures, g, absentAsZero);
    }

    /**
     * Writing the absent entries of sparse rows as {@code 0}, or as empty fields (missing).
     *
     * @param z true to write absent entries as {@code 0}
     * @return a copy of these options with {@code absentAsZero} {@code z}
     */
    public CsvWriteOptions withAbsentAsZero(boolean z) {
        return new CsvWriteOptions(hasLabel, hasWeight, delimiter, numFeatures, gzip, z);
    }

    /**
     * Writing absent sparse entries the way {@code algorithm} reads CSV: as 0 when it has no missing values
     * ({@link TabularAlgorithm#absentEntriesAreZero()}), else as empty fields (missing).
     *
     * @param algorithm the algorithm the CSV is for; not null
     * @return a copy of these options with {@code absentAsZero} from the algorithm's rule
     */
    public CsvWriteOptions forAlgorithm(TabularAlgorithm algorithm) {
        return withAbsentAsZero(algorithm.absentEntriesAreZero());
    }
}
