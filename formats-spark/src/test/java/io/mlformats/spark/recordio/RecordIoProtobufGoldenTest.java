package io.mlformats.spark.recordio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.Files;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;

/** SDK-written golden files read through Spark, value by value against their sidecars. */
@ExtendWith(SharedSpark.class)
class RecordIoProtobufGoldenTest {
    @TempDir
    Path tmp;

    private Path copy(Path golden) throws IOException {
        return RecordIoTesting.copyGolden(golden.getFileName().toString(), tmp);
    }

    private static JsonNode side(Path golden) throws IOException {
        return RecordIoTesting.sidecar(golden.getFileName().toString());
    }

    /** A file fits LabeledVector when every record has a numeric features["values"] of rank 0 or 1. */
    private static boolean fitsLabeledVector(JsonNode records) {
        for (JsonNode r : records) {
            JsonNode f = r.get("features").get("values");
            if (f == null || f.get("tensor").asText().equals("bytes") || f.get("shape").size() > 1) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyGoldenFileReadsValueByValue() throws IOException {
        // One Spark job per record type over folders of copies (each small file is one partition, read in order).
        Path all = Files.createDirectories(tmp.resolve("all"));
        Path labeled = Files.createDirectories(tmp.resolve("labeled"));
        Map<String, JsonNode> expected = new TreeMap<>();
        int fits = 0;
        for (Path golden : RecordIoTesting.goldenFiles(".pbr")) {
            JsonNode records = side(golden).get("records");
            if (records == null) {
                continue; // damaged files (truncated_*) and the sampled large one are tested below
            }
            String name = golden.getFileName().toString();
            expected.put(name, records);
            RecordIoTesting.copyGolden(name, all);
            if (fitsLabeledVector(records)) {
                RecordIoTesting.copyGolden(name, labeled);
                fits++;
            }
        }
        assertEquals(11, fits, "golden files that fit LabeledVector");
        Map<String, List<Row>> asRecords = byFile(SharedSpark.session().read().format("recordio-protobuf")
                .option("recordType", "Record").load(all.toString()));
        Map<String, List<Row>> asLabeled = byFile(SharedSpark.session().read().format("recordio-protobuf")
                .load(labeled.toString()));
        assertEquals(expected.keySet(), asRecords.keySet());
        assertEquals(fits, asLabeled.size());
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            JsonNode records = e.getValue();
            List<Row> rows = asRecords.get(e.getKey());
            assertEquals(records.size(), rows.size(), e.getKey());
            for (int i = 0; i < records.size(); i++) {
                assertRecord(records.get(i), rows.get(i), e.getKey() + " record " + i);
                compared++;
            }
            List<Row> vectors = asLabeled.get(e.getKey());
            if (vectors != null) {
                assertEquals(records.size(), vectors.size(), e.getKey());
                for (int i = 0; i < records.size(); i++) {
                    assertLabeled(records.get(i), vectors.get(i), e.getKey() + " row " + i);
                }
            }
        }
        assertTrue(compared >= 40, "records compared: " + compared);
    }

    /** Rows grouped by source file name, in read order; the file name column is dropped. */
    private static Map<String, List<Row>> byFile(Dataset<Row> df) {
        Map<String, List<Row>> out = new TreeMap<>();
        for (Row r : df.withColumn("file", functions.input_file_name()).collectAsList()) {
            String file = r.getString(r.length() - 1);
            Object[] values = new Object[r.length() - 1];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i);
            }
            out.computeIfAbsent(file.substring(file.lastIndexOf('/') + 1), k -> new ArrayList<>())
                    .add(RowFactory.create(values));
        }
        return out;
    }

    @Test
    void largeDenseGoldenFileMatchesItsSample() throws IOException {
        Path golden = RecordIoTesting.goldenFolder().resolve("dense_f32_1000x100_label_f32.pbr");
        JsonNode side = side(golden);
        List<Row> rows = SharedSpark.session().read().format("recordio-protobuf").load(copy(golden).toString())
                .collectAsList();
        assertEquals(1000, rows.size());
        JsonNode indices = side.get("records_sample_indices");
        for (int s = 0; s < indices.size(); s++) {
            int i = indices.get(s).asInt();
            assertLabeled(side.get("records_sample").get(s), rows.get(i), "row " + i);
        }
    }

    private static void assertLabeled(JsonNode exp, Row row, String what) {
        JsonNode label = exp.get("label").get("values");
        if (label == null) {
            assertTrue(row.isNullAt(0), what + " label null");
        } else {
            assertBits(numbers(label)[0], row.getDouble(0), what + " label");
        }
        JsonNode f = exp.get("features").get("values");
        double[] values = numbers(f);
        Vector v = (Vector) row.get(1);
        JsonNode keys = f.get("keys");
        boolean sparse = keys.size() > 0 || (values.length == 0 && f.get("shape").size() == 1);
        if (!sparse) {
            DenseVector d = assertInstanceOf(DenseVector.class, v, what);
            assertEquals(values.length, d.size(), what + " size");
            for (int k = 0; k < values.length; k++) {
                assertBits(values[k], d.apply(k), what + " value " + k);
            }
            return;
        }
        SparseVector s = assertInstanceOf(SparseVector.class, v, what);
        assertEquals(f.get("shape").get(0).asLong(), s.size(), what + " size");
        assertEquals(keys.size(), s.numActives(), what + " nnz");
        for (int k = 0; k < keys.size(); k++) {
            // Spark's sparse vectors are sorted by index; the SDK keeps the matrix's key order.
            assertBits(values[k], s.apply(keys.get(k).asInt()), what + " key " + keys.get(k));
        }
        for (int k = 1; k < s.indices().length; k++) {
            assertTrue(s.indices()[k - 1] < s.indices()[k], what + " ascending indices");
        }
    }

    private static <T> T assertInstanceOf(Class<T> type, Object o, String what) {
        assertTrue(type.isInstance(o), what + ": " + o);
        return type.cast(o);
    }

    /** Expected values widened to double from their exact bits (or int32 values). */
    private static double[] numbers(JsonNode tensor) {
        String kind = tensor.get("tensor").asText();
        JsonNode vals = tensor.get("values");
        double[] out = new double[vals.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (kind) {
                case "float32_tensor" -> Float.intBitsToFloat(
                        Long.decode(tensor.get("values_bits").get(i).asText()).intValue());
                case "float64_tensor" -> Double.longBitsToDouble(
                        Long.parseUnsignedLong(tensor.get("values_bits").get(i).asText().substring(2), 16));
                default -> vals.get(i).asInt();
            };
        }
        return out;
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    private static void assertRecord(JsonNode exp, Row row, String what) {
        assertMap(exp.get("features"), row.getJavaMap(0), what + " features");
        assertMap(exp.get("label"), row.getJavaMap(1), what + " label");
        String[] fields = {"uid", "metadata", "configuration"};
        for (int i = 0; i < fields.length; i++) {
            JsonNode e = exp.get(fields[i]);
            if (e == null || e.isNull()) {
                assertTrue(row.isNullAt(2 + i), what + " " + fields[i]);
            } else {
                assertEquals(e.asText(), row.getString(2 + i), what + " " + fields[i]);
            }
        }
    }

    private static void assertMap(JsonNode exp, Map<Object, Object> actual, String what) {
        assertEquals(exp.size(), actual.size(), what + " keys " + actual.keySet());
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) exp::fields) {
            Row t = (Row) actual.get(e.getKey());
            String w = what + "['" + e.getKey() + "']";
            assertTrue(t != null, w + " missing");
            JsonNode x = e.getValue();
            String kind = x.get("tensor").asText();
            assertEquals(kind.replace("_tensor", ""), t.getString(0), w + " dtype");
            if (kind.equals("bytes")) {
                List<byte[]> bytes = t.getList(5);
                JsonNode b64 = x.get("value_b64");
                assertEquals(b64.size(), bytes.size(), w + " byte strings");
                for (int i = 0; i < b64.size(); i++) {
                    assertArrayEquals(Base64.getDecoder().decode(b64.get(i).asText()), bytes.get(i), w);
                }
                assertEquals(x.get("content_type").asText(), t.getString(6), w + " content type");
                continue;
            }
            double[] values = numbers(x);
            if (kind.equals("int32_tensor")) {
                List<Integer> ints = t.getList(2);
                assertTrue(t.isNullAt(1), w + " values null for int32");
                assertEquals(values.length, ints.size(), w);
                for (int i = 0; i < values.length; i++) {
                    assertEquals((int) values[i], ints.get(i), w + " value " + i);
                }
            } else {
                List<Double> doubles = t.getList(1);
                assertTrue(t.isNullAt(2), w + " int32Values null");
                assertEquals(values.length, doubles.size(), w);
                for (int i = 0; i < values.length; i++) {
                    assertBits(values[i], doubles.get(i), w + " value " + i);
                }
            }
            assertEquals(longs(x.get("keys")), t.getList(3), w + " keys");
            assertEquals(longs(x.get("shape")), t.getList(4), w + " shape");
            assertFalse(t.isNullAt(3), w);
        }
    }

    private static List<Long> longs(JsonNode a) {
        List<Long> out = new ArrayList<>();
        a.forEach(n -> out.add(Long.parseUnsignedLong(n.asText())));
        return out;
    }

    @Test
    void truncatedGoldenFilesFailWithPathAndOffsetOrDropTheDamage() throws IOException {
        // Strict (FAILFAST) names the damaged record; DROPMALFORMED (lenient) keeps the complete records, and,
        // like the SDK's reader, accepts a last record that only lacks its padding.
        String[] names = {"truncated_mid_payload", "truncated_missing_padding", "truncated_partial_header"};
        int[] kept = {1, 2, 1};
        long[] at = {68, 109, 60}; // where the damage is found: in the payload, the padding, the header
        String[] what = {"payload: the header at offset 60 declares 52 bytes, 10 remain", "padding", "header"};
        for (int i = 0; i < names.length; i++) {
            Path golden = RecordIoTesting.goldenFolder().resolve(names[i] + ".pbr");
            String path = copy(golden).toString();
            String msg = RecordIoTesting.failure(() -> SharedSpark.session().read().format("recordio-protobuf")
                    .load(path).collectAsList());
            assertTrue(msg.contains(names[i] + ".pbr:" + at[i] + ": record 1: truncated " + what[i]), msg);
            assertTrue(msg.contains("io.mlformats.core.TruncatedInputException"), msg);
            List<Row> rows = SharedSpark.session().read().format("recordio-protobuf").option("mode", "DROPMALFORMED")
                    .load(path).collectAsList();
            assertEquals(kept[i], rows.size(), names[i]);
            assertTrue(((org.apache.spark.ml.linalg.Vector) rows.get(0).get(1)).size() > 0, names[i]);
        }
    }
}
