package io.mlformats.deepar;

import io.mlformats.core.ByteSources;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.testkit.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every DeepAR golden file read; every value of its sidecar asserted. */
class DeepArGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<DeepArSeries> readAll(Path file, DeepArReadOptions options) throws IOException {
        List<DeepArSeries> out = new ArrayList<>();
        try (DeepArReader r = DeepArReader.open(file, options)) {
            while (r.next()) {
                out.add(r.current().copy());
            }
        }
        return out;
    }

    static float[] floats(JsonNode array) {
        float[] f = new float[array.size()];
        for (int i = 0; i < f.length; i++) {
            JsonNode n = array.get(i);
            f[i] = n.isString() && n.asString().equals("NaN") ? Float.NaN : (float) n.doubleValue();
        }
        return f;
    }

    static void assertFloats(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                    what + "[" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }

    static LocalDateTime start(String s) {
        return LocalDateTime.parse(s.length() == 10 ? s + "T00:00:00" : s.replace(' ', 'T'));
    }

    /** Asserts records against the sidecar's "records" array (start, target, cat, dynamic_feat). */
    static void assertRecords(JsonNode expected, List<DeepArSeries> actual) {
        assertEquals(expected.size(), actual.size(), "record count");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            DeepArSeries a = actual.get(i);
            assertEquals(start(e.get("start").asString()), a.start(), "start of record " + i);
            assertFloats(floats(e.get("target")), a.target(), "target of record " + i);
            if (e.has("cat")) {
                int[] cat = new int[e.get("cat").size()];
                for (int k = 0; k < cat.length; k++) {
                    cat[k] = e.get("cat").get(k).intValue();
                }
                assertArrayEquals(cat, a.cat(), "cat of record " + i);
            } else {
                assertNull(a.cat(), "cat of record " + i);
            }
            if (e.has("dynamic_feat")) {
                JsonNode rows = e.get("dynamic_feat");
                assertEquals(rows.size(), a.dynamicFeat().length);
                for (int r = 0; r < rows.size(); r++) {
                    assertFloats(floats(rows.get(r)), a.dynamicFeat()[r], "dynamic_feat[" + r + "] of " + i);
                }
            } else {
                assertNull(a.dynamicFeat());
            }
        }
    }

    @Test
    void basicTrainingFile() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_basic.jsonl.expected.json").get("expected");
        List<DeepArSeries> series = readAll(Golden.path("jsonlines/deepar/deepar_basic.jsonl"),
                DeepArReadOptions.training());
        assertRecords(side.get("records"), series);
        // num_cat / num_dynamic_feat / cardinality_auto through the validator's inference
        assertEquals(side.get("num_cat").intValue(), series.get(0).cat().length);
        assertEquals(side.get("num_dynamic_feat").intValue(), series.get(0).dynamicFeat().length);
        int[] card = new int[series.get(0).cat().length];
        for (DeepArSeries s : series) {
            for (int f = 0; f < card.length; f++) {
                card[f] = Math.max(card[f], s.cat()[f] + 1);
            }
        }
        assertEquals(side.get("cardinality_auto").get(0).intValue(), card[0]);
        assertEquals(side.get("cardinality_auto").get(1).intValue(), card[1]);
        // ... and feature 1 misses 0 and 2: the CAT_DOMAIN_INCOMPLETE the sidecar predicts
        ValidationReport report = DeepArValidator.validate(Golden.path("jsonlines/deepar/deepar_basic.jsonl"),
                DeepArValidatorOptions.training(0).withMinObservations(0));
        List<ValidationProblem> dom = report.withCode("CAT_DOMAIN_INCOMPLETE");
        assertEquals(1, dom.size(), report.toString());
        assertTrue(dom.get(0).message().contains("1-th categorical feature"), dom.get(0).message());
        assertTrue(dom.get(0).message().contains("[0, 2]"), dom.get(0).message());
        assertEquals(3, dom.get(0).position().line(), "the series with the max value 4");
    }

    @Test
    void gzipFileGivesSameRecords() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_basic.json.gz.expected.json").get("expected");
        List<DeepArSeries> gz = readAll(Golden.path("jsonlines/deepar/deepar_basic.json.gz"),
                DeepArReadOptions.training());
        assertRecords(side.get("records"), gz);
        assertEquals(readAll(Golden.path("jsonlines/" + "deepar/deepar_basic.jsonl"), DeepArReadOptions.training()),
                gz);
        assertEquals("deepar/deepar_basic.jsonl", side.get("same_as").asString());
    }

    @Test
    void crlfLines() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_crlf.jsonl.expected.json").get("expected");
        assertRecords(side.get("records"), readAll(Golden.path("jsonlines/deepar/deepar_crlf.jsonl"),
                DeepArReadOptions.training()));
    }

    @Test
    void missingValuesNullAndNaNString() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_missing_values.jsonl.expected.json").get("expected");
        Path file = Golden.path("jsonlines/deepar/deepar_missing_values.jsonl");
        assertRecords(side.get("records"), readAll(file, DeepArReadOptions.training()));
        try (DeepArReader r = DeepArReader.open(file, DeepArReadOptions.training())) {
            assertTrue(r.next());
            assertFalse(r.current().startWasDateOnly());
            assertTrue(r.next());
            assertTrue(r.current().startWasDateOnly(), "start_as_written "
                    + side.get("records").get(1).get("start_as_written").asString());
        }
    }

    @Test
    void blankLinesStrictFailLenientSkip() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_empty_lines.jsonl.expected.json").get("expected");
        Path file = Golden.path("jsonlines/deepar/deepar_empty_lines.jsonl");
        // lenient: 3 records, 4 blank lines counted, last line without newline read
        DeepArReadOptions lenient = DeepArReadOptions.training().withMode(ReadMode.LENIENT);
        try (DeepArReader r = DeepArReader.open(file, lenient)) {
            int n = 0;
            List<Long> lines = new ArrayList<>();
            while (r.next()) {
                n++;
                lines.add(r.position().line());
            }
            assertEquals(side.get("lenient_mode_proposal").get("records").intValue(), n);
            assertEquals(List.of(2L, 5L, 7L), lines, "the last line (7) has no newline and is still a record");
            assertEquals(side.get("lenient_mode_proposal").get("skipped_blank_lines").size(),
                    r.stats().warningsByKind().get("blank-line-skipped"));
        }
        // strict fail-fast: the first blank line
        try (DeepArReader r = DeepArReader.open(file, DeepArReadOptions.training())) {
            FormatException e = assertThrows(FormatException.class, r::next);
            assertEquals(1, e.position().line());
            assertTrue(e.detail().startsWith(side.get("strict_mode").get("error").asString()), e.getMessage());
            assertTrue(e.detail().contains("lenient"), "says how to skip them: " + e.getMessage());
        }
        // strict skip-and-collect: an error on every blank line
        DeepArReadOptions collect = DeepArReadOptions.training().withRead(ReadOptions.defaults()
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
        try (DeepArReader r = DeepArReader.open(file, collect)) {
            int n = 0;
            while (r.next()) {
                n++;
            }
            assertEquals(3, n);
            List<Long> errLines = r.stats().errors().stream().map(e -> e.position().line()).toList();
            List<Long> expected = new ArrayList<>();
            side.get("strict_mode").get("error_on_lines").forEach(x -> expected.add(x.longValue()));
            assertEquals(expected, errLines);
        }
    }

    @Test
    void unicodeExtraFieldsKeptWhenAsked() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_unicode.jsonl.expected.json").get("expected");
        Path file = Golden.path("jsonlines/deepar/deepar_unicode.jsonl");
        List<DeepArSeries> kept = readAll(file, DeepArReadOptions.training().withKeepExtraFields(true));
        assertRecords(side.get("records"), kept);
        for (int i = 0; i < kept.size(); i++) {
            JsonNode extra = side.get("records").get(i).get("extra_fields");
            assertEquals(extra.size(), kept.get(i).extraFields().size());
            String raw = kept.get(i).extraFields().get("item_id");
            assertEquals(extra.get("item_id").asString(), JSON.readTree(raw).asString(), "decoded item_id");
        }
        assertTrue(kept.get(1).extraFields().get("item_id").contains("\\ud83d\\ude00"), "kept verbatim");
        // dropped by default
        assertEquals(Map.of(), readAll(file, DeepArReadOptions.training()).get(0).extraFields());
    }

    @Test
    void invalidRecordsEachFailWithItsCodeAndLine() throws IOException {
        JsonNode errors = Golden.json("jsonlines/deepar/deepar_invalid_records.jsonl.expected.json")
                .get("expected").get("per_line_errors");
        Path file = Golden.path("jsonlines/deepar/deepar_invalid_records.jsonl");
        byte[] bytes = Golden.bytes("jsonlines/deepar/deepar_invalid_records.jsonl");
        long[] lineStarts = lineStarts(bytes);
        DeepArReadOptions collect = DeepArReadOptions.training().withRead(ReadOptions.defaults()
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
        try (DeepArReader r = DeepArReader.open(file, collect)) {
            assertFalse(r.next(), "no line is valid");
            List<FormatException> got = r.stats().errors();
            assertEquals(errors.size(), got.size());
            for (int i = 0; i < errors.size(); i++) {
                String code = errors.get(i).get("error").asString().split("[ (]")[0];
                FormatException e = got.get(i);
                assertEquals(errors.get(i).get("line").longValue(), e.position().line(), e.getMessage());
                assertTrue(e.detail().startsWith(code + ":"), "line " + (i + 1) + ": expected " + code + ", got "
                        + e.getMessage());
                long off = e.position().byteOffset();
                assertTrue(off >= lineStarts[i] && off < lineStarts[i + 1], "offset inside the line: " + e);
                assertTrue(e.getMessage().contains("deepar_invalid_records.jsonl:" + (i + 1) + ":" + off),
                        e.getMessage());
            }
        }
        // fail fast: the first line's error, with an offset that points at "cat"'s value
        try (DeepArReader r = DeepArReader.open(file, DeepArReadOptions.training())) {
            FormatException e = assertThrows(FormatException.class, r::next);
            String line1 = new String(bytes, 0, (int) lineStarts[1], StandardCharsets.UTF_8);
            assertEquals(line1.indexOf("3}"), e.position().byteOffset());
            assertEquals(0, e.position().recordIndex());
        }
    }

    @Test
    void lenientAcceptsIsoTSeparatorButNotTimeZones() throws IOException {
        Path file = Golden.path("jsonlines/deepar/deepar_invalid_records.jsonl");
        DeepArReadOptions lenient = DeepArReadOptions.training().withRead(ReadOptions.defaults()
                .withMode(ReadMode.LENIENT).withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
        try (DeepArReader r = DeepArReader.open(file, lenient)) {
            assertTrue(r.next());
            assertEquals(12, r.position().line(), "line 12: 2020-01-01T00:00:00 normalised");
            assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0), r.current().start());
            assertEquals(1L, r.stats().warningsByKind().get("start-iso-t-separator"));
            assertFalse(r.next());
            assertEquals(14, r.stats().skipped());
        }
    }

    @Test
    void bareNaNTokenIsInvalidJsonInBothModes() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_bare_nan_token.jsonl.expected.json").get("expected");
        Path file = Golden.path("jsonlines/deepar/deepar_bare_nan_token.jsonl");
        for (ReadMode mode : ReadMode.values()) {
            DeepArReadOptions o = DeepArReadOptions.training().withRead(ReadOptions.defaults().withMode(mode)
                    .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
            try (DeepArReader r = DeepArReader.open(file, o)) {
                assertFalse(r.next());
                List<FormatException> got = r.stats().errors();
                assertEquals(side.get("strict_mode").size(), got.size());
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(side.get("strict_mode").get(i).get("line").longValue(), got.get(i).position().line());
                    assertTrue(got.get(i).detail().startsWith("INVALID_JSON"), got.get(i).getMessage());
                    // orjson reports column 50 (char 49), where the token starts; Jackson stops just after it
                    long tokenStart = 49 + (i == 0 ? 0 : 60);
                    long tokenEnd = tokenStart + (i == 0 ? "NaN" : "Infinity").length();
                    assertEquals(tokenEnd, got.get(i).position().byteOffset(), got.get(i).getMessage());
                }
            }
        }
    }

    @Test
    void inconsistentDatasetFoundByValidator() throws IOException {
        JsonNode expected = Golden.json("jsonlines/deepar/deepar_inconsistent_dataset.jsonl.expected.json")
                .get("expected").get("dataset_errors");
        ValidationReport report = DeepArValidator.validate(
                Golden.path("jsonlines/deepar/deepar_inconsistent_dataset.jsonl"),
                DeepArValidatorOptions.training(0).withMinObservations(0));
        List<ValidationProblem> shape = report.problems().stream()
                .filter(p -> p.code().contains("MISMATCH")).toList();
        assertEquals(expected.size(), shape.size(), report.toString());
        for (int i = 0; i < expected.size(); i++) {
            String code = expected.get(i).get("error").asString().split(" ")[0];
            assertEquals(code, shape.get(i).code());
            assertEquals(expected.get(i).get("line").longValue(), shape.get(i).position().line());
            assertTrue(shape.get(i).message().contains("line 1"), shape.get(i).message());
        }
        assertEquals(3, report.records());
    }

    @Test
    void inferenceRequest() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_inference_request.json.expected.json").get("expected");
        int pl = side.get("prediction_length").intValue();
        DeepArInferenceRequest req = DeepArInference.readRequest(
                Golden.bytes("jsonlines/deepar/deepar_inference_request.json"), "req", DeepArReadOptions.inference(pl));
        assertEquals(side.get("instances").intValue(), req.instances().size());
        for (int i = 0; i < req.instances().size(); i++) {
            DeepArSeries s = req.instances().get(i);
            assertEquals(side.get("dynamic_feat_lengths_ok").get(i).booleanValue(),
                    s.dynamicFeat()[0].length == s.target().length + pl);
        }
        assertFloats(new float[] {4f, 10f, Float.NaN, 100f, 113f}, req.instances().get(0).target(), "target");
        assertEquals(LocalDateTime.of(2012, 1, 30, 0, 0), req.instances().get(1).start());
        JsonNode c = side.get("configuration");
        assertEquals(c.get("num_samples").intValue(), req.configuration().numSamples());
        assertEquals(List.of("mean", "quantiles", "samples"), req.configuration().outputTypes());
        assertEquals(List.of(c.get("quantiles").get(0).asString(), c.get("quantiles").get(1).asString()),
                req.configuration().quantiles());
        // with a training rule the lengths are wrong: instance 0 fails with its index
        FormatException e = assertThrows(FormatException.class, () -> DeepArInference.readRequest(
                Golden.bytes("jsonlines/deepar/deepar_inference_request.json"), "req", DeepArReadOptions.training()));
        assertTrue(e.detail().startsWith("DYNAMIC_FEAT_LENGTH"), e.getMessage());
        assertEquals(0, e.position().recordIndex());
        // and it round-trips through our writer
        assertEquals(req, DeepArInference.readRequest(DeepArInference.requestBytes(req), "rt",
                DeepArReadOptions.inference(pl)));
    }

    @Test
    void inferenceResponse() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_inference_response.json.expected.json").get("expected");
        List<DeepArForecast> f = DeepArInference.readResponse(
                Golden.bytes("jsonlines/deepar/deepar_inference_response.json"), "resp");
        assertEquals(side.get("predictions").intValue(), f.size());
        int pl = side.get("prediction_length").intValue();
        DeepArForecast p = f.get(0);
        assertArrayEquals(new double[] {4.01, 4.12, 4.23}, p.mean());
        assertEquals(List.of(side.get("quantile_keys").get(0).asString(), side.get("quantile_keys").get(1).asString()),
                new ArrayList<>(p.quantiles().keySet()));
        assertArrayEquals(new double[] {5.1, 6.2, 7.3}, p.quantiles().get("0.9"));
        assertArrayEquals(new double[] {4.0, 4.1, 4.2}, p.quantiles().get("0.5"));
        assertEquals(2, p.samples().length);
        assertArrayEquals(new double[] {3.9, 4.0, 4.3}, p.samples()[1]);
        for (double[] q : p.quantiles().values()) {
            assertEquals(pl, q.length);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        DeepArInference.writeResponse(f, out);
        assertEquals(f, DeepArInference.readResponse(out.toByteArray(), "rt"));
    }

    @Test
    void batchTransformInput() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_batch_transform_input.jsonl.expected.json")
                .get("expected");
        List<DeepArSeries> s = readAll(Golden.path("jsonlines/deepar/deepar_batch_transform_input.jsonl"),
                DeepArReadOptions.inference(side.get("prediction_length").intValue()));
        assertEquals(side.get("records").intValue(), s.size());
        assertEquals("SingleRecord", side.get("transform_job_settings").get("BatchStrategy").asString());
        FormatException e = assertThrows(FormatException.class, () -> readAll(
                Golden.path("jsonlines/deepar/deepar_batch_transform_input.jsonl"), DeepArReadOptions.training()));
        assertTrue(e.detail().startsWith("DYNAMIC_FEAT_LENGTH"));
        assertEquals(DeepArConfiguration.batchDefault(), DeepArInference.readConfiguration(
                DeepArInference.configurationJson(DeepArConfiguration.batchDefault()).getBytes(StandardCharsets.UTF_8),
                "env"));
    }

    @Test
    void realFiles() throws IOException {
        List<DeepArSeries> doc = readAll(Golden.path("jsonlines/real/deepar_doc_training_line.jsonl"),
                DeepArReadOptions.training());
        assertEquals(1, doc.size());
        assertEquals(new DeepArSeries(LocalDateTime.of(1999, 1, 30, 0, 0), new float[] {2.0f, 1.0f},
                new int[] {1, 4}, new float[][] {{1.3f, 0.4f}}, Map.of()), doc.get(0));

        List<DeepArSeries> gluon = readAll(
                Golden.path("jsonlines/real/gluonts_format_sagemaker_entrypoint_request.jsonl"),
                DeepArReadOptions.training().withKeepExtraFields(true));
        assertEquals(2, gluon.size());
        assertFloats(new float[] {128, 57, 0, 29, 10, 64}, gluon.get(0).target(), "target");
        assertEquals(LocalDateTime.of(2019, 9, 29, 0, 0), gluon.get(0).start());
        assertEquals("\"cat:ts1|name:AB\"", gluon.get(0).extraFields().get("item_id"));
        assertEquals("[1]", gluon.get(1).extraFields().get("feat_static_cat"), "GluonTS names are kept, not mapped");
        assertNull(gluon.get(1).cat());

        JsonNode real = Golden.json("jsonlines/real/deepar_time_series_deepar_request_response.json");
        byte[] request = JSON.writeValueAsBytes(real.get("request_sent_application_json"));
        int pl = real.get("hyperparameters").get("prediction_length").intValue();
        DeepArInferenceRequest req = DeepArInference.readRequest(request, "real", DeepArReadOptions.inference(pl));
        DeepArSeries s = req.instances().get(0);
        assertEquals(real.get("observations").get("len_target").intValue(), s.target().length);
        assertEquals(3, s.dynamicFeat().length);
        for (int i = 0; i < 3; i++) {
            assertEquals(real.get("observations").get("len_each_dynamic_feat").get(i).intValue(),
                    s.dynamicFeat()[i].length);
        }
        assertFloats(floats(real.get("request_sent_application_json").get("instances").get(0).get("target")),
                s.target(), "target");
        assertNull(req.configuration(), real.get("observations").get("no_configuration_sent").asString());
        List<DeepArForecast> resp = DeepArInference.readResponse(
                JSON.writeValueAsBytes(real.get("response_received")), "real");
        assertEquals(real.get("observations").get("mean_length").intValue(), resp.get(0).mean().length);
        assertEquals(25.1382884979, resp.get(0).mean()[0]);
        assertTrue(resp.get(0).quantiles().isEmpty());
        assertNull(resp.get(0).samples());
    }

    @Test
    void startFormatsAgainstOracleTable() throws IOException {
        JsonNode results = Golden.json("jsonlines/deepar/deepar_start_formats.oracle.json").get("results");
        // our decision per start string (DECISIONS.md): strict accepts only the two documented forms
        Map<String, String> strict = Map.ofEntries(
                Map.entry("2009-11-01 00:00:00", "ok"), Map.entry("2012-01-30", "ok"),
                Map.entry("2020-01-01T00:00:00", "START_FORMAT"),
                Map.entry("2020-01-01 00:00:00+01:00", "START_HAS_TIMEZONE"),
                Map.entry("2020-01-01 00:00", "START_FORMAT"), Map.entry("2020-01-01 00:00:00.000", "START_FORMAT"),
                Map.entry("01/02/2020", "START_FORMAT"), Map.entry("2020-13-01 00:00:00", "START_FORMAT"),
                Map.entry("2020-01-01 24:00:00", "START_FORMAT"), Map.entry("2019-10-13 01:30:00", "ok"),
                Map.entry("20200101", "START_FORMAT"), Map.entry("", "START_FORMAT"));
        assertEquals(strict.size(), results.size());
        for (JsonNode r : results) {
            String start = r.get("start").asString();
            String want = strict.get(start);
            byte[] line = ("{\"start\": \"" + start + "\", \"target\": [1]}\n").getBytes(StandardCharsets.UTF_8);
            try (DeepArReader reader = DeepArReader.open(ByteSources.of(line, "s").input(), DeepArReadOptions.training())) {
                if (want.equals("ok")) {
                    assertTrue(reader.next());
                    assertFalse(r.get("H").asString().startsWith("error"), "pandas accepts it too");
                } else {
                    FormatException e = assertThrows(FormatException.class, reader::next, start);
                    assertTrue(e.detail().startsWith(want + ":"), start + " -> " + e.getMessage());
                }
            }
        }
    }

    static long[] lineStarts(byte[] b) {
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                starts.add((long) i + 1);
            }
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }
}
