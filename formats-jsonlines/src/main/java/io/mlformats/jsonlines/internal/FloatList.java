package io.mlformats.jsonlines.internal;

import java.util.Arrays;

/** A reusable, growable float array (the hot path reuses one per field). Not thread-safe. */
public final class FloatList {
    public float[] data;
    public int size;

    public FloatList(int capacity) {
        data = new float[Math.max(1, capacity)];
    }

    public void clear() {
        size = 0;
    }

    public void add(float v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    public float[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
