package io.mlformats.libsvm;

import io.mlformats.testkit.Golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads every golden LibSVM file and checks every value its sidecar records for scikit-learn, xgboost and the
 * dmlc-core harness, in the option set of ours that corresponds to each tool call:
 * sklearn {@code zero_based=auto/True/False} = {@link IndexBase#AUTO}/ZERO/ONE with float64 (float32 for the
 * {@code dtype=float32} variants), exact; xgboost {@code indexing_mode=0/1/-1} = ZERO/ONE/AUTO with float32,
 * within 1 ulp (dmlc's float parser is not correctly rounded). Where our decision differs from a tool, the tables
 * below say which tool we follow and why; every such file is still read and its outcome asserted.
 */
class LibSvmGoldenTest {

    /** Files our strict reader rejects whatever the base, with the 1-based line of the error. */
    private static final Map<String, Integer> STRICT_ERROR_LINE = Map.ofEntries(
            Map.entry("p05_nan_inf.txt", 1),                 // nan/inf: strict follows xgboost (refuses), lenient sklearn
            Map.entry("p05b_nan_only.txt", 1),
            Map.entry("p08_unsorted.txt", 1),                // strict follows sklearn/Spark; lenient sorts (xgboost accepts)
            Map.entry("svmlight_invalid_order.txt", 1),
            Map.entry("inline_MLUtilsSuite_not_ascending_must_fail.txt", 3),
            Map.entry("p09_duplicate.txt", 1),               // duplicates: always an error (sklearn, Spark)
            Map.entry("p12_index_without_value.txt", 1),     // all tools fail
            Map.entry("p17_negative_index.txt", 1),          // all tools fail
            Map.entry("p18_colon_no_value.txt", 1),          // we follow sklearn (xgboost silently reads 0)
            Map.entry("p20_non_numeric_label.txt", 1),       // we follow sklearn (xgboost skips letters)
            Map.entry("svmlight_invalid.txt", 1));

    /** Files lenient mode accepts although strict mode rejects them. */
    private static final List<String> LENIENT_ACCEPTS = List.of("p05_nan_inf.txt", "p05b_nan_only.txt",
            "p08_unsorted.txt", "svmlight_invalid_order.txt", "inline_MLUtilsSuite_not_ascending_must_fail.txt");

    /** Multi-label files: without multiLabel the first label list is an error on this line. */
    private static final Map<String, Integer> MULTILABEL_LINE = Map.of("g04_multilabel.svm", 1,
            "svmlight_multilabel.txt", 2);

    /** Files a tool rejects but we read, and why (which tool we follow). */
    private static final Map<String, String> WE_ACCEPT_TOOL_FAILS = Map.of(
            "g05_float32.svm|xgboost", "we follow sklearn: 3.402823466385289e+38 rounds to FLT_MAX when parsed "
                    + "correctly rounded; dmlc's parser overflows to inf",
            "g07_comment_header.svm|xgboost", "we follow sklearn: '#' starts a comment anywhere; dmlc parses later "
                    + "comment lines as rows (SIGSEGV)",
            "svmlight_classification.txt|xgboost", "we follow sklearn: mid-file comment line",
            "p25_fullline_comment_after_data.txt|xgboost", "we follow sklearn: comment line after data",
            "p06_label_weight.txt|sklearn", "we follow xgboost: label:weight is always understood");

    /** dmlc harness results we deliberately differ from. */
    private static final Map<String, String> DMLC_DIFFERS = Map.of(
            "p03_comments_blank.txt", "dmlc reads the final '#trailer' comment line as a row; we follow sklearn");

    private static final Pattern INDEX_ZERO = Pattern.compile("(^|[ \\t])0:");

    @TestFactory
    Stream<DynamicTest> everyGoldenFileAndSidecarVariant() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String folder : List.of("libsvm/generated", "libsvm/probes", "libsvm/peer/sklearn",
                "libsvm/peer/dmlc-core", "libsvm/peer/xgboost", "libsvm/peer/spark", "libsvm/real")) {
            for (Path sidecar : Golden.list(folder, ".json")) {
                JsonNode json = Golden.json(folder + "/" + sidecar.getFileName());
                if (!json.has("file")) {
                    continue; // g10: no data file, covered by nonFiniteDumpRejected
                }
                Path data = Golden.path("libsvm/" + json.get("file").asString());
                String name = data.getFileName().toString();
                for (Map.Entry<String, JsonNode> v : json.get("sklearn").properties()) {
                    tests.add(DynamicTest.dynamicTest(name + " sklearn " + v.getKey(),
                            () -> checkSklearn(data, v.getValue())));
                }
                for (Map.Entry<String, JsonNode> v : json.get("xgboost").properties()) {
                    tests.add(DynamicTest.dynamicTest(name + " xgboost " + v.getKey(),
                            () -> checkXgboost(data, v.getKey(), v.getValue())));
                }
                tests.add(DynamicTest.dynamicTest(name + " dmlc-core harness",
                        () -> checkDmlc(data, json.get("dmlc_core_HEAD_parseblock"))));
                tests.add(DynamicTest.dynamicTest(name + " streaming = load = parallel",
                        () -> checkPathsAgree(data)));
            }
        }
        assertTrue(tests.size() > 200, "golden files found: " + tests.size());
        return tests.stream();
    }

    private void checkSklearn(Path data, JsonNode v) throws IOException {
        JsonNode args = v.get("args");
        IndexBase base = !args.has("zero_based") ? IndexBase.AUTO
                : args.get("zero_based").asBoolean() ? IndexBase.ZERO : IndexBase.ONE;
        boolean f32 = args.has("dtype") && args.get("dtype").asString().equals("float32");
        boolean multi = args.has("multilabel") && args.get("multilabel").asBoolean();
        LibSvmReadOptions o = LibSvmReadOptions.defaults().withIndexBase(base).withMultiLabel(multi)
                .withValueType(f32 ? ValueType.FLOAT32 : ValueType.FLOAT64);
        if (args.has("n_features")) {
            o = o.withNumFeatures(args.get("n_features").asLong());
        }
        String name = data.getFileName().toString();
        Outcome ours = run(data, o, name);
        if (v.has("error")) {
            if (ours.matrix != null) {
                assertNotNull(WE_ACCEPT_TOOL_FAILS.get(name + "|sklearn"),
                        "sklearn fails (" + v.get("error") + ") but we read " + name);
            }
            return;
        }
        CsrMatrix m = ours.matrix;
        if (m == null && LENIENT_ACCEPTS.contains(name)) {
            m = LibSvmLoader.load(data, o.withMode(ReadMode.LENIENT)); // sklearn accepts nan/inf: our lenient mode
        }
        assertNotNull(m, () -> "sklearn reads " + name + " but we fail: " + ours.error);
        assertEquals(v.get("shape").get(0).asInt(), m.numRows(), "rows");
        assertEquals(v.get("shape").get(1).asLong(), m.numCols(), "cols");
        assertEquals(v.get("nnz_stored").asLong(), m.nnz(), "nnz");
        if (v.has("indptr")) {
            assertArrayEquals(longs(v.get("indptr")), m.indptr(), "indptr");
        }
        if (v.has("triplets")) {
            Iterator<JsonNode> t = v.get("triplets").iterator();
            for (int r = 0; r < m.numRows(); r++) {
                for (long k = m.indptr()[r]; k < m.indptr()[r + 1]; k++) {
                    JsonNode e = t.next();
                    assertEquals(e.get(0).asInt(), r, "triplet row");
                    assertEquals(e.get(1).asInt(), m.indices()[(int) k], "triplet col in row " + r);
                    double expected = num(e.get(2));
                    double actual = f32 ? m.floatValues()[(int) k] : m.doubleValues()[(int) k];
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                            "value at row " + r + " col " + e.get(1) + ": " + expected + " vs " + actual);
                }
            }
            assertFalse(t.hasNext(), "sklearn has more triplets");
        }
        JsonNode labels = v.get("labels");
        for (int r = 0; r < m.numRows(); r++) {
            if (multi) {
                // sklearn returns each label list sorted; we keep the file's order, so compare sorted.
                int from = (int) m.labelIndptr()[r];
                double[] ours2 = Arrays.copyOfRange(m.labelValues(), from, (int) m.labelIndptr()[r + 1]);
                Arrays.sort(ours2);
                assertArrayEquals(doubles(labels.get(r)), ours2, "labels of row " + r);
            } else {
                assertEquals(num(labels.get(r)), m.labels()[r], "label of row " + r);
            }
        }
        if (v.has("qid")) {
            assertArrayEquals(longs(v.get("qid")), m.qids(), "qid");
        }
        if (v.has("dense")) {
            JsonNode dense = v.get("dense");
            for (int r = 0; r < m.numRows(); r++) {
                for (int c = 0; c < m.numCols(); c++) {
                    assertEquals(num(dense.get(r).get(c)), m.get(r, c), "dense[" + r + "][" + c + "]");
                }
            }
        }
    }

    private void checkXgboost(Path data, String uri, JsonNode v) throws IOException {
        IndexBase base = uri.contains("indexing_mode=1") ? IndexBase.ONE
                : uri.contains("indexing_mode=-1") ? IndexBase.AUTO : IndexBase.ZERO;
        LibSvmReadOptions o = LibSvmReadOptions.defaults().withIndexBase(base);
        String name = data.getFileName().toString();
        Outcome ours = run(data, o, name);
        if (v.has("error")) {
            if (ours.matrix != null) {
                assertNotNull(WE_ACCEPT_TOOL_FAILS.get(name + "|xgboost"),
                        "xgboost fails (" + v.get("error") + ") but we read " + name);
            }
            return;
        }
        CsrMatrix m = ours.matrix;
        if (m == null && LENIENT_ACCEPTS.contains(name)) {
            m = LibSvmLoader.load(data, o.withMode(ReadMode.LENIENT)); // xgboost accepts unsorted rows: lenient sorts
        }
        if (m == null) {
            assertTrue(STRICT_ERROR_LINE.containsKey(name), () -> "xgboost reads " + name + ", we fail: " + ours.error);
            return; // asserted in run(): we follow sklearn here (see STRICT_ERROR_LINE)
        }
        assertEquals(v.get("shape").get(0).asInt(), m.numRows(), "rows");
        assertEquals(v.get("shape").get(1).asLong(), m.numCols(), "cols");
        assertEquals(v.get("nnz_stored").asLong(), m.nnz(), "nnz");
        JsonNode labels = v.get("labels");
        for (int r = 0; r < m.numRows(); r++) {
            assertWithinUlp(num(labels.get(r)), (float) m.labels()[r], "label of row " + r);
        }
        if (!v.has("triplets")) {
            return; // real files: the sidecar records shapes and labels only
        }
        List<long[]> theirs = new ArrayList<>();
        List<Double> theirValues = new ArrayList<>();
        for (JsonNode e : v.get("triplets")) {
            theirs.add(new long[] {e.get(0).asLong(), e.get(1).asLong()});
            theirValues.add(num(e.get(2)));
        }
        // xgboost keeps the file's order inside a row (p08); ours is sorted. Sort theirs by (row, col).
        Integer[] order = new Integer[theirs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> theirs.get(a)[0] != theirs.get(b)[0]
                ? Long.compare(theirs.get(a)[0], theirs.get(b)[0]) : Long.compare(theirs.get(a)[1], theirs.get(b)[1]));
        int i = 0;
        for (int r = 0; r < m.numRows(); r++) {
            for (long k = m.indptr()[r]; k < m.indptr()[r + 1]; k++, i++) {
                long[] rc = theirs.get(order[i]);
                assertEquals(rc[0], r, "row");
                assertEquals(rc[1], m.indices()[(int) k], "col in row " + r);
                assertWithinUlp(theirValues.get(order[i]), m.floatValues()[(int) k], "value row " + r);
            }
        }
        JsonNode weights = v.get("weights");
        if (weights.isEmpty()) {
            assertNull(m.weights(), "weights");
        } else {
            assertEquals(weights.size(), m.numRows());
            for (int r = 0; r < m.numRows(); r++) {
                assertWithinUlp(num(weights.get(r)), (float) m.weights()[r], "weight of row " + r);
            }
        }
        assertArrayEquals(longs(v.get("group_ptr")), groupPtr(m), "group_ptr");
    }

    private void checkDmlc(Path data, JsonNode d) throws IOException {
        String name = data.getFileName().toString();
        Outcome ours = run(data, LibSvmReadOptions.defaults(), name);
        if (d.has("error") || !d.get("row_block_consistent").asBoolean() || ours.matrix == null) {
            // dmlc fails or produces an inconsistent block; our outcome was asserted in run().
            return;
        }
        if (DMLC_DIFFERS.containsKey(name)) {
            assertTrue(d.get("rows").asInt() != ours.matrix.numRows(), DMLC_DIFFERS.get(name));
            return;
        }
        CsrMatrix m = ours.matrix;
        assertEquals(d.get("rows").asInt(), m.numRows(), "rows");
        if (d.get("offset").isString()) {
            // real files: the sidecar gives only the array lengths ("omitted (N items)")
            assertEquals(m.numRows() + 1, omitted(d.get("offset")), "offset length");
            assertEquals(m.nnz(), omitted(d.get("index")), "index length");
            assertEquals(m.nnz(), omitted(d.get("value")), "value length");
            assertEquals(m.numRows(), omitted(d.get("labels")), "labels length");
            assertEquals(m.weights() == null ? 0 : m.numRows(), omitted(d.get("weights")), "weights length");
            assertEquals(m.qids() == null ? 0 : m.numRows(), omitted(d.get("qid")), "qid length");
            return;
        }
        assertArrayEquals(longs(d.get("offset")), m.indptr(), "offset");
        JsonNode index = d.get("index");
        JsonNode value = d.get("value");
        for (int k = 0; k < m.nnz(); k++) {
            assertEquals(index.get(k).asInt(), m.indices()[k], "index " + k);
            assertWithinUlp(num(value.get(k)), m.floatValues()[k], "value " + k);
        }
        for (int r = 0; r < m.numRows(); r++) {
            assertWithinUlp(num(d.get("labels").get(r)), (float) m.labels()[r], "label " + r);
        }
        if (!d.get("weights").isEmpty()) {
            for (int r = 0; r < m.numRows(); r++) {
                assertWithinUlp(num(d.get("weights").get(r)), (float) m.weights()[r], "weight " + r);
            }
        }
        if (!d.get("qid").isEmpty()) {
            assertArrayEquals(longs(d.get("qid")), m.qids(), "qid");
        }
    }

    /** The streaming reader, the loader and the parallel loader give the same rows on every golden file. */
    private void checkPathsAgree(Path data) throws IOException {
        String name = data.getFileName().toString();
        for (IndexBase base : IndexBase.values()) {
            for (ReadMode mode : LENIENT_ACCEPTS.contains(name) ? List.of(ReadMode.values()) : List.of(ReadMode.STRICT)) {
                LibSvmReadOptions o = LibSvmReadOptions.defaults().withIndexBase(base).withMode(mode)
                        .withMultiLabel(MULTILABEL_LINE.containsKey(name));
                Outcome loaded = run(data, o, null);
                CsrMatrix streamed = null;
                try (LibSvmReader r = LibSvmReader.open(data, o)) {
                    streamed = TestRows.collect(r, o);
                } catch (FormatException e) {
                    assertNotNull(loaded.error, "streaming fails, loading does not: " + e.getMessage());
                    assertEquals(loaded.error.getMessage(), e.getMessage());
                }
                if (loaded.matrix != null) {
                    assertEquals(loaded.matrix, streamed, base + " " + mode);
                }
                for (int threads = 3; threads <= 3; threads++) {
                    try (var src = ByteSources.map(data)) {
                        CsrMatrix p = new LibSvmLoader(o).loadParallel(src, threads);
                        assertEquals(loaded.matrix, p, "parallel " + threads);
                    } catch (FormatException e) {
                        assertNotNull(loaded.error);
                        assertEquals(loaded.error.getMessage(), e.getMessage(), "parallel error " + threads);
                    }
                }
            }
        }
    }

    private record Outcome(CsrMatrix matrix, FormatException error) {
    }

    /** Loads in strict mode and asserts the outcome our decisions predict (error line included). */
    private static Outcome run(Path data, LibSvmReadOptions o, String name) throws IOException {
        Integer expectedLine = null;
        if (name != null) {
            expectedLine = STRICT_ERROR_LINE.get(name);
            if (!o.multiLabel() && MULTILABEL_LINE.containsKey(name)) {
                expectedLine = MULTILABEL_LINE.get(name);
            }
            if (expectedLine == null && o.indexBase() == IndexBase.ONE) {
                expectedLine = firstLineWithIndexZero(data, o.multiLabel());
            }
        }
        try {
            CsrMatrix m = LibSvmLoader.load(data, o);
            if (expectedLine != null && o.read().mode() == ReadMode.STRICT) {
                fail(name + " should fail on line " + expectedLine + " with " + o);
            }
            return new Outcome(m, null);
        } catch (FormatException e) {
            if (name != null) {
                assertNotNull(expectedLine, () -> "unexpected failure on " + name + " " + o + ": " + e.getMessage());
                assertEquals((long) expectedLine, e.position().line(), e.getMessage());
                assertTrue(e.getMessage().startsWith(data.toString() + ":" + expectedLine + ":"), e.getMessage());
            }
            return new Outcome(null, e);
        }
    }

    /** Independent oracle: the first line with a feature index 0 (the label token skipped). */
    private static Integer firstLineWithIndexZero(Path data, boolean multiLabel) throws IOException {
        String[] lines = new String(Files.readAllBytes(data), StandardCharsets.ISO_8859_1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int hash = l.indexOf('#');
            String[] tokens = (hash >= 0 ? l.substring(0, hash) : l).trim().split("[ \t]+");
            int first = multiLabel && tokens[0].contains(":") ? 0 : 1;
            String features = " " + String.join(" ", Arrays.asList(tokens).subList(Math.min(first, tokens.length),
                    tokens.length));
            if (INDEX_ZERO.matcher(features).find()) {
                return i + 1;
            }
        }
        return null;
    }

    static long[] groupPtr(CsrMatrix m) {
        if (m.qids() == null) {
            return new long[0];
        }
        List<Long> g = new ArrayList<>();
        g.add(0L);
        for (int r = 1; r < m.numRows(); r++) {
            if (m.qids()[r] != m.qids()[r - 1]) {
                g.add((long) r);
            }
        }
        g.add((long) m.numRows());
        return g.stream().mapToLong(Long::longValue).toArray();
    }

    private static void assertWithinUlp(double expected, float actual, String what) {
        float e = (float) expected;
        if (Float.floatToIntBits(e) == Float.floatToIntBits(actual)) {
            return;
        }
        assertTrue(Math.abs(Float.floatToIntBits(e) - Float.floatToIntBits(actual)) <= 1,
                what + ": " + expected + " vs " + actual + " (more than 1 ulp)");
    }

    private static long omitted(JsonNode n) {
        java.util.regex.Matcher x = Pattern.compile("omitted \\((\\d+) items\\)").matcher(n.asString());
        assertTrue(x.matches(), n.asString());
        return Long.parseLong(x.group(1));
    }

    static double num(JsonNode n) {
        if (n.isString()) {
            return switch (n.asString()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException(n.asString());
            };
        }
        return n.asDouble();
    }

    private static long[] longs(JsonNode a) {
        long[] r = new long[a.size()];
        for (int i = 0; i < r.length; i++) {
            JsonNode n = a.get(i);
            // dmlc stores qid as uint64, so -9223372036854775807 appears as 9223372036854775809: same 64 bits.
            r[i] = n.isBigInteger() ? n.bigIntegerValue().longValue() : n.asLong();
        }
        return r;
    }

    private static double[] doubles(JsonNode a) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = num(a.get(i));
        }
        return r;
    }

    // ---- facts from EXPECTED.md and PROVENANCE.md that the sidecars do not spell out ----

    @Test
    void classificationNeeds21FeaturesSoTwentyFails() throws IOException {
        Path f = Golden.path("libsvm/peer/sklearn/svmlight_classification.txt");
        LibSvmReadOptions auto = LibSvmReadOptions.defaults().withIndexBase(IndexBase.AUTO).withValueType(ValueType.FLOAT64);
        CsrMatrix m22 = LibSvmLoader.load(f, auto.withNumFeatures(22));
        assertEquals(22, m22.numCols());
        assertEquals(12345678901.23456, m22.get(3, 1)); // 1.234567890123456e10, float64 path
        FormatException e = assertThrows(FormatException.class, () -> LibSvmLoader.load(f, auto.withNumFeatures(20)));
        assertTrue(e.getMessage().contains("numFeatures 20"), e.getMessage());
        assertEquals(21, LibSvmLoader.load(f, auto.withNumFeatures(21)).numCols());
    }

    @Test
    void autoIsDecidedOverTheWholeInput() throws IOException {
        // sklearn test_load_zero_based_auto: data1 alone is one-based; data1 + data2 (index 0) is zero-based.
        byte[] d1 = Golden.bytes("libsvm/peer/sklearn/inline_test_load_zero_based_auto_data1.txt");
        byte[] d2 = Golden.bytes("libsvm/peer/sklearn/inline_test_load_zero_based_auto_data2.txt");
        LibSvmReadOptions auto = LibSvmReadOptions.defaults().withIndexBase(IndexBase.AUTO);
        assertEquals(3, LibSvmLoader.load(d1, auto).numCols());
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(d1);
        both.writeBytes(d2);
        CsrMatrix joint = LibSvmLoader.load(both.toByteArray(), auto);
        assertEquals(4, joint.numCols());
        assertEquals(3.0, joint.get(0, 3));
    }

    @Test
    void agaricusShapesPerTool() throws IOException {
        Path f = Golden.path("libsvm/real/xgboost_agaricus.txt.train");
        CsrMatrix zero = LibSvmLoader.load(f, LibSvmReadOptions.defaults());
        assertEquals(6513, zero.numRows());
        assertEquals(127, zero.numCols()); // xgboost default: a 1-based file gains an empty column 0
        assertEquals(143286, zero.nnz());
        CsrMatrix one = LibSvmLoader.load(f, LibSvmReadOptions.defaults().withIndexBase(IndexBase.ONE));
        assertEquals(126, one.numCols()); // sklearn auto, xgboost indexing_mode=1
        for (float v : one.floatValues()) {
            assertEquals(1f, v);
        }
    }

    @Test
    void nonFiniteDumpRejected() throws IOException {
        // g10: sklearn refuses to dump NaN/inf ("Input contains NaN."); our writer refuses too unless allowed.
        JsonNode x = Golden.json("libsvm/generated/g10_nonfinite_DUMP_REJECTED.json").get("input_X");
        LibSvmRow row = LibSvmRow.float64();
        row.setLabel(0);
        for (int c = 0; c < 3; c++) {
            row.features().append(c, num(x.get(0).get(c)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LibSvmWriter w = LibSvmWriter.open(out, LibSvmWriteOptions.defaults())) {
            assertThrows(IllegalArgumentException.class, () -> w.write(row));
        }
        assertEquals(0, out.size());
        out.reset();
        try (LibSvmWriter w = LibSvmWriter.open(out, LibSvmWriteOptions.defaults().withAllowNonFinite(true))) {
            w.write(row);
            w.commit();
        }
        assertEquals("0 0:NaN 1:1 2:0\n", out.toString(StandardCharsets.US_ASCII));
    }
}
