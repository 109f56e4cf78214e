package io.mlformats.jsonlines.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Names (JSON keys) of a reused view, kept as Strings per slot: a key read from the bytes of a line is compared
 * with the String the same slot held for the previous line and reused when equal, so lines that repeat their keys
 * (quantile levels, manifest attribute names) make no String in steady state. Keys are ASCII (what
 * {@link FastJsonScanner#plainString} accepts). Not thread-safe.
 */
public final class AsciiNames {
    private String[] names = new String[8];
    private int size;

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public String get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("name " + i + " of " + size);
        }
        return names[i];
    }

    /** Appends the ASCII key {@code b[from, to)}, reusing the slot's previous String when equal. */
    public void add(byte[] b, int from, int to) {
        grow();
        String had = names[size];
        if (had == null || !equalsAscii(had, b, from, to)) {
            names[size] = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        size++;
    }

    /** Appends a name already made (the Jackson path's canonical names). */
    public void add(String name) {
        grow();
        names[size++] = name;
    }

    /** Index of {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** True if the ASCII key {@code b[from, to)} equals one of the names in {@code [0, size())}. */
    public boolean containsAscii(byte[] b, int from, int to) {
        for (int i = 0; i < size; i++) {
            if (equalsAscii(names[i], b, from, to)) {
                return true;
            }
        }
        return false;
    }

    private void grow() {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
    }

    private static boolean equalsAscii(String s, byte[] b, int from, int to) {
        if (s.length() != to - from) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) != b[from + k]) {
                return false;
            }
        }
        return true;
    }
}
