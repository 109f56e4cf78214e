package io.mlformats.manifest;

import io.mlformats.core.ReadLimits;
import io.mlformats.core.ByteSources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadOptions;
import io.mlformats.testkit.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ManifestGoldenTest {

    @Test
    void groundTruthTextClassification() throws IOException {
        JsonNode side = Golden.json("jsonlines/manifest/groundtruth_text_classification.manifest.expected.json")
                .get("expected");
        List<String> names = new ArrayList<>();
        side.get("attribute_names").forEach(n -> names.add(n.asString()));
        Path file = Golden.path("jsonlines/manifest/groundtruth_text_classification.manifest");
        JsonNode stream = side.get("pipe_stream_records_in_order");
        ManifestReadOptions o = new ManifestReadOptions(ReadOptions.defaults()
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT), names, true);
        try (AugmentedManifestReader r = AugmentedManifestReader.open(file, o)) {
            for (int i = 0; i < 2; i++) {
                assertTrue(r.next());
                assertEquals(List.of(stream.get(i).get(0).asString(), stream.get(i).get(1).asString()),
                        r.currentStreamed());
            }
            ManifestRecord line1 = null;
            assertFalse(r.next());
            FormatException e = r.stats().errors().get(0);
            assertEquals(stream.get(2).get("line").longValue(), e.position().line());
            assertTrue(e.detail().startsWith("ATTRIBUTE_MISSING"), e.getMessage());
            assertTrue(e.detail().contains("source-ref"), e.getMessage());
        }
        // every line read without AttributeNames; metadata kept intact and typed
        List<ManifestRecord> all = new ArrayList<>();
        try (AugmentedManifestReader r = AugmentedManifestReader.open(file, ManifestReadOptions.any())) {
            while (r.next()) {
                all.add(r.current().copy());
            }
        }
        assertEquals(3, all.size());
        assertEquals(List.of("mood", "source", "extra", "mood-metadata"), all.get(1).names(), "file order");
        LabelMetadata m1 = LabelMetadata.parse(all.get(0).raw(side.get("metadata_objects").get("line1").asString()));
        assertEquals("positive", m1.className());
        assertEquals(0.8, m1.confidence());
        assertEquals("groundtruth/text-classification", m1.type());
        assertEquals("label-sentiment", m1.jobName());
        assertEquals(true, m1.humanAnnotated());
        assertEquals("2020-10-18T22:18:13.527256", m1.creationDate());
        LabelMetadata m3 = LabelMetadata.parse(all.get(2).raw("mood-metadata"));
        assertEquals(Map.of("1", "positive", "0", "negative"), m3.classMap());
        assertEquals(Map.of("1", 0.95, "0", 0.77), m3.confidenceMap());
        assertEquals("groundtruth/text-classification-multilabel", m3.type());
        assertEquals("[1, 0]", all.get(2).raw("mood"));
        // written back byte for byte (CRLF becomes LF)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AugmentedManifestWriter w = AugmentedManifestWriter.open(out, ManifestWriteOptions.defaults())) {
            for (ManifestRecord r : all) {
                w.write(r);
            }
            w.commit();
        }
        String original = new String(Golden.bytes("jsonlines/manifest/groundtruth_text_classification.manifest"),
                java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(original, out.toString(java.nio.charset.StandardCharsets.UTF_8));
        // naming rules
        assertThrows(IllegalArgumentException.class, () -> LabelMetadata.checkLabelAttributeName("a-metadata", false));
        assertThrows(IllegalArgumentException.class, () -> LabelMetadata.checkLabelAttributeName("a-ref", false));
        LabelMetadata.checkLabelAttributeName("a-ref", true);
    }

    @Test
    void realGroundTruthOutput() throws IOException {
        Path file = Golden.path("jsonlines/real/groundtruth_output_featurestore.manifest");
        try (AugmentedManifestReader r = AugmentedManifestReader.open(file, ManifestReadOptions.any())) {
            assertTrue(r.next());
            assertEquals("s3://AWSDOC-EXAMPLE-BUCKET/example_image.jpg", r.current().text("source-ref"));
            assertEquals("0", r.current().text("species"), "label values are strings");
            assertTrue(r.current().isString("species"));
            LabelMetadata m = LabelMetadata.parse(r.current().raw("species-metadata"));
            assertEquals("dog", m.className());
            assertEquals(0.0, m.confidence());
            assertTrue(r.current().raw("species-metadata").contains("\"confidence\": 0.00"), "raw kept verbatim");
            assertTrue(r.next());
            assertEquals(List.of("The food was delicious", "1"), r.current().streamed(List.of("source", "mood")));
            assertFalse(r.next());
        }
    }

    @Test
    void groundTruthLimits() throws IOException {
        String longValue = "x".repeat(ManifestReadOptions.GROUND_TRUTH_MAX_ATTRIBUTE_CHARS + 1);
        byte[] line = ("{\"source\": \"" + longValue + "\"}\n{\"$bad\": 1}\n{\"a-ref\": 3}\n").getBytes();
        ManifestReadOptions o = ManifestReadOptions.any().withGroundTruthLimits(true)
                .withRead(ReadOptions.defaults().withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
        try (AugmentedManifestReader r = AugmentedManifestReader.open(ByteSources.stream(new java.io.ByteArrayInputStream(line), "m", ReadLimits.defaults()), o)) {
            assertFalse(r.next());
            List<String> codes = r.stats().errors().stream().map(e -> e.detail().split(":")[0]).toList();
            assertEquals(List.of("ATTRIBUTE_TOO_LONG", "INVALID_ATTRIBUTE_NAME", "REF_NOT_S3_URI"), codes);
        }
    }
}
