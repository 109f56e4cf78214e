package io.mlformats.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadOptions;
import io.mlformats.jsonlines.Generators;
import io.mlformats.testkit.Golden;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link AugmentedManifestReader}'s reused {@link ManifestRecordView}: its accessors against the golden files'
 * sidecars and {@code copy()}, verbatim copying through the writer, and the in-place scanner against the
 * Jackson-only path as the oracle (the same record, or the same error at the same position).
 */
class ManifestRecordViewTest {
    private static final int CASES = 3000;

    @Test
    void goldenViewAccessors() throws IOException {
        JsonNode side = Golden.json("jsonlines/manifest/groundtruth_text_classification.manifest.expected.json")
                .get("expected");
        Path file = Golden.path("jsonlines/manifest/groundtruth_text_classification.manifest");
        String metadataName = side.get("metadata_objects").get("line1").asString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AugmentedManifestReader r = AugmentedManifestReader.open(file, ManifestReadOptions.any());
             AugmentedManifestWriter w = AugmentedManifestWriter.open(out, ManifestWriteOptions.defaults())) {
            assertTrue(r.next());
            ManifestRecordView v = r.current();
            assertTrue(v.has(metadataName));
            assertEquals("positive", LabelMetadata.parse(v.raw(metadataName)).className());
            String raw = v.raw(metadataName);
            int i = v.indexOf(metadataName);
            assertEquals(raw, new String(v.buffer(), v.valueStart(i), v.valueEnd(i) - v.valueStart(i),
                    StandardCharsets.UTF_8));
            assertEquals(v.copy().rawValues(), copyOf(v));
            w.write(v);
            assertTrue(r.next());
            assertSame(v, r.current(), "one view for every line");
            assertEquals(List.of("mood", "source", "extra", "mood-metadata"), v.names(), "file order");
            assertEquals(4, v.attributeCount());
            assertEquals("extra", v.name(2));
            assertThrows(IndexOutOfBoundsException.class, () -> v.name(4));
            assertEquals(v.copy().text("source"), v.text("source"));
            assertTrue(v.isString("source"));
            assertFalse(v.has("nope"));
            assertNull(v.raw("nope"));
            assertNull(v.text("nope"));
            w.write(v);
            assertTrue(r.next());
            assertEquals("[1, 0]", v.raw("mood"));
            assertEquals("[1, 0]", v.text("mood"), "a non-string streams as its JSON text");
            assertFalse(v.isString("mood"));
            w.write(v.copy());
            assertFalse(r.next());
            assertThrows(IllegalStateException.class, r::current);
            w.commit();
        }
        String original = new String(Golden.bytes("jsonlines/manifest/groundtruth_text_classification.manifest"),
                StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(original, out.toString(StandardCharsets.UTF_8), "views written back byte for byte");
    }

    @Test
    void realFileAndStreamedOrder() throws IOException {
        Path file = Golden.path("jsonlines/real/groundtruth_output_featurestore.manifest");
        try (AugmentedManifestReader r = AugmentedManifestReader.open(file, ManifestReadOptions.any())) {
            assertTrue(r.next());
            ManifestRecordView v = r.current();
            assertEquals("s3://AWSDOC-EXAMPLE-BUCKET/example_image.jpg", v.text("source-ref"));
            assertEquals("0", v.text("species"));
            assertTrue(v.raw("species-metadata").contains("\"confidence\": 0.00"), "raw kept verbatim");
            assertEquals(v.copy(), r.current().copy());
            assertEquals(v.names(), v.copy().names());
            assertTrue(r.next());
            assertEquals(List.of("The food was delicious", "1"), v.streamed(List.of("source", "mood")));
            assertEquals(v.copy().streamed(v.names()), r.currentStreamed());
        }
    }

    @Test
    void escapesAndUnicodeAreScannedAndDecoded() throws IOException {
        byte[] line = "{\"source\": \"caf\u00e9 \\\"q\\\" \\u00e9\\n \ud83d\ude00\", \"label\": [1, {\"a\": true}]}\n"
                .getBytes(StandardCharsets.UTF_8);
        try (AugmentedManifestReader r = AugmentedManifestReader.open(ByteSources.of(line, "u").input(),
                ManifestReadOptions.attributes("source", "label"))) {
            assertTrue(r.next());
            assertEquals("caf\u00e9 \"q\" \u00e9\n \ud83d\ude00", r.current().text("source"));
            assertEquals("[1, {\"a\": true}]", r.current().raw("label"));
        }
    }

    private static java.util.Map<String, String> copyOf(ManifestRecordView v) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < v.attributeCount(); i++) {
            m.put(v.name(i), v.raw(i));
        }
        return m;
    }

    record Outcome(ManifestRecord record, String error, long offset) {
    }

    static Outcome read(byte[] line, ManifestReadOptions o, boolean scan) throws IOException {
        byte[] withNl = Arrays.copyOf(line, line.length + 1);
        withNl[line.length] = '\n';
        try (AugmentedManifestReader r = AugmentedManifestReader.open(ByteSources.of(withNl, "l").input(), o)) {
            r.scan = scan;
            if (!r.next()) {
                return new Outcome(null, "blank", -1);
            }
            ManifestRecordView v = r.current();
            ManifestRecord m = v.copy();
            assertEquals(m.rawValues(), copyOf(v));
            assertEquals(m.names(), v.names());
            for (String n : m.names()) {
                assertEquals(m.text(n), v.text(n), n);
                assertEquals(m.isString(n), v.isString(n), n);
            }
            return new Outcome(m, null, -1);
        } catch (FormatException e) {
            return new Outcome(null, e.detail(), e.position().byteOffset());
        }
    }

    private static String line(SplittableRandom r) throws IOException {
        ManifestRecord m = Generators.manifest(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AugmentedManifestWriter w = AugmentedManifestWriter.open(out, ManifestWriteOptions.defaults())) {
            w.write(m);
            w.commit();
        }
        String s = out.toString(StandardCharsets.UTF_8).trim();
        return switch (r.nextInt(10)) {
            case 0 -> s.replace("\"label\"", "\"$label\"");
            case 1 -> s.replace("}", ", \"x-ref\": \"s3:/\"}");
            case 2 -> s.substring(0, s.length() - 1) + ", \"n\": [1e400, -0.5E+3, null, false, {\"k\": {}}, []]}";
            case 3 -> s.replace("\"source\"", "\"s\\u006furce\"");
            case 4 -> s.substring(0, s.length() - 1) + ", \"source\": 1}";
            case 5 -> s.substring(0, s.length() - 1) + ", \"deep\": " + "[".repeat(70) + "]".repeat(70) + "}";
            case 6 -> s.substring(0, s.length() - 1) + ", \"d\": {\"a\": 1, \"a\": 2}}";
            default -> s;
        };
    }

    @Test
    void scannerAgreesWithJackson() throws IOException {
        long base = Seeds.base();
        int accepted = 0;
        ManifestReadOptions[] options = {ManifestReadOptions.any(),
            ManifestReadOptions.attributes("source", "label").withGroundTruthLimits(true),
            ManifestReadOptions.any().withRead(ReadOptions.defaults().withLimits(
                    ReadLimits.builder().maxNestingDepth(3).build()))};
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            byte[] line = line(r).getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(3) == 0) {
                line = Generators.mutate(r, line);
            }
            ManifestReadOptions o = options[r.nextInt(options.length)];
            Outcome fast = read(line, o, true);
            Outcome jackson = read(line, o, false);
            assertEquals(jackson, fast, Seeds.describe(base, c) + ": " + new String(line, StandardCharsets.UTF_8));
            if (fast.record() != null) {
                accepted++;
            }
        }
        if (accepted < CASES / 3) {
            fail("too few valid lines: " + accepted);
        }
    }
}
