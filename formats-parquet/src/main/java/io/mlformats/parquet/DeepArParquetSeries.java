package io.mlformats.parquet;

import java.util.Arrays;

/**
 * One DeepAR time series as a Parquet row: {@code start} ({@code YYYY-MM-DD HH:MM:SS}), {@code target} (NaN =
 * missing value), optional {@code cat} and optional {@code dynamic_feat} ({@code [numFeatures][T]}).
 *
 * <p>An owned value: what {@link DeepArParquetWriter} writes and what {@link DeepArParquetSeriesView#copy()}
 * returns. The arrays are not copied on construction; do not modify them afterwards. Immutable by convention,
 * thread-safe if not modified. {@link #equals} compares values bit for bit.
 *
 * @param start       start timestamp text
 * @param target      the series
 * @param cat         categorical features, or {@code null} when absent
 * @param dynamicFeat dynamic features, or {@code null} when absent
 */
public record DeepArParquetSeries(String start, double[] target, long[] cat, double[][] dynamicFeat) {

    /**
     * Checks that the required parts are present.
     *
     * @param start       start timestamp text, such as {@code 2024-01-01 00:00:00}; not null
     * @param target      the series values, NaN for a missing value; not null, kept without copying
     * @param cat         categorical features, or {@code null} when absent; kept without copying
     * @param dynamicFeat dynamic features, one row per feature, or {@code null} when absent; kept without copying
     * @throws NullPointerException if {@code start} or {@code target} (or a row of {@code dynamicFeat}) is null
     */
    public DeepArParquetSeries {
        java.util.Objects.requireNonNull(start, "start");
        java.util.Objects.requireNonNull(target, "target");
        if (dynamicFeat != null) {
            for (double[] row : dynamicFeat) {
                java.util.Objects.requireNonNull(row, "dynamicFeat row");
            }
        }
    }

    /** Bitwise comparison of start, target, cat and dynamic_feat. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeepArParquetSeries s) || !start.equals(s.start) || !Arrays.equals(target, s.target)
                || !Arrays.equals(cat, s.cat)) {
            return false;
        }
        return Arrays.deepEquals(dynamicFeat, s.dynamicFeat);
    }

    /** A hash of start and target. */
    @Override
    public int hashCode() {
        return start.hashCode() * 31 + Arrays.hashCode(target);
    }

    /** A short description: start and sizes. */
    @Override
    public String toString() {
        return "DeepArParquetSeries[start=" + start + ", target=" + target.length + " values"
                + (cat != null ? ", cat=" + Arrays.toString(cat) : "")
                + (dynamicFeat != null ? ", dynamic_feat=" + dynamicFeat.length + " rows" : "") + "]";
    }
}
