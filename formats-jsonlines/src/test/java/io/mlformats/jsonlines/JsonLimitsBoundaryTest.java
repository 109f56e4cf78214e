package io.mlformats.jsonlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.core.ByteSources;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.RecordReader;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * JSON Lines limits at limit - 1, limit and limit + 1 in every JSON Lines reader: the value equal to the limit is
 * read, one more is a {@link LimitExceededException} on line 1. Nesting counts the line's object as depth 1.
 */
class JsonLimitsBoundaryTest {
    private static final int DEPTH = 10;
    private static final int ELEMENTS = 20;

    private interface Opener {
        RecordReader<?> open(byte[] line, ReadOptions read) throws IOException;
    }

    private static final Opener DEEPAR = (b, r) -> DeepArReader.open(ByteSources.of(b, "d").input(),
            DeepArReadOptions.training().withRead(r).withKeepExtraFields(true));
    private static final Opener OBJECT2VEC = (b, r) -> Object2VecReader.open(ByteSources.of(b, "o").input(),
            Object2VecReadOptions.defaults().withRead(r));
    private static final Opener MANIFEST = (b, r) -> AugmentedManifestReader.open(ByteSources.of(b, "m").input(),
            ManifestReadOptions.any().withRead(r));
    private static final Opener BLAZINGTEXT = (b, r) -> BlazingTextReader.open(ByteSources.of(b, "b").input(),
            BlazingTextReadOptions.supervised().withRead(r));

    /** {@code [[...[1]...]]}: an array value nested {@code n - 1} deep inside the line's object. */
    private static String nested(int depth) {
        return "[".repeat(depth - 1) + "1" + "]".repeat(depth - 1);
    }

    @Test
    void maxNestingDepthIsInclusiveInEveryJsonReader() throws IOException {
        ReadLimits limits = ReadLimits.builder().maxNestingDepth(DEPTH).build();
        for (ReadMode mode : ReadMode.values()) {
            ReadOptions read = ReadOptions.defaults().withMode(mode).withLimits(limits);
            check(DEEPAR, read, "maxNestingDepth", DEPTH,
                    d -> "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2], \"x\": " + nested(d) + "}");
            check(OBJECT2VEC, read, "maxNestingDepth", DEPTH,
                    d -> "{\"label\": 1, \"in0\": [1], \"in1\": [2], \"x\": " + nested(d) + "}");
            check(MANIFEST, read, "maxNestingDepth", DEPTH,
                    d -> "{\"source\": \"a\", \"x\": " + nested(d) + "}");
        }
    }

    @Test
    void maxArrayElementsIsInclusiveInEveryJsonReader() throws IOException {
        ReadLimits limits = ReadLimits.builder().maxArrayElements(ELEMENTS).build();
        ReadOptions read = ReadOptions.defaults().withLimits(limits);
        check(DEEPAR, read, "maxArrayElements", ELEMENTS,
                n -> "{\"start\": \"2020-01-01 00:00:00\", \"target\": " + numbers(n) + "}");
        check(DEEPAR, read, "maxArrayElements", ELEMENTS,
                n -> "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2], \"cat\": " + numbers(n) + "}");
        check(DEEPAR, read, "maxArrayElements", ELEMENTS,
                n -> "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2], \"dynamic_feat\": [" + numbers(2)
                        + ", [3, 4]".repeat(n - 1) + "]}");
        check(OBJECT2VEC, read, "maxArrayElements", ELEMENTS,
                n -> "{\"label\": 1, \"in0\": " + numbers(n) + ", \"in1\": [2]}");
        check(BLAZINGTEXT, read, "maxArrayElements", ELEMENTS,
                n -> "__label__1" + " w".repeat(n - 1));
    }

    @Test
    void maxLineBytesIsInclusiveForJsonLines() throws IOException {
        int limit = 60;
        ReadOptions read = ReadOptions.defaults().withLimits(ReadLimits.builder().maxLineBytes(limit).build());
        // {"source": "aaa"} padded with spaces to n bytes.
        check(MANIFEST, read, "maxLineBytes", limit, n -> "{\"source\": \"a\"}" + " ".repeat(n - 15));
    }

    private static String numbers(int n) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < n; i++) {
            j.add(Integer.toString(i % 7));
        }
        return j.toString();
    }

    private static void check(Opener opener, ReadOptions read, String limitName, int limit, IntFunction<String> line)
            throws IOException {
        for (int n : new int[] {limit - 1, limit, limit + 1}) {
            byte[] b = (line.apply(n) + "\n").getBytes(StandardCharsets.UTF_8);
            String what = limitName + " " + n + " " + read.mode() + ": " + line.apply(n);
            try (RecordReader<?> r = opener.open(b, read)) {
                if (n <= limit) {
                    assertTrue(r.next(), what);
                    assertFalse(r.next(), what);
                } else {
                    LimitExceededException e = assertThrows(LimitExceededException.class, r::next, what);
                    assertEquals(limitName, e.limitName(), what);
                    assertEquals(limit, e.limitValue(), what);
                    assertEquals(1, e.position().line(), what);
                }
            }
        }
    }
}
