package io.mlformats.deepar;

import java.time.LocalDateTime;

/**
 * One DeepAR series as the {@link DeepArValidator} reads it: implemented by the reader's reused
 * {@link DeepArSeriesView} and by the owned {@link DeepArSeries} value, so series from any source (a JSON Lines
 * reader, a Parquet table converted to {@code DeepArSeries}) are checked by the same rules. Arrays returned are
 * read in their valid prefix only ({@code targetArray()[0, targetLength())}).
 */
public interface DeepArRecord {

    /**
     * The first timestamp.
     *
     * @return the series' first timestamp, without time zone
     */
    LocalDateTime start();

    /**
     * The target values; valid in {@code [0, targetLength())}; NaN = missing.
     *
     * @return the target buffer; only the first {@link #targetLength()} values belong to this series
     */
    float[] targetArray();

    /**
     * Number of target values.
     *
     * @return the number of target values
     */
    int targetLength();

    /**
     * True if the series has a {@code cat} field.
     *
     * @return true if the series has a {@code cat} field
     */
    boolean hasCat();

    /**
     * The {@code cat} values, valid in {@code [0, catLength())} (an empty array when absent).
     *
     * @return the cat buffer; only the first {@link #catLength()} values belong to this series
     */
    int[] catArray();

    /**
     * Number of {@code cat} values (0 when absent).
     *
     * @return the number of {@code cat} values, 0 when the field is absent
     */
    int catLength();

    /**
     * True if the series has a {@code dynamic_feat} field.
     *
     * @return true if the series has a {@code dynamic_feat} field
     */
    boolean hasDynamicFeat();

    /**
     * Number of {@code dynamic_feat} rows (0 when absent).
     *
     * @return the number of {@code dynamic_feat} rows, 0 when the field is absent
     */
    int dynamicFeatCount();

    /**
     * Row {@code i} of {@code dynamic_feat}, valid in {@code [0, dynamicFeatLength(i))}.
     *
     * @param i the row index, from 0 to {@link #dynamicFeatCount()} - 1
     * @return the row buffer; only the first {@link #dynamicFeatLength(int)} values belong to this series
     */
    float[] dynamicFeatArray(int i);

    /**
     * Number of values in {@code dynamic_feat} row {@code i}.
     *
     * @param i the row index, from 0 to {@link #dynamicFeatCount()} - 1
     * @return the number of values in row {@code i}
     */
    int dynamicFeatLength(int i);
}
