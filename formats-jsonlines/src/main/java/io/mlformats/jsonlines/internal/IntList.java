package io.mlformats.jsonlines.internal;

import java.util.Arrays;

/** A reusable, growable int array. Not thread-safe. */
public final class IntList {
    public int[] data;
    public int size;

    public IntList(int capacity) {
        data = new int[Math.max(1, capacity)];
    }

    public void clear() {
        size = 0;
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
