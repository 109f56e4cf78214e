package io.mlformats.jsonlines.internal;

import java.util.Arrays;

/** A reusable, growable double array (the hot path reuses one per field). Not thread-safe. */
public final class DoubleList {
    public double[] data;
    public int size;

    public DoubleList(int capacity) {
        data = new double[Math.max(1, capacity)];
    }

    public void clear() {
        size = 0;
    }

    public void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    /** Replaces the contents with {@code values}. */
    public void set(double[] values) {
        clear();
        for (double v : values) {
            add(v);
        }
    }

    public double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
