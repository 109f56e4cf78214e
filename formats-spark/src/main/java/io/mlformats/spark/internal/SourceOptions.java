package io.mlformats.spark.internal;

import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The options of one read or write of a data source, keys matched case-insensitively as Spark does. Values are
 * parsed on demand; a bad value is an {@link IllegalArgumentException} naming the source, the option, what was
 * given and what is accepted. Immutable and serializable (it travels to executors inside reader functions).
 */
public final class SourceOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final TreeMap<String, String> values;

    private SourceOptions(String source, Map<String, String> values) {
        this.source = source;
        this.values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.values.putAll(values);
    }

    /**
     * Options from a Java map.
     *
     * @param source the data source's short name, used in messages
     * @param values the options as given
     * @return the options
     */
    public static SourceOptions of(String source, Map<String, String> values) {
        return new SourceOptions(source, values);
    }

    /**
     * Options from the Scala map Spark passes to a {@code FileFormat}; walks its iterator, so the same code serves
     * Scala 2.12 and 2.13.
     *
     * @param source the data source's short name, used in messages
     * @param options Spark's options
     * @return the options
     */
    public static SourceOptions of(String source, scala.collection.Map<String, String> options) {
        TreeMap<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        scala.collection.Iterator<scala.Tuple2<String, String>> it = options.iterator();
        while (it.hasNext()) {
            scala.Tuple2<String, String> e = it.next();
            map.put(e._1(), e._2());
        }
        return new SourceOptions(source, map);
    }

    /** @return the data source's short name */
    public String source() {
        return source;
    }

    /** @return all options, keys case-insensitive, read-only */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Whether the option was given.
     *
     * @param name the option
     * @return true if present
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * A string option.
     *
     * @param name the option
     * @param defaultValue returned when absent
     * @return the value
     */
    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /**
     * A boolean option: {@code true} or {@code false}, any case.
     *
     * @param name the option
     * @param defaultValue returned when absent
     * @return the value
     */
    public boolean bool(String name, boolean defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw bad(name, v, "true or false");
    }

    /**
     * An integer option.
     *
     * @param name the option
     * @param defaultValue returned when absent
     * @return the value
     */
    public long integer(String name, long defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw bad(name, v, "an integer");
        }
    }

    /**
     * An option with a fixed set of values, matched case-insensitively against the enum constants' names
     * (ignoring '_' and '-').
     *
     * @param <E> the enum
     * @param name the option
     * @param type the enum class
     * @param defaultValue returned when absent
     * @return the value
     */
    public <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        String key = normalise(v);
        StringBuilder accepted = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (normalise(e.name()).equals(key)) {
                return e;
            }
            accepted.append(accepted.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw bad(name, v, "one of " + accepted);
    }

    /**
     * The error for a bad value, for checks this class does not make.
     *
     * @param name the option
     * @param value the value given
     * @param expected what is accepted
     * @return the exception to throw
     */
    public IllegalArgumentException bad(String name, String value, String expected) {
        return new IllegalArgumentException(
                source + ": option '" + name + "' must be " + expected + ", got '" + value + "'");
    }

    private static String normalise(String s) {
        return s.trim().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
