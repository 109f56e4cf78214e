package io.mlformats.object2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.testkit.Golden;
import io.mlformats.core.validate.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class Object2VecGoldenTest {

    static List<Object2VecPair> readAll(Path file, Object2VecReadOptions o) throws IOException {
        List<Object2VecPair> out = new ArrayList<>();
        try (Object2VecReader r = Object2VecReader.open(file, o)) {
            while (r.next()) {
                out.add(r.current().copy());
            }
        }
        return out;
    }

    static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).intValue();
        }
        return v;
    }

    static void assertPairs(JsonNode expected, List<Object2VecPair> got, boolean integerLabels) {
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            JsonNode e = expected.get(i);
            assertArrayEquals(ints(e.get("in0")), got.get(i).in0());
            assertArrayEquals(ints(e.get("in1")), got.get(i).in1());
            assertEquals(e.get("label").doubleValue(), got.get(i).label().doubleValue());
            if (integerLabels) {
                assertEquals(Long.class, got.get(i).label().getClass());
            }
        }
    }

    @Test
    void classificationTraining() throws IOException {
        JsonNode side = Golden.json("jsonlines/object2vec/o2v_train_classification.jsonl.expected.json")
                .get("expected");
        int vocab = side.get("min_vocab_size_needed").intValue();
        Object2VecHyperparameters hp = Object2VecHyperparameters.classification(vocab,
                Math.max(side.get("max_len_in0").intValue(), side.get("max_len_in1").intValue()),
                side.get("num_classes_min").intValue());
        Path file = Golden.path("jsonlines/object2vec/o2v_train_classification.jsonl");
        List<Object2VecPair> pairs = readAll(file, Object2VecReadOptions.training(hp));
        assertPairs(side.get("records"), pairs, true);
        Object2VecValidator v = new Object2VecValidator(Object2VecReadOptions.training(hp), 100);
        v.add(file);
        assertFalse(v.report().hasErrors(), v.report().toString());
        assertEquals(side.get("max_token_id").longValue(), Math.max(v.maxTokenId(0), v.maxTokenId(1)));
        // one smaller vocabulary: id 10178 is out of range, exactly as the service says
        ValidationReport small = Object2VecValidator.validate(file, Object2VecReadOptions.training(
                Object2VecHyperparameters.classification(vocab - 1, 0, 2)));
        assertEquals(1, small.errorCount());
        assertEquals("TOKEN_ID_OUT_OF_RANGE", small.problems().get(0).code());
        assertTrue(small.problems().get(0).message().contains("10178"));
        assertEquals(1, small.problems().get(0).position().line());
        // same lines as the documentation's real example
        assertEquals(pairs, readAll(Golden.path("jsonlines/real/object2vec_doc_training.jsonl"),
                Object2VecReadOptions.training(hp)));
    }

    @Test
    void regressionTraining() throws IOException {
        JsonNode side = Golden.json("jsonlines/object2vec/o2v_train_regression.jsonl.expected.json")
                .get("expected");
        Object2VecHyperparameters hp = new Object2VecHyperparameters(side.get("enc0_vocab_size_min").intValue(),
                side.get("enc1_vocab_size_min").intValue(), 1, 1, 0);
        List<Object2VecPair> pairs = readAll(Golden.path("jsonlines/object2vec/o2v_train_regression.jsonl"),
                Object2VecReadOptions.training(hp));
        assertPairs(side.get("records"), pairs, false);
        assertEquals(Double.class, pairs.get(0).label().getClass());
        assertEquals(Double.class, pairs.get(1).label().getClass(), "1.0 stays a real label");
        assertEquals(Long.class, pairs.get(2).label().getClass(), "4 is written as an integer");
    }

    @Test
    void invalidRecords() throws IOException {
        JsonNode side = Golden.json("jsonlines/object2vec/o2v_invalid_records.jsonl.expected.json");
        JsonNode hpNode = side.get("assumed_hyperparameters");
        Object2VecHyperparameters hp = new Object2VecHyperparameters(hpNode.get("enc0_vocab_size").intValue(),
                hpNode.get("enc1_vocab_size").intValue(), hpNode.get("enc0_max_seq_len").intValue(),
                hpNode.get("enc1_max_seq_len").intValue(), hpNode.get("num_classes").intValue());
        JsonNode perLine = side.get("expected").get("per_line");
        Path file = Golden.path("jsonlines/object2vec/o2v_invalid_records.jsonl");
        Object2VecReadOptions strict = Object2VecReadOptions.training(hp).withRead(ReadOptions.defaults()
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
        try (Object2VecReader r = Object2VecReader.open(file, strict)) {
            assertFalse(r.next());
            List<FormatException> errors = r.stats().errors();
            assertEquals(perLine.size(), errors.size());
            for (int i = 0; i < errors.size(); i++) {
                String code = perLine.get(i).get("error").asString().split("[ (]")[0];
                assertEquals(perLine.get(i).get("line").longValue(), errors.get(i).position().line());
                assertTrue(errors.get(i).detail().startsWith(code + ":"), code + " vs " + errors.get(i).getMessage());
            }
        }
        // the validator: every line reported; the long sequence is a warning (undocumented behaviour)
        ValidationReport report = Object2VecValidator.validate(file, Object2VecReadOptions.training(hp));
        assertEquals(perLine.size() - 1, report.errorCount(), report.toString());
        assertEquals(1, report.warningCount());
        assertEquals(8, report.withCode("SEQUENCE_LONGER_THAN_MAX").get(0).position().line());
        // line 7 is a valid inference instance
        Object2VecReadOptions inference = Object2VecReadOptions.inference(hp).withRead(ReadOptions.defaults()
                .withMode(ReadMode.LENIENT).withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
        try (Object2VecReader r = Object2VecReader.open(file, inference)) {
            List<Long> ok = new ArrayList<>();
            while (r.next()) {
                ok.add(r.position().line());
            }
            assertTrue(ok.contains(7L), ok.toString());
        }
    }

    @Test
    void inferenceRequestsAndResponses() throws IOException {
        JsonNode side = Golden.json("jsonlines/object2vec/o2v_inference_request.json.expected.json")
                .get("expected");
        Object2VecHyperparameters hp = Object2VecHyperparameters.unchecked();
        List<Object2VecPair> json = Object2VecInference.readRequest(
                Golden.bytes("jsonlines/object2vec/o2v_inference_request.json"), "req",
                Object2VecReadOptions.inference(hp));
        assertEquals(side.get("pair_request_instances").intValue(), json.size());
        List<Object2VecPair> lines = readAll(Golden.path("jsonlines/object2vec/o2v_inference_request.jsonl"),
                Object2VecReadOptions.inference(hp));
        assertEquals(json, lines, "application/json and application/jsonlines carry the same instances");
        assertNull(json.get(0).label());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object2VecInference.writeRequest(json, out);
        assertEquals(json, Object2VecInference.readRequest(out.toByteArray(), "rt",
                Object2VecReadOptions.inference(hp)));

        List<Object2VecPair> emb = readAll(Golden.path("jsonlines/object2vec/o2v_embedding_request.jsonl"),
                Object2VecReadOptions.embeddings(hp));
        assertEquals(3, emb.size());
        assertNull(emb.get(0).in1(), side.get("embedding_request").asString());
        assertArrayEquals(json.get(2).in0(), emb.get(2).in0());

        JsonNode resp = side.get("responses");
        List<Object2VecPrediction> scores = Object2VecInference.readResponse(
                resp.get("application/json").toString().getBytes(), "resp");
        assertArrayEquals(new double[] {0.65, 0.08, 0.27}, scores.get(0).scores());
        List<Object2VecPrediction> embeddings = Object2VecInference.readResponse(
                resp.get("embeddings_json").toString().getBytes(), "resp");
        assertArrayEquals(new double[] {0.05, 0.03}, embeddings.get(0).embeddings());
        ByteArrayOutputStream jl = new ByteArrayOutputStream();
        Object2VecInference.writeResponseLines(scores, jl);
        assertTrue(jl.toString().startsWith("{\"scores\":"), resp.get("application/jsonlines").asString());
        assertEquals(scores, Object2VecInference.readResponseLines(ByteSources.of(jl.toByteArray()).input(),
                ReadOptions.defaults()));
        assertEquals("application/jsonlines; infer_max_seqlens=10,12",
                Object2VecInference.embeddingContentType("application/jsonlines", 10, 12));
    }
}
