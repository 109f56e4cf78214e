package io.mlformats.manifest;

import io.mlformats.jsonlines.internal.AsciiNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current line of an {@link AugmentedManifestReader}: a view the reader reuses for every line, valid until the
 * next {@link AugmentedManifestReader#next()} or {@link AugmentedManifestReader#close()}. It indexes the line's
 * bytes: attribute names and where each value's raw JSON text lies in {@link #buffer()}, which belongs to the
 * reader and is overwritten by the next line.
 *
 * <p>Allocation: {@link #attributeCount()}, {@link #name(int)}, {@link #indexOf(String)}, {@link #has(String)},
 * {@link #isString(String)}, {@link #buffer()}, {@link #valueStart(int)} and {@link #valueEnd(int)} allocate
 * nothing (names are Strings the reader keeps from line to line while they repeat). The accessors that return
 * values as Java objects, {@link #raw(String)}, {@link #text(String)}, {@link #names()}, {@link #streamed(List)},
 * make them on each call: a manifest value is arbitrary JSON, so there is no fixed buffer to hand out.
 * {@link #copy()} returns an owned {@link ManifestRecord}. Not thread-safe.
 */
public final class ManifestRecordView implements ManifestAttributes {
    final AsciiNames names = new AsciiNames();
    private int[] valueFrom = new int[8];
    private int[] valueTo = new int[8];
    private byte[] buffer;

    /** Views are made by readers only. */
    ManifestRecordView() {
    }

    void clear(byte[] b) {
        buffer = b;
        names.clear();
    }

    /** Records the attribute just added to {@link #names}: its value is {@code buffer[from, to)}. */
    void value(int from, int to) {
        int i = names.size() - 1;
        if (i == valueFrom.length) {
            valueFrom = Arrays.copyOf(valueFrom, i * 2);
            valueTo = Arrays.copyOf(valueTo, i * 2);
        }
        valueFrom[i] = from;
        valueTo[i] = to;
    }

    /**
     * Number of attributes on the line.
     *
     * @return the number of attributes in the current line's JSON object
     */
    public int attributeCount() {
        return names.size();
    }

    /**
     * The name of attribute {@code i} (file order).
     *
     * @param i the attribute index, from 0 to {@link #attributeCount()} - 1
     * @return the attribute's name
     */
    public String name(int i) {
        return names.get(i);
    }

    /**
     * Index of attribute {@code name}, or -1.
     *
     * @param name the attribute name, matched exactly
     * @return the attribute's index in file order, or -1 if the line has no such attribute
     */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /**
     * The reader's buffer holding the line; attribute {@code i}'s raw JSON value is
     * {@code [valueStart(i), valueEnd(i))}.
     *
     * @return the reader's internal buffer, not a copy: valid only until the reader advances; do not modify
     */
    public byte[] buffer() {
        return buffer;
    }

    /**
     * Index in {@link #buffer()} of the first byte of attribute {@code i}'s raw JSON value.
     *
     * @param i the attribute index, from 0 to {@link #attributeCount()} - 1
     * @return the inclusive start offset of the value in {@link #buffer()}
     */
    public int valueStart(int i) {
        names.get(i); // bounds check
        return valueFrom[i];
    }

    /**
     * Index in {@link #buffer()} just past attribute {@code i}'s raw JSON value.
     *
     * @param i the attribute index, from 0 to {@link #attributeCount()} - 1
     * @return the exclusive end offset of the value in {@link #buffer()}
     */
    public int valueEnd(int i) {
        names.get(i); // bounds check
        return valueTo[i];
    }

    /**
     * The raw JSON text of attribute {@code i}'s value (a new String).
     *
     * @param i the attribute index, from 0 to {@link #attributeCount()} - 1
     * @return the value's JSON text, decoded as UTF-8 from the buffer
     */
    public String raw(int i) {
        return new String(buffer, valueStart(i), valueTo[i] - valueFrom[i], StandardCharsets.UTF_8);
    }

    /** {@inheritDoc} (A new list.) */
    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(names.get(i));
        }
        return out;
    }

    /** {@inheritDoc} Allocates nothing. */
    @Override
    public boolean has(String name) {
        return names.indexOf(name) >= 0;
    }

    /** {@inheritDoc} (A new String.) */
    @Override
    public String raw(String name) {
        int i = names.indexOf(name);
        return i < 0 ? null : raw(i);
    }

    /** {@inheritDoc} (A new String.) */
    @Override
    public String text(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            return null;
        }
        return buffer[valueFrom[i]] == '"' ? ManifestRecord.stringContent(buffer, valueFrom[i],
                valueTo[i] - valueFrom[i]) : raw(i);
    }

    /** {@inheritDoc} Allocates nothing. */
    @Override
    public boolean isString(String name) {
        int i = names.indexOf(name);
        return i >= 0 && buffer[valueFrom[i]] == '"';
    }

    /**
     * An owned copy of this line, independent of the reader.
     *
     * @return a new record with copies of all attributes, still valid after the reader advances
     */
    public ManifestRecord copy() {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            raw.put(names.get(i), raw(i));
        }
        return new ManifestRecord(raw);
    }

    /** The line as text (allocates; for messages). */
    @Override
    public String toString() {
        return "ManifestRecordView" + copy().rawValues();
    }
}
