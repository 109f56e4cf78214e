package io.mlformats.deepar;

import java.time.LocalDateTime;

/**
 * One DeepAR series as the {@link DeepArValidator} reads it: implemented by the reader's reused
 * {@link DeepArSeriesView} and by the owned {@link DeepArSeries} value, so series from any source (a JSON Lines
 * reader, a Parquet table converted to {@code DeepArSeries}) are checked by the same rules. Arrays returned are
 * read in their valid prefix only ({@code targetArray()[0, targetLength())}).
 */
public interface DeepArRecord {

    /** The first timestamp. */
    LocalDateTime start();

    /** The target values; valid in {@code [0, targetLength())}; NaN = missing. */
    float[] targetArray();

    /** Number of target values. */
    int targetLength();

    /** True if the series has a {@code cat} field. */
    boolean hasCat();

    /** The {@code cat} values, valid in {@code [0, catLength())} (an empty array when absent). */
    int[] catArray();

    /** Number of {@code cat} values (0 when absent). */
    int catLength();

    /** True if the series has a {@code dynamic_feat} field. */
    boolean hasDynamicFeat();

    /** Number of {@code dynamic_feat} rows (0 when absent). */
    int dynamicFeatCount();

    /** Row {@code i} of {@code dynamic_feat}, valid in {@code [0, dynamicFeatLength(i))}. */
    float[] dynamicFeatArray(int i);

    /** Number of values in {@code dynamic_feat} row {@code i}. */
    int dynamicFeatLength(int i);
}
