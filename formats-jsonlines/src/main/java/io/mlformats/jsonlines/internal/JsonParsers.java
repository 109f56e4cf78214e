package io.mlformats.jsonlines.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Jackson 3 streaming parsers configured from our {@link ReadLimits}, and the translation of Jackson's
 * (unchecked) errors into {@link FormatException}s with our positions. One instance per reader; the factory
 * inside is thread-safe, the parsers it makes are not.
 */
public final class JsonParsers {
    private final JsonFactory factory;
    private final ReadLimits limits;

    public JsonParsers(ReadLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(Math.max(1, limits.maxLineBytes()))
                .maxNameLength(Math.max(1, Math.min(limits.maxLineBytes(), 50_000)))
                .build();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public ReadLimits limits() {
        return limits;
    }

    /** A parser over {@code b[off, off+len)}; offsets in its locations are relative to {@code off}. */
    public JsonParser open(byte[] b, int off, int len) {
        return factory.createParser(ObjectReadContext.empty(), b, off, len);
    }

    /** Translates a Jackson error into ours, positioned in {@code site}. */
    public FormatException translate(JacksonException e, JsonSite site) {
        if (e instanceof StreamConstraintsException) {
            String msg = e.getOriginalMessage();
            String name = msg != null && msg.contains("nesting depth") ? "maxNestingDepth" : "maxLineBytes";
            long value = name.equals("maxNestingDepth") ? limits.maxNestingDepth() : limits.maxLineBytes();
            return new LimitExceededException(site.at(e.getLocation()), name, value,
                    "JSON " + (name.equals("maxNestingDepth") ? "nesting" : "token") + " (" + msg + ")");
        }
        return new FormatException(site.at(e.getLocation()),
                "INVALID_JSON: " + e.getOriginalMessage() + " (expected one valid JSON value)", e);
    }

    /** Reads the next token, translating Jackson's errors. */
    public JsonToken next(JsonParser p, JsonSite site) throws FormatException {
        try {
            return p.nextToken();
        } catch (JacksonException e) {
            throw translate(e, site);
        }
    }

    /** Skips the value at the current token (children of a container), translating errors. */
    public void skip(JsonParser p, JsonSite site) throws FormatException {
        try {
            p.skipChildren();
        } catch (JacksonException e) {
            throw translate(e, site);
        }
    }

    /** Fails unless the parser has nothing after the value it finished (one JSON value per line). */
    public void expectEnd(JsonParser p, JsonSite site) throws FormatException {
        JsonToken t = next(p, site);
        if (t != null) {
            throw new FormatException(site.at(p.currentTokenLocation()),
                    "INVALID_JSON: found " + describe(t) + " after the end of the object, expected the end of the"
                            + " line (one JSON object per line)");
        }
    }

    /** Words for a token in messages. */
    public static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case END_ARRAY -> "the end of an array";
            case END_OBJECT -> "the end of an object";
            case PROPERTY_NAME -> "a property name";
            default -> t.toString();
        };
    }
}
