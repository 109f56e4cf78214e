package io.mlformats.deepar;

import io.mlformats.jsonlines.internal.FloatList;
import io.mlformats.jsonlines.internal.IntList;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current series of a {@link DeepArReader}: reusable buffers, valid until the reader moves on. The arrays
 * returned by {@link #targetArray()} etc. are the reader's own buffers (longer than the data: use the length
 * accessors) and are overwritten by the next record; {@link #copy()} makes an owned copy.
 *
 * <p>Not thread-safe.
 */
public final class DeepArSeriesView implements DeepArRecord {
    final FloatList target = new FloatList(1024);
    final IntList cat = new IntList(8);
    FloatList[] dynamic = new FloatList[0];
    int dynamicCount;
    boolean hasCat;
    boolean hasDynamic;
    boolean hasStart;
    boolean hasTarget;
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    boolean startDateOnly;
    final Map<String, String> extra = new LinkedHashMap<>();
    // Offsets relative to the record's first byte, for error positions (-1 = absent).
    int startAt = -1;
    int targetAt = -1;
    int catAt = -1;
    int dynamicAt = -1;

    void clear() {
        target.clear();
        cat.clear();
        dynamicCount = 0;
        hasCat = false;
        hasDynamic = false;
        hasStart = false;
        hasTarget = false;
        startDateOnly = false;
        extra.clear();
        startAt = targetAt = catAt = dynamicAt = -1;
    }

    FloatList addDynamicRow() {
        if (dynamicCount == dynamic.length) {
            dynamic = Arrays.copyOf(dynamic, Math.max(4, dynamic.length * 2));
        }
        FloatList row = dynamic[dynamicCount];
        if (row == null) {
            row = new FloatList(1024);
            dynamic[dynamicCount] = row;
        }
        row.clear();
        dynamicCount++;
        return row;
    }

    /** The start timestamp. */
    public LocalDateTime start() {
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /**
     * True if {@code start} was written as a date only ({@code YYYY-MM-DD}, meaning midnight).
     *
     * @return true if {@code start} had no time part
     */
    public boolean startWasDateOnly() {
        return startDateOnly;
    }

    /** The reader's target buffer; values {@code [0, targetLength())}. NaN = missing. */
    public float[] targetArray() {
        return target.data;
    }

    /** Number of target values ({@link #targetArray()} is valid in {@code [0, targetLength())}). */
    public int targetLength() {
        return target.size;
    }

    /** Whether the line had a {@code cat} field. */
    public boolean hasCat() {
        return hasCat;
    }

    /** The reader's cat buffer; values {@code [0, catLength())}. */
    public int[] catArray() {
        return cat.data;
    }

    /** Number of {@code cat} values (0 when absent). */
    public int catLength() {
        return cat.size;
    }

    /** Whether the line had a {@code dynamic_feat} field. */
    public boolean hasDynamicFeat() {
        return hasDynamic;
    }

    /** Number of dynamic feature rows. */
    public int dynamicFeatCount() {
        return dynamicCount;
    }

    /** The reader's buffer for row {@code i}; values {@code [0, dynamicFeatLength(i))}. */
    public float[] dynamicFeatArray(int i) {
        return dynamic(i).data;
    }

    /** Number of values in dynamic_feat row {@code i}. */
    public int dynamicFeatLength(int i) {
        return dynamic(i).size;
    }

    private FloatList dynamic(int i) {
        if (i < 0 || i >= dynamicCount) {
            throw new IndexOutOfBoundsException("dynamic_feat row " + i + " of " + dynamicCount);
        }
        return dynamic[i];
    }

    /**
     * Fields other than the four DeepAR fields, as raw JSON text (only when the reader keeps them).
     *
     * @return field name to raw JSON text in file order; empty unless the reader keeps extra fields
     */
    public Map<String, String> extraFields() {
        return java.util.Collections.unmodifiableMap(extra);
    }

    /**
     * An owned copy of this series.
     *
     * @return a new series with copied arrays, still valid after the reader advances
     */
    public DeepArSeries copy() {
        float[][] rows = null;
        if (hasDynamic) {
            rows = new float[dynamicCount][];
            for (int i = 0; i < dynamicCount; i++) {
                rows[i] = dynamic[i].toArray();
            }
        }
        return new DeepArSeries(start(), target.toArray(), hasCat ? cat.toArray() : null, rows, extra);
    }

    @Override
    public String toString() {
        return copy().toString();
    }
}
