package io.mlformats.manifest;

import io.mlformats.jsonlines.internal.RawJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One line of an augmented manifest: its attributes in file order, each as the raw JSON text of its value,
 * exactly as read (so label metadata objects, numbers and escapes are kept intact and written back byte for
 * byte). Immutable; build with {@link #builder()}.
 */
public final class ManifestRecord implements ManifestAttributes {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private final Map<String, String> raw;

    ManifestRecord(Map<String, String> raw) {
        this.raw = Collections.unmodifiableMap(raw);
    }

    /**
     * A builder of a record, attributes in the order added.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Attribute names in file order (a new list). */
    @Override
    public List<String> names() {
        return new ArrayList<>(raw.keySet());
    }

    /**
     * Name to raw JSON value, in file order.
     *
     * @return an unmodifiable map from attribute name to the value's JSON text, iterating in file order
     */
    public Map<String, String> rawValues() {
        return raw;
    }

    /** True if the record has attribute {@code name}. */
    @Override
    public boolean has(String name) {
        return raw.containsKey(name);
    }

    /** The raw JSON text of an attribute's value, or null. */
    @Override
    public String raw(String name) {
        return raw.get(name);
    }

    /**
     * The attribute as SageMaker streams it in Pipe mode: a JSON string's content, or the JSON text of any other
     * value (a number {@code 1} streams as {@code "1"}). Null if absent.
     */
    @Override
    public String text(String name) {
        String r = raw.get(name);
        if (r == null || r.isEmpty() || r.charAt(0) != '"') {
            return r;
        }
        byte[] b = r.getBytes(StandardCharsets.UTF_8);
        return stringContent(b, 0, b.length);
    }

    /** The content of the JSON string {@code b[off, off+len)}. */
    static String stringContent(byte[] b, int off, int len) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), b, off, len)) {
            p.nextToken();
            return p.getString();
        }
    }

    /** True if the attribute's value is a JSON string. */
    @Override
    public boolean isString(String name) {
        String r = raw.get(name);
        return r != null && !r.isEmpty() && r.charAt(0) == '"';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManifestRecord m && new ArrayList<>(raw.entrySet()).equals(new ArrayList<>(m.raw.entrySet()));
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "ManifestRecord" + raw;
    }

    /** Builds a record attribute by attribute, in order. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> raw = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * An attribute with raw JSON text as its value (checked to be exactly one JSON value on one line).
         *
         * @param name the attribute name
         * @param json the value as JSON text: exactly one JSON value without line breaks
         * @return this builder
         */
        public Builder raw(String name, String json) {
            RawJson.requireSingleValue(json, name);
            return put(name, json);
        }

        /**
         * A string attribute.
         *
         * @param name the attribute name
         * @param value the string value, JSON-escaped when written
         * @return this builder
         */
        public Builder string(String name, String value) {
            return put(name, quote(value));
        }

        /**
         * An integer attribute.
         *
         * @param name the attribute name
         * @param value the integer value
         * @return this builder
         */
        public Builder number(String name, long value) {
            return put(name, Long.toString(value));
        }

        /**
         * An array-of-integers attribute.
         *
         * @param name the attribute name
         * @param values the array elements in order; copied
         * @return this builder
         */
        public Builder numbers(String name, long... values) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < values.length; i++) {
                sb.append(i > 0 ? ", " : "").append(values[i]);
            }
            return put(name, sb.append(']').toString());
        }

        private Builder put(String name, String json) {
            Objects.requireNonNull(name, "name");
            if (raw.putIfAbsent(name, json) != null) {
                throw new IllegalArgumentException("attribute \"" + name + "\" given twice");
            }
            return this;
        }

        /**
         * The record (the builder may be reused).
         *
         * @return a new record holding the attributes added so far
         */
        public ManifestRecord build() {
            return new ManifestRecord(new LinkedHashMap<>(raw));
        }
    }

    static String quote(String s) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        io.mlformats.jsonlines.internal.JsonTextWriter out = new io.mlformats.jsonlines.internal.JsonTextWriter(bytes);
        out.string(s);
        return new String(out.buffer(), 0, out.size(), StandardCharsets.UTF_8);
    }
}
