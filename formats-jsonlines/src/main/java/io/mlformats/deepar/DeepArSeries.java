package io.mlformats.deepar;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One DeepAR time series, owned (the arrays are not copied on construction: do not modify them afterwards).
 * Missing target values are NaN. {@link #equals} compares floats bit for bit ({@link Float#floatToRawIntBits}).
 *
 * @param start       the first timestamp (no time zone; second precision)
 * @param target      the series; NaN = missing
 * @param cat         categorical features (0-based), or {@code null} when the field is absent
 * @param dynamicFeat dynamic features, {@code [feature][time]}, or {@code null} when absent
 * @param extraFields other fields of the line as raw JSON text, in file order (empty unless asked for)
 */
public record DeepArSeries(LocalDateTime start, float[] target, int[] cat, float[][] dynamicFeat,
                           Map<String, String> extraFields) implements DeepArRecord {
    private static final int[] NO_CAT = new int[0];

    /**
     * Validates the required fields and copies the extra-field map (arrays are not copied).
     *
     * @param start the first timestamp; must not be null
     * @param target the target values, NaN for missing; must not be null; not copied
     * @param cat categorical features, or {@code null} when absent; not copied
     * @param dynamicFeat dynamic features {@code [feature][time]}, or {@code null} when absent; not copied
     * @param extraFields other fields as raw JSON text in order, or {@code null} for none; the map is copied
     */
    public DeepArSeries {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(target, "target");
        extraFields = extraFields == null || extraFields.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extraFields));
    }

    /**
     * A series with only start and target.
     *
     * @param start the first timestamp
     * @param target the target values, NaN for missing; not copied
     * @return a series without cat, dynamic_feat or extra fields
     */
    public static DeepArSeries of(LocalDateTime start, float... target) {
        return new DeepArSeries(start, target, null, null, Map.of());
    }

    /**
     * This series with categorical features {@code c} (not copied).
     *
     * @param c the categorical feature values, 0-based, or {@code null} for none
     * @return a new series sharing this one's other fields
     */
    public DeepArSeries withCat(int... c) {
        return new DeepArSeries(start, target, c, dynamicFeat, extraFields);
    }

    /**
     * This series with dynamic features {@code rows[feature][time]} (not copied).
     *
     * @param rows dynamic features, one row per feature indexed by time, or {@code null} for none
     * @return a new series sharing this one's other fields
     */
    public DeepArSeries withDynamicFeat(float[]... rows) {
        return new DeepArSeries(start, target, cat, rows, extraFields);
    }

    /**
     * This series with other fields, name to raw JSON text, in order.
     *
     * @param raw field name to the value's JSON text, in output order
     * @return a new series sharing this one's other fields
     */
    public DeepArSeries withExtraFields(Map<String, String> raw) {
        return new DeepArSeries(start, target, cat, dynamicFeat, raw);
    }

    /** The same as {@link #target()}. */
    @Override
    public float[] targetArray() {
        return target;
    }

    /** {@code target().length}. */
    @Override
    public int targetLength() {
        return target.length;
    }

    /** True unless {@link #cat()} is null. */
    @Override
    public boolean hasCat() {
        return cat != null;
    }

    /** {@link #cat()}, or an empty array when absent. */
    @Override
    public int[] catArray() {
        return cat == null ? NO_CAT : cat;
    }

    /** Number of {@code cat} values (0 when absent). */
    @Override
    public int catLength() {
        return cat == null ? 0 : cat.length;
    }

    /** True unless {@link #dynamicFeat()} is null. */
    @Override
    public boolean hasDynamicFeat() {
        return dynamicFeat != null;
    }

    /** Number of {@code dynamic_feat} rows (0 when absent). */
    @Override
    public int dynamicFeatCount() {
        return dynamicFeat == null ? 0 : dynamicFeat.length;
    }

    /** Row {@code i} of {@link #dynamicFeat()}. */
    @Override
    public float[] dynamicFeatArray(int i) {
        return dynamicFeat[i];
    }

    /** Length of row {@code i} of {@link #dynamicFeat()}. */
    @Override
    public int dynamicFeatLength(int i) {
        return dynamicFeat[i].length;
    }

    /**
     * Parses a DeepAR start, {@code YYYY-MM-DD[ HH:MM:SS]} (the strict rule of {@link DeepArReader}): for
     * series from other sources, for example a Parquet {@code start} column.
     *
     * @param text the start text, e.g. {@code 2024-01-31} or {@code 2024-01-31 12:00:00}
     * @return the timestamp, at midnight when {@code text} is a date only
     * @throws IllegalArgumentException naming the rule ({@code START_FORMAT} or {@code START_HAS_TIMEZONE})
     */
    public static LocalDateTime parseStart(String text) {
        return DeepArRules.parseStart(text);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeepArSeries s)) {
            return false;
        }
        if (!start.equals(s.start) || !bits(target, s.target) || !Arrays.equals(cat, s.cat)
                || !extraFields.equals(s.extraFields)) {
            return false;
        }
        if (dynamicFeat == null || s.dynamicFeat == null) {
            return dynamicFeat == s.dynamicFeat;
        }
        if (dynamicFeat.length != s.dynamicFeat.length) {
            return false;
        }
        for (int i = 0; i < dynamicFeat.length; i++) {
            if (!bits(dynamicFeat[i], s.dynamicFeat[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean bits(float[] a, float[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, Arrays.hashCode(target), Arrays.hashCode(cat), Arrays.deepHashCode(dynamicFeat),
                extraFields);
    }

    @Override
    public String toString() {
        return "DeepArSeries[start=" + start + ", target=" + Arrays.toString(target) + ", cat="
                + Arrays.toString(cat) + ", dynamicFeat=" + Arrays.deepToString(dynamicFeat) + ", extraFields="
                + extraFields + "]";
    }
}
