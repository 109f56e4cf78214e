package io.mlformats.jsonlines.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.text.NumberParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Typed reading of JSON values from a Jackson parser over a byte array, for the request/response documents and
 * the less hot record types: numbers are decoded from the original bytes with {@link NumberParser}, so
 * {@code -0} keeps its sign and every value is correctly rounded. Errors are {@link FormatException}s positioned
 * through a {@link JsonSite}. Not thread-safe.
 */
public final class JsonValues {
    private final JsonParsers parsers;
    private final NumberParser numbers = new NumberParser();
    private final byte[] bytes;
    private final int base;
    private JsonSite site;

    /** Values of the parser over {@code bytes}, whose offset 0 is {@code bytes[base]}. */
    public JsonValues(JsonParsers parsers, byte[] bytes, int base, JsonSite site) {
        this.parsers = parsers;
        this.bytes = bytes;
        this.base = base;
        this.site = site;
    }

    /** Reads one JSON value, whose first token is {@code t}. */
    @FunctionalInterface
    public interface ValueReader<T> {
        T read(JsonParser p, JsonToken t, JsonValues values) throws FormatException;
    }

    /** Values of a whole in-memory JSON document, under the default limits. */
    public static JsonValues document(byte[] json, String name) {
        return new JsonValues(new JsonParsers(io.mlformats.core.ReadLimits.defaults()), json, 0,
                JsonSite.document(name));
    }

    /** Parses {@code b[from, to)} as exactly one JSON value (a JSON Lines record) with {@code reader}. */
    public static <T> T readLine(JsonParsers parsers, byte[] b, int from, int to, JsonSite site,
                                 ValueReader<T> reader) throws FormatException {
        JsonValues values = new JsonValues(parsers, b, from, site);
        try (JsonParser p = values.open(to - from)) {
            T value = reader.read(p, values.next(p), values);
            parsers.expectEnd(p, site);
            return value;
        }
    }

    /** Reads a whole stream into memory, refusing more than {@code maxBytes} before allocating more. */
    public static byte[] readAll(InputStream in, String name, int maxBytes) throws IOException {
        byte[] buf = new byte[8192];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (buf.length >= maxBytes) {
                    throw new LimitExceededException(JsonSite.document(name).at(n), "maxRecordBytes", maxBytes,
                            "a JSON document of more than " + maxBytes + " bytes");
                }
                buf = java.util.Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxBytes));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return java.util.Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    public JsonSite site() {
        return site;
    }

    public void site(JsonSite s) {
        this.site = s;
    }

    public JsonParsers parsers() {
        return parsers;
    }

    public JsonToken next(JsonParser p) throws FormatException {
        return parsers.next(p, site);
    }

    public FormatException error(JsonParser p, String detail) {
        return new FormatException(site.at(p.currentTokenLocation()), detail);
    }

    /** Fails unless {@code t} is {@code expected}. */
    public void expect(JsonParser p, JsonToken t, JsonToken expected, String what) throws FormatException {
        if (t != expected) {
            throw error(p, "found " + JsonParsers.describe(t) + " for " + what + ", expected "
                    + JsonParsers.describe(expected));
        }
    }

    /**
     * Advances to the next field of the object being read: returns its name with the parser on its value
     * ({@code p.currentToken()}), or null at the end of the object.
     */
    public String nextField(JsonParser p) throws FormatException {
        if (next(p) == JsonToken.END_OBJECT) {
            return null;
        }
        String name = p.currentName();
        next(p);
        return name;
    }

    /**
     * An array of records (request instances, predictions) whose first token is {@code t}: each element is read
     * by {@code reader} with the site's record index set to the element's index, so errors name it.
     */
    public <T> List<T> records(JsonParser p, JsonToken t, String what, ValueReader<T> reader)
            throws FormatException {
        expect(p, t, JsonToken.START_ARRAY, what);
        JsonSite outer = site;
        List<T> out = new ArrayList<>();
        while ((t = next(p)) != JsonToken.END_ARRAY) {
            site = outer.withRecord(out.size());
            out.add(reader.read(p, t, this));
        }
        site = outer;
        return out;
    }

    /** The number at the current token as a double, from the original bytes. */
    public double number(JsonParser p, String what) throws FormatException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(p, "found " + JsonParsers.describe(t) + " in " + what + ", expected a number");
        }
        int at = (int) p.currentTokenLocation().getByteOffset();
        double d = numbers.parseDouble(bytes, base + at, p.getTextLength());
        if (numbers.status() != NumberParser.OK) {
            throw error(p, "found " + p.getText() + " in " + what + ", which is outside the float64 range");
        }
        return d;
    }

    /** The integer at the current token. */
    public long integer(JsonParser p, String what) throws FormatException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw error(p, "found " + describeValue(p, t) + " in " + what + ", expected an integer");
        }
        int at = (int) p.currentTokenLocation().getByteOffset();
        long v = numbers.parseLong(bytes, base + at, p.getTextLength());
        if (numbers.status() != NumberParser.OK) {
            throw error(p, "found " + JsonParsers.numberText(p) + " in " + what + ", which is outside the int64 range");
        }
        return v;
    }

    /** An array of numbers; {@code t} is the current token. */
    public double[] doubles(JsonParser p, JsonToken t, String what) throws FormatException {
        expect(p, t, JsonToken.START_ARRAY, what);
        double[] out = new double[16];
        int n = 0;
        while ((t = next(p)) != JsonToken.END_ARRAY) {
            if (n == out.length) {
                limit(p, n);
                out = java.util.Arrays.copyOf(out, n * 2);
            }
            out[n++] = number(p, what);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** An array of arrays of numbers. */
    public double[][] doubleRows(JsonParser p, JsonToken t, String what) throws FormatException {
        expect(p, t, JsonToken.START_ARRAY, what);
        List<double[]> rows = new ArrayList<>();
        while ((t = next(p)) != JsonToken.END_ARRAY) {
            limit(p, rows.size());
            rows.add(doubles(p, t, what));
        }
        return rows.toArray(new double[0][]);
    }

    /** An array of strings. */
    public List<String> strings(JsonParser p, JsonToken t, String what) throws FormatException {
        expect(p, t, JsonToken.START_ARRAY, what);
        List<String> out = new ArrayList<>();
        while ((t = next(p)) != JsonToken.END_ARRAY) {
            limit(p, out.size());
            out.add(string(p, t, what));
        }
        return out;
    }

    public String string(JsonParser p, JsonToken t, String what) throws FormatException {
        if (t != JsonToken.VALUE_STRING) {
            throw error(p, "found " + JsonParsers.describe(t) + " for " + what + ", expected a string");
        }
        try {
            return p.getString();
        } catch (JacksonException e) {
            throw parsers.translate(e, site, p);
        }
    }

    /** Skips the value at {@code t}. */
    public void skip(JsonParser p) throws FormatException {
        parsers.skip(p, site);
    }

    /** Raw JSON text of the value at the current token (which is consumed). */
    public String raw(JsonParser p) throws FormatException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        int end = skipRaw(p);
        return new String(bytes, base + start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Consumes the value at the current token; returns the parser offset just past its text. */
    public int skipRaw(JsonParser p) throws FormatException {
        JsonToken t = p.currentToken();
        try {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else {
                p.finishToken();
            }
        } catch (JacksonException e) {
            throw parsers.translate(e, site, p);
        }
        return (int) p.currentLocation().getByteOffset();
    }

    private void limit(JsonParser p, int n) throws FormatException {
        int max = parsers.limits().maxArrayElements();
        if (n >= max) {
            throw new LimitExceededException(site.at(p.currentTokenLocation()), "maxArrayElements", max,
                    "an array of more than " + max + " values");
        }
    }

    public static String describeValue(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s;
            try {
                s = p.getString();
            } catch (JacksonException e) {
                // Jackson decodes a string only when asked: bad UTF-8 or a raw control character fails here, while
                // an error about the value is being written (fuzzing finding F4).
                return "a malformed string (" + e.getOriginalMessage() + ")";
            }
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return JsonParsers.describe(t);
    }

    /** Opens a parser over the whole byte array, translating errors. */
    public JsonParser open() throws FormatException {
        return open(bytes.length - base);
    }

    /** Opens a parser over {@code length} bytes from the base, translating errors. */
    public JsonParser open(int length) throws FormatException {
        try {
            return parsers.open(bytes, base, length);
        } catch (JacksonException e) {
            throw parsers.translate(e, site);
        }
    }
}
