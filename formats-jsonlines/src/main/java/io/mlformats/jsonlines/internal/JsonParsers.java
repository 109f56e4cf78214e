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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jackson 3 streaming parsers configured from our {@link ReadLimits}, and the translation of Jackson's
 * (unchecked) errors into {@link FormatException}s with our positions.
 *
 * <p>One {@link JsonFactory} is shared by every reader with the same limits: factories are thread-safe and are
 * kept in a static cache keyed by the limits Jackson enforces (the default limits' factory is made once, eagerly).
 * Jackson's limit violations are recognised by type, never by message text: the factory's
 * {@link StreamReadConstraints} is our subclass, which turns each Jackson check into a {@link Violation} naming
 * our limit. Limits: nesting depth {@code maxNestingDepth}; string, property-name, document length and token count
 * bounded by {@code maxLineBytes}; numbers by {@code maxNumberLength} ({@value #MAX_NUMBER_LENGTH} characters,
 * Jackson's default, which keeps big-number parsing linear). Instances are immutable; the parsers they make are
 * not thread-safe.
 */
public final class JsonParsers {
    /** The longest number text accepted (characters), reported as limit {@code maxNumberLength}. */
    public static final int MAX_NUMBER_LENGTH = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;
    private static final String NUMBER_LIMIT = "maxNumberLength";
    private static final int MAX_CACHED = 64;
    private static final ConcurrentHashMap<Long, JsonFactory> FACTORIES = new ConcurrentHashMap<>();
    private static final JsonFactory DEFAULT = factory(ReadLimits.defaults());

    private final JsonFactory factory;
    private final ReadLimits limits;

    /** Parsers bounded by {@code limits}, from the shared factory for them. */
    public JsonParsers(ReadLimits limits) {
        this.limits = limits;
        this.factory = factory(limits);
    }

    /** The shared factory for {@code limits} (made and cached on first use). */
    static JsonFactory factory(ReadLimits limits) {
        long key = ((long) limits.maxNestingDepth() << 32) | (limits.maxLineBytes() & 0xffffffffL);
        if (DEFAULT != null && limits.maxNestingDepth() == DEFAULT.streamReadConstraints().getMaxNestingDepth()
                && limits.maxLineBytes() == DEFAULT.streamReadConstraints().getMaxStringLength()) {
            return DEFAULT;
        }
        JsonFactory f = FACTORIES.get(key);
        if (f != null) {
            return f;
        }
        f = JsonFactory.builder()
                .streamReadConstraints(new NamedConstraints(limits))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        if (FACTORIES.size() < MAX_CACHED) {
            JsonFactory had = FACTORIES.putIfAbsent(key, f);
            return had != null ? had : f;
        }
        return f;   // unusual: many different limits in one JVM; do not grow the cache without bound
    }

    /** The limits these parsers enforce. */
    public ReadLimits limits() {
        return limits;
    }

    /** A parser over {@code b[off, off+len)}; offsets in its locations are relative to {@code off}. */
    public JsonParser open(byte[] b, int off, int len) {
        return factory.createParser(ObjectReadContext.empty(), b, off, len);
    }

    /** Translates a Jackson error into ours, positioned in {@code site}. */
    public FormatException translate(JacksonException e, JsonSite site) {
        if (e instanceof Violation v) {
            return new LimitExceededException(site.at(e.getLocation()), v.limit, v.value,
                    "JSON " + v.what + " (" + e.getOriginalMessage() + ")");
        }
        if (e instanceof StreamConstraintsException) {
            // A Jackson check our constraints do not name (none today): bounded by the line.
            return new LimitExceededException(site.at(e.getLocation()), "maxLineBytes", limits.maxLineBytes(),
                    "JSON token (" + e.getOriginalMessage() + ")");
        }
        return new FormatException(site.at(e.getLocation()),
                "INVALID_JSON: " + e.getOriginalMessage() + " (expected one valid JSON value)", e);
    }

    /**
     * Translates a Jackson error raised while {@code p} read a token. Jackson raises a number longer than
     * {@value #MAX_NUMBER_LENGTH} characters without a location and in words naming its own Java method; this
     * says "number too long" at the token the parser had reached (the number's key, or the value before it in an
     * array), still as limit {@code maxNumberLength}.
     *
     * @param e    the error
     * @param site where the line being parsed is
     * @param p    the parser that raised {@code e}
     * @return the error to throw
     */
    public FormatException translate(JacksonException e, JsonSite site, JsonParser p) {
        if (e instanceof Violation v && v.limit.equals(NUMBER_LIMIT)) {
            String of = p.currentToken() == JsonToken.PROPERTY_NAME ? "the value of \"" + p.currentName() + "\" is "
                    : "";
            return new LimitExceededException(site.at(p.currentTokenLocation()), NUMBER_LIMIT, MAX_NUMBER_LENGTH,
                    "number too long: " + of + "a JSON number of more than " + MAX_NUMBER_LENGTH + " characters");
        }
        return translate(e, site);
    }

    /**
     * The text of the number token at {@code p} for a message: as written, or, when longer than 40 characters,
     * its start, its end and its length, so a huge number does not flood the message.
     *
     * @param p a parser at a number token
     * @return the number's text, abbreviated when long
     */
    public static String numberText(JsonParser p) {
        String t = p.getText();
        return t.length() <= 40 ? t : t.substring(0, 16) + "..." + t.substring(t.length() - 8) + " (" + t.length()
                + " characters)";
    }

    /** A Jackson limit violation that names our limit. */
    static final class Violation extends StreamConstraintsException {
        private static final long serialVersionUID = 1L;
        final String limit;
        final long value;
        final String what;

        Violation(StreamConstraintsException cause, String limit, long value, String what) {
            super(cause.getOriginalMessage(), cause.getLocation());
            this.limit = limit;
            this.value = value;
            this.what = what;
        }
    }

    /** Jackson's checks, each rethrown as a {@link Violation} naming the limit it enforces. */
    private static final class NamedConstraints extends StreamReadConstraints {
        private static final long serialVersionUID = 1L;
        private final int maxLineBytes;
        private final int maxNesting;

        NamedConstraints(ReadLimits limits) {
            super(limits.maxNestingDepth(), -1L, -1L, MAX_NUMBER_LENGTH, Math.max(1, limits.maxLineBytes()),
                    Math.max(1, limits.maxLineBytes()));
            this.maxLineBytes = limits.maxLineBytes();
            this.maxNesting = limits.maxNestingDepth();
        }

        @Override
        public void validateNestingDepth(int depth) {
            try {
                super.validateNestingDepth(depth);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, "maxNestingDepth", maxNesting, "nesting");
            }
        }

        @Override
        public void validateDocumentLength(long len) {
            try {
                super.validateDocumentLength(len);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, "maxLineBytes", maxLineBytes, "document");
            }
        }

        @Override
        public void validateTokenCount(long count) {
            try {
                super.validateTokenCount(count);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, "maxLineBytes", maxLineBytes, "token count");
            }
        }

        @Override
        public void validateFPLength(int length) {
            try {
                super.validateFPLength(length);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, NUMBER_LIMIT, MAX_NUMBER_LENGTH, "number");
            }
        }

        @Override
        public void validateIntegerLength(int length) {
            try {
                super.validateIntegerLength(length);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, NUMBER_LIMIT, MAX_NUMBER_LENGTH, "number");
            }
        }

        @Override
        public void validateBigIntegerScale(int scale) {
            try {
                super.validateBigIntegerScale(scale);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, NUMBER_LIMIT, MAX_NUMBER_LENGTH, "number");
            }
        }

        @Override
        public void validateStringLength(int length) {
            try {
                super.validateStringLength(length);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, "maxLineBytes", maxLineBytes, "string");
            }
        }

        @Override
        public void validateStringLengthLong(long length) {
            try {
                super.validateStringLengthLong(length);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, "maxLineBytes", maxLineBytes, "string");
            }
        }

        @Override
        public void validateNameLength(int length) {
            try {
                super.validateNameLength(length);
            } catch (StreamConstraintsException e) {
                throw new Violation(e, "maxLineBytes", maxLineBytes, "property name");
            }
        }
    }

    /** Reads the next token, translating Jackson's errors. */
    public JsonToken next(JsonParser p, JsonSite site) throws FormatException {
        try {
            return p.nextToken();
        } catch (JacksonException e) {
            throw translate(e, site, p);
        }
    }

    /** Skips the value at the current token (children of a container), translating errors. */
    public void skip(JsonParser p, JsonSite site) throws FormatException {
        try {
            p.skipChildren();
        } catch (JacksonException e) {
            throw translate(e, site, p);
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
