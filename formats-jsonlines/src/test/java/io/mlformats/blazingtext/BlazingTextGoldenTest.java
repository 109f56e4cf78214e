package io.mlformats.blazingtext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadOptions;
import io.mlformats.testkit.Golden;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.AugmentedManifestWriter;
import io.mlformats.manifest.ManifestWriteOptions;
import io.mlformats.manifest.ManifestReadOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Our tokenisation against the fastText 0.9.2 oracle, line by line. */
class BlazingTextGoldenTest {
    private static final String BOM = "\ufeff";

    static List<BlazingTextLine> readAll(byte[] bytes, BlazingTextReadOptions o) throws IOException {
        List<BlazingTextLine> out = new ArrayList<>();
        try (BlazingTextReader r = BlazingTextReader.open(ByteSources.of(bytes).input(), o)) {
            while (r.next()) {
                out.add(r.current().copy());
            }
        }
        return out;
    }

    static List<String> strings(JsonNode a) {
        List<String> s = new ArrayList<>();
        a.forEach(n -> s.add(n.asString()));
        return s;
    }

    @Test
    void everyLineAgreesWithFastText() throws IOException {
        JsonNode side = Golden.json("jsonlines/blazingtext/bt_train.txt.expected.json");
        JsonNode perLine = side.get("per_line");
        List<BlazingTextLine> lines = readAll(Golden.bytes("jsonlines/blazingtext/bt_train.txt"),
                BlazingTextReadOptions.supervised());
        assertEquals(perLine.size(), lines.size(), "one example per line, the empty line included");
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = strings(perLine.get(i).get("words"));
            List<String> labels = strings(perLine.get(i).get("labels"));
            if (i == 0) {
                // Our documented exception (DECISIONS.md): the BOM is skipped, so the first token is a label.
                assertEquals(BOM + "__label__bom", words.get(0));
                labels = List.of("__label__bom");
                words = words.subList(1, words.size());
            }
            assertEquals(words, lines.get(i).words(), "words of line " + (i + 1));
            assertEquals(labels, lines.get(i).labels(), "labels of line " + (i + 1));
        }
        // The dictionary fastText built: same tokens and counts (plus </s> per line), BOM token aside.
        Map<String, Integer> words = new LinkedHashMap<>();
        Map<String, Integer> labels = new LinkedHashMap<>();
        words.put("</s>", lines.size());
        for (BlazingTextLine l : lines) {
            l.words().forEach(w -> words.merge(w, 1, Integer::sum));
            l.labels().forEach(w -> labels.merge(w, 1, Integer::sum));
        }
        Map<String, Integer> ftWords = new LinkedHashMap<>();
        Map<String, Integer> ftLabels = new LinkedHashMap<>();
        for (JsonNode e : side.get("dictionary_dump")) {
            (e.get("type").asString().equals("word") ? ftWords : ftLabels).put(e.get("token").asString(),
                    e.get("count").intValue());
        }
        assertEquals(side.get("fasttext_reported").get("Number of words").intValue(), ftWords.size());
        assertEquals(side.get("fasttext_reported").get("Number of labels").intValue(), ftLabels.size());
        assertEquals(1, ftWords.remove(BOM + "__label__bom"));
        assertEquals(ftWords, words);
        assertEquals(1, labels.remove("__label__bom"));
        assertEquals(ftLabels, labels);
    }

    @Test
    void pythonOracleGetLineAndTokenize() throws IOException {
        JsonNode oracle = Golden.json("jsonlines/blazingtext/fasttext_python_oracle.json");
        for (JsonNode c : oracle.get("get_line")) {
            String input = c.get("input").asString();
            List<String> expectedWords = strings(c.get("words"));
            assertEquals("</s>", expectedWords.remove(expectedWords.size() - 1));
            byte[] bytes = (input + "\n").getBytes(StandardCharsets.UTF_8);
            BlazingTextLine line = readAll(bytes, BlazingTextReadOptions.supervised()).get(0);
            if (input.startsWith(BOM)) {
                assertEquals(BOM + "__label__bom", expectedWords.get(0));
                assertEquals(List.of("__label__bom"), line.labels());
                assertEquals(expectedWords.subList(1, expectedWords.size()), line.words());
                continue;
            }
            assertEquals(expectedWords, line.words(), input);
            assertEquals(strings(c.get("labels")), line.labels(), input);
        }
        for (JsonNode c : oracle.get("tokenize")) {
            assertEquals(strings(c.get("tokens")), FastTextTokenizer.tokens(c.get("input").asString()));
        }
        assertEquals(oracle.get("nwords").intValue(), 57);
    }

    @Test
    void predictInputsAndRealDocFile() throws IOException {
        JsonNode side = Golden.json("jsonlines/blazingtext/bt_train.txt.expected.json");
        List<BlazingTextLine> inputs = readAll(Golden.bytes("jsonlines/blazingtext/bt_predict_input.txt"),
                BlazingTextReadOptions.supervised());
        assertEquals(side.get("prediction_inputs").size(), inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            List<String> tokens = FastTextTokenizer.tokens(side.get("prediction_inputs").get(i).asString());
            List<String> both = new ArrayList<>(inputs.get(i).labels());
            both.addAll(inputs.get(i).words());
            assertEquals(tokens, both);
        }
        assertEquals(List.of("__label__sports"), inputs.get(3).labels(), "labels in a predict line are separated");
        List<BlazingTextLine> doc = readAll(Golden.bytes("jsonlines/real/blazingtext_doc_supervised.txt"),
                BlazingTextReadOptions.supervised());
        assertEquals(List.of("__label__4"), doc.get(0).labels());
        assertEquals("linux", doc.get(0).words().get(0), "two spaces after the label collapse");
        // word2vec mode: every token is a word
        List<BlazingTextLine> w2v = readAll(Golden.bytes("jsonlines/real/blazingtext_doc_supervised.txt"),
                BlazingTextReadOptions.word2vec());
        assertEquals("__label__4", w2v.get(0).words().get(0));
        assertTrue(w2v.get(0).labels().isEmpty());
    }

    @Test
    void augmentedManifestConversionBothWays() throws IOException {
        JsonNode side = Golden.json("jsonlines/manifest/blazingtext_augmented_manifest.jsonl.expected.json")
                .get("expected");
        JsonNode fastTextLines = side.get("equivalent_fasttext_lines_(assumption)");
        // manifest -> text
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (AugmentedManifestReader in = AugmentedManifestReader.open(
                Golden.path("jsonlines/manifest/blazingtext_augmented_manifest.jsonl"),
                ManifestReadOptions.attributes("source", "label"));
             BlazingTextWriter out = BlazingTextWriter.open(text, BlazingTextWriteOptions.defaults())) {
            assertEquals(4, BlazingTextManifest.fromManifest(in, out, FastTextTokenizer.DEFAULT_LABEL_PREFIX));
            out.commit();
        }
        String[] got = text.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(fastTextLines.size(), got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals(fastTextLines.get(i).asString(), got[i]);
        }
        // text -> manifest gives the records back
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        try (BlazingTextReader in = BlazingTextReader.open(ByteSources.of(text.toByteArray()).input(), BlazingTextReadOptions.supervised());
             AugmentedManifestWriter out = AugmentedManifestWriter.open(manifest, ManifestWriteOptions.defaults())) {
            BlazingTextManifest.toManifest(in, out);
            out.commit();
        }
        String[] records = manifest.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode expected = side.get("records");
        for (int i = 0; i < records.length; i++) {
            assertEquals(expected.get(i), Golden.parseJson(records[i]));
        }
        // the doc's real lines (compact separators) convert the same way
        ByteArrayOutputStream real = new ByteArrayOutputStream();
        try (AugmentedManifestReader in = AugmentedManifestReader.open(
                Golden.path("jsonlines/real/blazingtext_doc_augmented_manifest.jsonl"),
                ManifestReadOptions.attributes("source", "label"));
             BlazingTextWriter out = BlazingTextWriter.open(real, BlazingTextWriteOptions.defaults())) {
            BlazingTextManifest.fromManifest(in, out, FastTextTokenizer.DEFAULT_LABEL_PREFIX);
            out.commit();
        }
        assertEquals(text.toString(StandardCharsets.UTF_8), real.toString(StandardCharsets.UTF_8));
    }

    @Test
    void inferenceDocuments() throws IOException {
        BlazingTextRequest req = BlazingTextInference.readRequest(
                Golden.bytes("jsonlines/manifest/blazingtext_inference_request.json"), "req");
        assertEquals(List.of("the movie was excellent", "i did not like the plot ."), req.instances());
        assertEquals(2, req.k());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BlazingTextInference.writeRequest(req, out);
        assertEquals(req, BlazingTextInference.readRequest(out.toByteArray(), "rt"));

        List<BlazingTextPrediction> resp = BlazingTextInference.readResponse(
                Golden.bytes("jsonlines/manifest/blazingtext_inference_response.json"), "resp");
        assertEquals(List.of("__label__1"), resp.get(0).labels());
        assertArrayEquals(new double[] {0.5000401735305786}, resp.get(0).probabilities());

        List<BlazingTextRequest> batchIn = BlazingTextInference.readBatchInput(ByteSources.of(
                Golden.bytes("jsonlines/manifest/blazingtext_batch_input.jsonl")).input(), ReadOptions.defaults());
        assertEquals(new BlazingTextRequest(List.of("the movie was excellent"), null), batchIn.get(0));
        assertEquals(new BlazingTextRequest(List.of("i did not like the plot ."), 2), batchIn.get(1));
        List<BlazingTextRequest> doc = BlazingTextInference.readBatchInput(ByteSources.of(
                Golden.bytes("jsonlines/real/blazingtext_doc_batch_transform_input.jsonl")).input(),
                ReadOptions.defaults());
        assertEquals(4, doc.size());
        assertEquals(3, doc.get(3).k());

        List<BlazingTextPrediction> batchOut = BlazingTextInference.readBatchOutput(ByteSources.of(
                Golden.bytes("jsonlines/manifest/blazingtext_batch_output.jsonl")).input(), ReadOptions.defaults());
        assertEquals(List.of("__label__good", "__label__neutral"), batchOut.get(1).labels());
        assertArrayEquals(new double[] {0.4687191843986511, 0.31}, batchOut.get(1).probabilities());
        assertArrayEquals(new double[] {0.9413388967514038}, batchOut.get(0).probabilities());
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        BlazingTextInference.writeBatchOutput(batchOut, bo);
        assertEquals(batchOut, BlazingTextInference.readBatchOutput(ByteSources.of(bo.toByteArray()).input(),
                ReadOptions.defaults()));
        assertFalse(bo.toString().isEmpty());
    }
}
