package io.mlformats.jsonlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.blazingtext.BlazingTextInference;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.deepar.DeepArInference;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArForecastReadOptions;
import io.mlformats.deepar.DeepArForecastReader;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecInference;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Arbitrary bytes never crash a reader with anything but FormatException; limits stop hostile JSON. */
class HostileInputTest {
    private static final String SEEDS = "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, null, \"NaN\", 2.5e3],"
            + " \"cat\": [0], \"dynamic_feat\": [[1, 2, 3, 4]], \"label\": 1, \"in0\": [1], \"in1\": [2],"
            + " \"source\": \"__label__a b\", \"instances\": [], \"predictions\": [{\"mean\": [1]}]}\n";

    /** Runs every reader of the module over {@code bytes}; only IOExceptions (FormatException) may escape. */
    static void readEverything(byte[] bytes, ReadMode mode) {
        ReadOptions ro = ReadOptions.defaults().withMode(mode).withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT)
                .withLimits(ReadLimits.builder().maxLineBytes(1 << 16).maxArrayElements(10_000).build());
        run(() -> {
            try (DeepArReader r = DeepArReader.open(ByteSources.input(ByteSources.of(bytes), ro.limits()), DeepArReadOptions.training().withRead(ro).withKeepExtraFields(mode == ReadMode.LENIENT))) {
                while (r.next()) {
                    r.current().copy();
                }
            }
        });
        run(() -> {
            try (Object2VecReader r = Object2VecReader.open(ByteSources.of(bytes).input(), Object2VecReadOptions.training(Object2VecHyperparameters.classification(100, 5, 3)).withRead(ro))) {
                while (r.next()) {
                    r.current();
                }
            }
        });
        run(() -> {
            try (BlazingTextReader r = BlazingTextReader.open(ByteSources.of(bytes).input(), BlazingTextReadOptions.supervised().withRead(ro))) {
                while (r.next()) {
                    r.current().copy();
                }
            }
        });
        run(() -> {
            try (AugmentedManifestReader r = AugmentedManifestReader.open(ByteSources.of(bytes).input(), ManifestReadOptions.attributes("source").withRead(ro).withGroundTruthLimits(true))) {
                while (r.next()) {
                    r.currentStreamed();
                }
            }
        });
        run(() -> {
            try (DeepArForecastReader r = DeepArForecastReader.open(ByteSources.of(bytes).input(),
                    DeepArForecastReadOptions.defaults().withRead(ro))) {
                while (r.next()) {
                    r.current().copy();
                }
            }
        });
        run(() -> {
            try (AugmentedManifestReader r = AugmentedManifestReader.open(ByteSources.of(bytes).input(),
                    ManifestReadOptions.any().withRead(ro))) {
                while (r.next()) {
                    r.current().copy();
                }
            }
        });
        run(() -> DeepArInference.readRequest(bytes, "d", DeepArReadOptions.inference(2)));
        run(() -> DeepArInference.readResponse(bytes, "d"));
        run(() -> Object2VecInference.readRequest(bytes, "d",
                Object2VecReadOptions.inference(Object2VecHyperparameters.unchecked())));
        run(() -> Object2VecInference.readResponse(bytes, "d"));
        run(() -> BlazingTextInference.readRequest(bytes, "d"));
        run(() -> BlazingTextInference.readResponse(bytes, "d"));
    }

    interface Body {
        void run() throws IOException;
    }

    static void run(Body b) {
        try {
            b.run();
        } catch (IOException expected) {
            // FormatException and its subclasses: the only allowed failure
        }
    }

    @Test
    void arbitraryBytesAndMutations() {
        long base = Seeds.base();
        byte[] seed = SEEDS.getBytes(StandardCharsets.UTF_8);
        for (int c = 0; c < 1500; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            byte[] b;
            if (r.nextBoolean()) {
                String alphabet = "{}[]\",:0123456789.-eE nul\"NaN\n\r\t\\u\u00e9";
                b = new byte[r.nextInt(200)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = r.nextInt(10) == 0 ? (byte) r.nextInt(256) : (byte) alphabet.charAt(r.nextInt(alphabet.length()));
                }
            } else {
                b = seed.clone();
                for (int k = r.nextInt(1, 5); k > 0; k--) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            try {
                readEverything(b, r.nextBoolean() ? ReadMode.STRICT : ReadMode.LENIENT);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(Seeds.describe(base, c) + ": " + new String(b, StandardCharsets.ISO_8859_1), e);
            }
        }
    }

    @Test
    void deepNestingIsStoppedByTheLimit() throws IOException {
        String deep = "{\"start\": \"2020-01-01\", \"target\": [1], \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}\n";
        DeepArReadOptions o = DeepArReadOptions.training().withRead(ReadOptions.defaults()
                .withLimits(ReadLimits.builder().maxNestingDepth(32).build()));
        try (DeepArReader r = DeepArReader.open(ByteSources.of(deep.getBytes(StandardCharsets.UTF_8), "deep").input(), o)) {
            LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
            assertEquals("maxNestingDepth", e.limitName());
            assertEquals(1, e.position().line());
        }
    }

    @Test
    void hugeArraysAndLinesAreStoppedByLimits() throws IOException {
        StringBuilder sb = new StringBuilder("{\"start\": \"2020-01-01\", \"target\": [");
        for (int i = 0; i < 2000; i++) {
            sb.append(i > 0 ? "," : "").append(i);
        }
        byte[] line = sb.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
        DeepArReadOptions o = DeepArReadOptions.training().withRead(ReadOptions.defaults()
                .withLimits(ReadLimits.builder().maxArrayElements(1000).build()));
        try (DeepArReader r = DeepArReader.open(ByteSources.of(line, "huge").input(), o)) {
            LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
            assertEquals("maxArrayElements", e.limitName());
        }
        DeepArReadOptions shortLines = DeepArReadOptions.training().withRead(ReadOptions.defaults()
                .withLimits(ReadLimits.builder().maxLineBytes(100).build()));
        try (DeepArReader r = DeepArReader.open(ByteSources.of(line, "long").input(), shortLines)) {
            LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
            assertEquals("maxLineBytes", e.limitName());
            assertTrue(e.getMessage().contains("ReadLimits.builder().maxLineBytes"), e.getMessage());
        }
    }

    /**
     * Fuzzing finding F1 (FUZZING.md): under skip-and-collect, a damaged gzip stream failed the same read again on
     * every retry, so next() never returned (the DeepAR reproducer is the fuzzer's 19-byte input). The damage ends
     * the read with the located gzip error, and is not counted as a skipped record.
     */
    @Test
    void skipAndCollectStopsAtDamagedGzip() throws IOException {
        java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(z)) {
            gz.write("{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2]}\n".repeat(50)
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] truncated = java.util.Arrays.copyOf(z.toByteArray(), z.size() - 20);
        byte[] corrupt = {0x1f, (byte) 0x8b, 8, 0, '"', ':', ' ', '[', '1', ']', '}', '\r', '\n', 't', 'a', 't', 't', 'l'};
        ReadOptions skip = ReadOptions.defaults().withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        for (byte[] input : new byte[][] {truncated, corrupt}) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
                try (DeepArReader r = DeepArReader.open(ByteSources.input(ByteSources.of(input), skip.limits()),
                        DeepArReadOptions.training().withRead(skip))) {
                    io.mlformats.core.FormatException e = assertThrows(io.mlformats.core.FormatException.class,
                            () -> {
                                while (r.next()) {
                                    r.current();
                                }
                            });
                    assertTrue(e.getMessage().contains("gzip"), e.getMessage());
                    assertEquals(0, r.stats().skipped(), e.getMessage());
                }
                try (BlazingTextReader r = BlazingTextReader.open(ByteSources.input(ByteSources.of(input),
                        skip.limits()), BlazingTextReadOptions.word2vec().withRead(skip))) {
                    assertThrows(io.mlformats.core.FormatException.class, () -> {
                        while (r.next()) {
                            r.current();
                        }
                    });
                    assertEquals(0, r.stats().skipped());
                }
            });
        }
    }

    /**
     * Fuzzing finding F4 (FUZZING.md): a string where Object2Vec expects a list of token ids, holding bytes that
     * are not valid JSON text, escaped as Jackson's StreamReadException while the error message described it.
     */
    @Test
    void malformedStringInAnErrorMessageIsAFormatException() throws IOException {
        byte[] line = "{\"in0\": \"ab\u00ff\u0001\", \"in1\": [1]}\n{\"in0\": [2], \"in1\": [3]}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Object2VecReadOptions o = Object2VecReadOptions.inference(Object2VecHyperparameters.unchecked());
        try (Object2VecReader r = Object2VecReader.open(ByteSources.of(line).input(), o)) {
            io.mlformats.core.FormatException e = assertThrows(io.mlformats.core.FormatException.class, r::next);
            assertTrue(e.getMessage().contains("malformed string"), e.getMessage());
            assertEquals(0, e.position().recordIndex(), e.getMessage());
        }
        try (Object2VecReader r = Object2VecReader.open(ByteSources.of(line).input(),
                o.withRead(ReadOptions.defaults().withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT)))) {
            assertTrue(r.next());
            assertEquals(1, r.stats().skipped());
            assertTrue(!r.next());
        }
    }
}
