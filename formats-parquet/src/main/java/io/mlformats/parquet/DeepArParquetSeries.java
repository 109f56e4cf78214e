package io.mlformats.parquet;

import java.util.Arrays;

/**
 * One DeepAR time series as a Parquet row: {@code start} ({@code YYYY-MM-DD HH:MM:SS}), {@code target} (NaN =
 * missing value), optional {@code cat} and optional {@code dynamic_feat} ({@code [numFeatures][T]}).
 *
 * <p>An owned value: readers return a new instance per row (DeepAR rows are few and long, so the copy is small
 * next to the series). The arrays are not copied on construction; do not modify them afterwards. Immutable by
 * convention, thread-safe if not modified. {@link #equals} compares values bit for bit.
 *
 * @param start       start timestamp text
 * @param target      the series
 * @param cat         categorical features, or {@code null} when absent
 * @param dynamicFeat dynamic features, or {@code null} when absent
 */
public record DeepArParquetSeries(String start, double[] target, long[] cat, double[][] dynamicFeat) {

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeepArParquetSeries s) || !start.equals(s.start) || !Arrays.equals(target, s.target)
                || !Arrays.equals(cat, s.cat)) {
            return false;
        }
        return Arrays.deepEquals(dynamicFeat, s.dynamicFeat);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + Arrays.hashCode(target);
    }

    @Override
    public String toString() {
        return "DeepArParquetSeries[start=" + start + ", target=" + target.length + " values"
                + (cat != null ? ", cat=" + Arrays.toString(cat) : "")
                + (dynamicFeat != null ? ", dynamic_feat=" + dynamicFeat.length + " rows" : "") + "]";
    }
}
