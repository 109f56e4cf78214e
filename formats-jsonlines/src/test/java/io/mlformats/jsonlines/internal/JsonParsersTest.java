package io.mlformats.jsonlines.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadOptions;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * The shared Jackson factory and the translation of Jackson's limit violations by exception type: each limit
 * Jackson enforces comes out as a {@link LimitExceededException} naming our limit and its value, whatever
 * Jackson's message says.
 */
class JsonParsersTest {
    private static final JsonSite SITE = JsonSite.document("t");

    /** Parses {@code json} to its end with {@code parsers}; returns the error. */
    private static FormatException parse(JsonParsers parsers, String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return assertThrows(FormatException.class, () -> {
            try (JsonParser p = parsers.open(b, 0, b.length)) {
                while (parsers.next(p, SITE) != null) {
                    if (p.currentToken().isScalarValue()) {
                        try {
                            p.getString();   // strings are checked when read, as the decoders read them
                        } catch (JacksonException e) {
                            throw parsers.translate(e, SITE);
                        }
                    }
                }
            }
        });
    }

    private static LimitExceededException limit(JsonParsers parsers, String json) {
        return assertInstanceOf(LimitExceededException.class, parse(parsers, json));
    }

    @Test
    void oneFactoryPerLimitsIsShared() {
        assertSame(JsonParsers.factory(ReadLimits.defaults()), JsonParsers.factory(ReadLimits.defaults()));
        ReadLimits small = ReadLimits.builder().maxNestingDepth(7).build();
        assertSame(JsonParsers.factory(small), JsonParsers.factory(ReadLimits.builder().maxNestingDepth(7).build()));
        assertNotSame(JsonParsers.factory(small), JsonParsers.factory(ReadLimits.defaults()));
        assertEquals(7, JsonParsers.factory(small).streamReadConstraints().getMaxNestingDepth());
    }

    @Test
    void nestingNamesMaxNestingDepth() {
        JsonParsers parsers = new JsonParsers(ReadLimits.builder().maxNestingDepth(4).build());
        LimitExceededException e = limit(parsers, "[[[[[[1]]]]]]");
        assertEquals("maxNestingDepth", e.limitName());
        assertEquals(4, e.limitValue());
    }

    @Test
    void stringAndNameLengthNameMaxLineBytes() {
        JsonParsers parsers = new JsonParsers(ReadLimits.builder().maxLineBytes(10).build());
        LimitExceededException s = limit(parsers, "[\"" + "x".repeat(50) + "\"]");
        assertEquals("maxLineBytes", s.limitName());
        assertEquals(10, s.limitValue());
        LimitExceededException n = limit(parsers, "{\"" + "k".repeat(50) + "\": 1}");
        assertEquals("maxLineBytes", n.limitName());
    }

    @Test
    void numberLengthNamesMaxNumberLength() {
        JsonParsers parsers = new JsonParsers(ReadLimits.defaults());
        LimitExceededException e = limit(parsers, "[" + "9".repeat(JsonParsers.MAX_NUMBER_LENGTH + 1) + "]");
        assertEquals("maxNumberLength", e.limitName());
        assertEquals(JsonParsers.MAX_NUMBER_LENGTH, e.limitValue());
        LimitExceededException f = limit(parsers, "[0." + "1".repeat(JsonParsers.MAX_NUMBER_LENGTH + 1) + "]");
        assertEquals("maxNumberLength", f.limitName());
    }

    @Test
    void syntaxErrorsAreNotLimits() {
        FormatException e = parse(new JsonParsers(ReadLimits.defaults()), "[1, }");
        assertFalse(e instanceof LimitExceededException);
        assertTrue(e.getMessage().contains("INVALID_JSON"), e.getMessage());
    }

    @Test
    void readersReportJacksonLimitsByName() throws IOException {
        String nested = "{\"source-ref\": \"s3://b/x\", \"deep\": " + "[".repeat(20) + "]".repeat(20) + "}\n";
        ReadOptions shallow = ReadOptions.defaults().withLimits(ReadLimits.builder().maxNestingDepth(8).build());
        try (AugmentedManifestReader r = AugmentedManifestReader.open(
                ByteSources.of(nested.getBytes(StandardCharsets.UTF_8)).input(),
                ManifestReadOptions.defaults().withRead(shallow))) {
            LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
            assertEquals("maxNestingDepth", e.limitName());
            assertEquals(1, e.position().line());
        }
        String longNumber = "{\"label\": " + "1".repeat(2000) + ", \"in0\": [1], \"in1\": [2]}\n";
        try (Object2VecReader r = Object2VecReader.open(
                ByteSources.of(longNumber.getBytes(StandardCharsets.UTF_8)).input(), Object2VecReadOptions.defaults())) {
            LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
            assertEquals("maxNumberLength", e.limitName());
        }
        String longArray = "{\"in0\": [1, 2, 3, 4, 5, 6], \"in1\": [2]}\n";
        ReadOptions small = ReadOptions.defaults().withLimits(ReadLimits.builder().maxArrayElements(3).build());
        try (Object2VecReader r = Object2VecReader.open(
                ByteSources.of(longArray.getBytes(StandardCharsets.UTF_8)).input(),
                Object2VecReadOptions.defaults().withRead(small))) {
            LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
            assertEquals("maxArrayElements", e.limitName());
            assertEquals(3, e.limitValue());
        }
    }

    /**
     * Issue 16, item 7: a too-long JSON number was reported in Jackson's words (naming its Java method) at the
     * line's start; it is "number too long" at the number's key. A 1000-digit number (within the limit) that no
     * float holds is quoted shortened, not in full.
     */
    @Test
    void aTooLongNumberIsLocatedAndSaidSo() throws IOException {
        String longNumber = "{\"label\": " + "1".repeat(2000) + ", \"in0\": [1], \"in1\": [2]}\n";
        try (Object2VecReader r = Object2VecReader.open(
                ByteSources.of(longNumber.getBytes(StandardCharsets.UTF_8)).input(), Object2VecReadOptions.defaults())) {
            LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
            assertTrue(e.getMessage().contains("number too long: the value of \"label\" is a JSON number of more "
                    + "than 1000 characters"), e.getMessage());
            assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
            assertEquals(1, e.position().byteOffset(), "at the number's key");
        }
        String thousand = "{\"start\": \"2020-01-01\", \"target\": [" + "1".repeat(1000) + "]}\n";
        try (io.mlformats.deepar.DeepArReader r = io.mlformats.deepar.DeepArReader.open(
                ByteSources.of(thousand.getBytes(StandardCharsets.UTF_8)).input(),
                io.mlformats.deepar.DeepArReadOptions.training())) {
            FormatException e = assertThrows(FormatException.class, r::next);
            assertTrue(e.getMessage().contains("found 1111111111111111...11111111 (1000 characters), which is outside "
                    + "the float32 range"), e.getMessage());
            assertEquals(35, e.position().byteOffset(), "at the number");
        }
    }
}
