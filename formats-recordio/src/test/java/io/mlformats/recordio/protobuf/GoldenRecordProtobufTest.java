package io.mlformats.recordio.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.TruncatedInputException;
import io.mlformats.recordio.GoldenFacts;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.RecordIoReader;
import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import io.mlformats.testkit.Golden;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every golden RecordIO-protobuf file of the SageMaker SDK (v2.257.6) and the dmlc-core writer port: decoded
 * content against every value of the sidecar, physical records, and files we write from the same inputs
 * byte-identical to the golden ones.
 */
class GoldenRecordProtobufTest {
    @TempDir
    Path tmp;

    static final String[] DECODABLE = {
        "dense_f32_5x4_label_f32.pbr", "dense_f64_3x4_label_f64.pbr", "dense_i32_3x4_label_i32.pbr",
        "dense_f32_2x2_label_f64.pbr", "dense_f32_3x4_nolabel.pbr", "dense_f32_special_values.pbr",
        "sparse_csr_f32_6x10_label_f32.pbr", "sparse_csr_f32_unsorted_keys_nolabel.pbr",
        "magic_in_payload_sdk_single_part.pbr", "magic_in_payload_dmlc_multipart.pbr",
        "recordserializer_1d_f32.pbr", "all_fields_and_responses.pbr", "seq2seq_int32_tokens.pbr"};

    @ParameterizedTest
    @ValueSource(strings = {
        "dense_f32_5x4_label_f32.pbr", "dense_f64_3x4_label_f64.pbr", "dense_i32_3x4_label_i32.pbr",
        "dense_f32_2x2_label_f64.pbr", "dense_f32_3x4_nolabel.pbr", "dense_f32_special_values.pbr",
        "sparse_csr_f32_6x10_label_f32.pbr", "sparse_csr_f32_unsorted_keys_nolabel.pbr",
        "magic_in_payload_sdk_single_part.pbr", "magic_in_payload_dmlc_multipart.pbr",
        "recordserializer_1d_f32.pbr", "all_fields_and_responses.pbr", "seq2seq_int32_tokens.pbr",
        "dense_f32_1000x100_label_f32.pbr", "truncated_partial_header.pbr", "truncated_mid_payload.pbr",
        "truncated_missing_padding.pbr"})
    void physicalRecordsMatchSidecar(String name) throws Exception {
        GoldenFacts.assertFileFacts(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dense_f32_5x4_label_f32.pbr", "dense_f64_3x4_label_f64.pbr", "dense_i32_3x4_label_i32.pbr",
        "dense_f32_2x2_label_f64.pbr", "dense_f32_3x4_nolabel.pbr", "dense_f32_special_values.pbr",
        "sparse_csr_f32_6x10_label_f32.pbr", "sparse_csr_f32_unsorted_keys_nolabel.pbr",
        "magic_in_payload_sdk_single_part.pbr", "magic_in_payload_dmlc_multipart.pbr",
        "recordserializer_1d_f32.pbr", "all_fields_and_responses.pbr", "seq2seq_int32_tokens.pbr"})
    void everyRecordMatchesSidecar(String name) throws Exception {
        JsonNode side = Golden.json("recordio/" + name + ".json");
        JsonNode expected = side.get("records");
        int i = 0;
        try (RecordProtobufReader r = RecordProtobufReader.open(Golden.path("recordio/" + name))) {
            while (r.next()) {
                RecordView v = r.current();
                assertRecord(expected.get(i), v, name + " record " + i);
                // the interop conversion agrees with protobuf-java's own parse of the payload
                RecordProtos.Record parsed = RecordProtos.Record.parseFrom(v.payloadBytes());
                assertEquals(parsed, RecordMessages.toMessage(v), name + " record " + i + " toMessage");
                if (side.has("payload_lengths")) {
                    assertEquals(side.get("payload_lengths").get(i).asInt(), v.payloadLength());
                }
                i++;
            }
        }
        assertEquals(side.get("logical_record_count").asInt(), i, name + " logical records");
    }

    /** Asserts a decoded record against a sidecar record: every map entry, tensor type, bit pattern, key, shape. */
    static void assertRecord(JsonNode exp, RecordView v, String what) {
        assertMap(exp.get("features"), v, true, what);
        assertMap(exp.get("label"), v, false, what);
        assertString(exp.get("uid"), v.hasUid(), v.uid(), what + " uid");
        assertString(exp.get("metadata"), v.hasMetadata(), v.metadata(), what + " metadata");
        assertString(exp.get("configuration"), v.hasConfiguration(), v.configuration(), what + " configuration");
    }

    private static void assertString(JsonNode exp, boolean has, String actual, String what) {
        if (exp == null || exp.isNull()) {
            assertFalse(has, what);
            assertNull(actual, what);
        } else {
            assertTrue(has, what);
            assertEquals(exp.asString(), actual, what);
        }
    }

    private static void assertMap(JsonNode exp, RecordView v, boolean features, String what) {
        int count = features ? v.featureCount() : v.labelCount();
        assertEquals(exp.size(), count, what + (features ? " feature" : " label") + " count");
        for (Map.Entry<String, JsonNode> e : exp.properties()) {
            TensorView t = features ? v.feature(e.getKey()) : v.label(e.getKey());
            assertNotNull(t, what + " key " + e.getKey());
            assertTensor(e.getValue(), t, what + " " + e.getKey());
        }
    }

    static void assertTensor(JsonNode exp, TensorView t, String what) {
        String kind = exp.get("tensor").asString();
        switch (kind) {
            case "float32_tensor": {
                assertEquals(TensorType.FLOAT32, t.type(), what);
                JsonNode bits = exp.get("values_bits");
                assertEquals(bits.size(), t.size(), what + " size");
                float[] bulk = new float[t.size()];
                t.copyTo(bulk, 0);
                java.nio.FloatBuffer fb = t.float32Buffer();
                for (int i = 0; i < bits.size(); i++) {
                    int b = Long.decode(bits.get(i).asString()).intValue();
                    assertEquals(b, Float.floatToRawIntBits(t.float32(i)), what + " value " + i);
                    assertEquals(b, Float.floatToRawIntBits(bulk[i]), what + " bulk value " + i);
                    assertEquals(b, Float.floatToRawIntBits(fb.get(i)), what + " buffer value " + i);
                }
                break;
            }
            case "float64_tensor": {
                assertEquals(TensorType.FLOAT64, t.type(), what);
                JsonNode bits = exp.get("values_bits");
                assertEquals(bits.size(), t.size(), what + " size");
                double[] bulk = new double[t.size()];
                t.copyTo(bulk, 0);
                for (int i = 0; i < bits.size(); i++) {
                    long b = Long.parseUnsignedLong(bits.get(i).asString().substring(2), 16);
                    assertEquals(b, Double.doubleToRawLongBits(t.float64(i)), what + " value " + i);
                    assertEquals(b, Double.doubleToRawLongBits(bulk[i]), what + " bulk value " + i);
                }
                break;
            }
            case "int32_tensor": {
                assertEquals(TensorType.INT32, t.type(), what);
                JsonNode vals = exp.get("values");
                assertEquals(vals.size(), t.size(), what + " size");
                for (int i = 0; i < vals.size(); i++) {
                    assertEquals(vals.get(i).asInt(), t.int32(i), what + " value " + i);
                }
                break;
            }
            case "bytes": {
                assertEquals(TensorType.BYTES, t.type(), what);
                JsonNode vals = exp.get("value_b64");
                assertEquals(vals.size(), t.size(), what + " size");
                for (int i = 0; i < vals.size(); i++) {
                    ByteBuffer b = t.bytes(i);
                    byte[] a = new byte[b.remaining()];
                    b.get(a);
                    assertArrayEquals(Base64.getDecoder().decode(vals.get(i).asString()), a, what + " bytes " + i);
                }
                assertEquals(exp.get("content_type").asString(), t.contentType(), what + " content type");
                return;
            }
            default:
                throw new AssertionError("unknown tensor kind " + kind);
        }
        JsonNode keys = exp.get("keys");
        assertEquals(keys.size(), t.keyCount(), what + " key count");
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(Long.parseUnsignedLong(keys.get(i).asString()), t.key(i), what + " key " + i);
        }
        JsonNode shape = exp.get("shape");
        assertEquals(shape.size(), t.shapeSize(), what + " shape size");
        for (int i = 0; i < shape.size(); i++) {
            assertEquals(Long.parseUnsignedLong(shape.get(i).asString()), t.shape(i), what + " shape " + i);
        }
        assertEquals(keys.size() > 0 || (t.size() == 0 && shape.size() > 0), t.isSparse(), what + " sparse");
    }

    // ---------------------------------------------------------------- the large file

    @Test
    void largeDenseFileMatchesGeneratorFormulaAndDigests() throws Exception {
        JsonNode side = Golden.json("recordio/dense_f32_1000x100_label_f32.pbr.json");
        ByteArrayOutputStream feats = new ByteArrayOutputStream();
        ByteArrayOutputStream labs = new ByteArrayOutputStream();
        float[] row = new float[100];
        int i = 0;
        List<Integer> samples = new ArrayList<>();
        side.get("records_sample_indices").forEach(n -> samples.add(n.asInt()));
        try (RecordProtobufReader r = RecordProtobufReader.open(Golden.path("recordio/dense_f32_1000x100_label_f32.pbr"))) {
            while (r.next()) {
                RecordView v = r.current();
                assertEquals(100, v.features().copyTo(row, 0));
                ByteBuffer lb = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
                for (int j = 0; j < 100; j++) {
                    float expect = (float) (((i * 131 + j * 17) % 1000) / 16.0 - 31.25);
                    assertEquals(Float.floatToRawIntBits(expect), Float.floatToRawIntBits(row[j]), "X[" + i + "][" + j + "]");
                    lb.putFloat(row[j]);
                }
                feats.write(lb.array());
                float label = v.label().float32(0);
                assertEquals((float) (i % 3), label);
                labs.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(label).array());
                int s = samples.indexOf(i);
                if (s >= 0) {
                    assertSampleRecord(side.get("records_sample").get(s), v, i);
                }
                assertEquals(440, v.payloadLength());
                i++;
            }
        }
        assertEquals(1000, i);
        assertEquals(side.get("features_f32le_sha256").asString(), GoldenFacts.sha256(feats.toByteArray()));
        assertEquals(side.get("labels_f32le_sha256").asString(), GoldenFacts.sha256(labs.toByteArray()));

        // written from the generator formula: byte-identical to the SDK's file
        Path out = tmp.resolve("large.pbr");
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out)) {
            for (int r = 0; r < 1000; r++) {
                for (int j = 0; j < 100; j++) {
                    row[j] = (float) (((r * 131 + j * 17) % 1000) / 16.0 - 31.25);
                }
                w.writeDense(row, (float) (r % 3));
            }
            w.commit();
        }
        assertArrayEquals(Golden.bytes("recordio/dense_f32_1000x100_label_f32.pbr"), java.nio.file.Files.readAllBytes(out));
    }

    private static void assertSampleRecord(JsonNode exp, RecordView v, int i) {
        // The sidecar lists the first values of the sample rows; those it lists are checked bit for bit.
        JsonNode bits = exp.get("features").get("values").get("values_bits");
        for (int j = 0; j < bits.size(); j++) {
            String s = bits.get(j).asString();
            if (s.startsWith("0x")) {
                assertEquals(Long.decode(s).intValue(), Float.floatToRawIntBits(v.features().float32(j)), "sample " + i + " value " + j);
            }
        }
        assertEquals(Long.decode(exp.get("label").get("values").get("values_bits").get(0).asString()).intValue(),
                Float.floatToRawIntBits(v.label().float32(0)));
    }

    // ---------------------------------------------------------------- writing from the same inputs

    /** Rows and labels of a dense golden file, from its sidecar, written again with our writer. */
    private byte[] rewriteDense(String name, RecordProtobufWriteOptions options) throws Exception {
        JsonNode side = Golden.json("recordio/" + name + ".json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, options)) {
            for (JsonNode rec : side.get("records")) {
                JsonNode f = rec.get("features").get("values");
                JsonNode l = rec.get("label").get("values");
                boolean hasLabel = l != null;
                double label = 0;
                if (hasLabel) {
                    label = scalar(l);
                }
                switch (f.get("tensor").asString()) {
                    case "float32_tensor": {
                        JsonNode bits = f.get("values_bits");
                        float[] row = new float[bits.size()];
                        for (int j = 0; j < row.length; j++) {
                            row[j] = Float.intBitsToFloat(Long.decode(bits.get(j).asString()).intValue());
                        }
                        if (hasLabel) {
                            w.writeDense(row, label);
                        } else {
                            w.writeDense(row);
                        }
                        break;
                    }
                    case "float64_tensor": {
                        JsonNode bits = f.get("values_bits");
                        double[] row = new double[bits.size()];
                        for (int j = 0; j < row.length; j++) {
                            row[j] = Double.longBitsToDouble(Long.parseUnsignedLong(bits.get(j).asString().substring(2), 16));
                        }
                        if (hasLabel) {
                            w.writeDense(row, label);
                        } else {
                            w.writeDense(row);
                        }
                        break;
                    }
                    default: {
                        JsonNode vals = f.get("values");
                        int[] row = new int[vals.size()];
                        for (int j = 0; j < row.length; j++) {
                            row[j] = vals.get(j).asInt();
                        }
                        if (hasLabel) {
                            w.writeDense(row, label);
                        } else {
                            w.writeDense(row);
                        }
                    }
                }
            }
            w.commit();
        }
        return out.toByteArray();
    }

    private static double scalar(JsonNode t) {
        String kind = t.get("tensor").asString();
        if (kind.equals("float32_tensor")) {
            return Float.intBitsToFloat(Long.decode(t.get("values_bits").get(0).asString()).intValue());
        }
        if (kind.equals("float64_tensor")) {
            return Double.longBitsToDouble(Long.parseUnsignedLong(t.get("values_bits").get(0).asString().substring(2), 16));
        }
        return t.get("values").get(0).asInt();
    }

    @Test
    void denseFilesWrittenFromTheSameInputsAreByteIdentical() throws Exception {
        RecordProtobufWriteOptions f32 = RecordProtobufWriteOptions.defaults();
        RecordProtobufWriteOptions f64 = f32.withLabelType(TensorType.FLOAT64);
        RecordProtobufWriteOptions i32 = f32.withLabelType(TensorType.INT32);
        assertArrayEquals(Golden.bytes("recordio/dense_f32_5x4_label_f32.pbr"), rewriteDense("dense_f32_5x4_label_f32.pbr", f32));
        assertArrayEquals(Golden.bytes("recordio/dense_f64_3x4_label_f64.pbr"), rewriteDense("dense_f64_3x4_label_f64.pbr", f64));
        assertArrayEquals(Golden.bytes("recordio/dense_i32_3x4_label_i32.pbr"), rewriteDense("dense_i32_3x4_label_i32.pbr", i32));
        assertArrayEquals(Golden.bytes("recordio/dense_f32_2x2_label_f64.pbr"), rewriteDense("dense_f32_2x2_label_f64.pbr", f64));
        assertArrayEquals(Golden.bytes("recordio/dense_f32_3x4_nolabel.pbr"), rewriteDense("dense_f32_3x4_nolabel.pbr", f32));
        assertArrayEquals(Golden.bytes("recordio/dense_f32_special_values.pbr"), rewriteDense("dense_f32_special_values.pbr", f32));
        assertArrayEquals(Golden.bytes("recordio/recordserializer_1d_f32.pbr"), rewriteDense("recordserializer_1d_f32.pbr", f32));
    }

    @Test
    void magicInPayloadSdkFileNeedsSplittingOffAndDmlcFileIsTheDefault() throws Exception {
        // The SDK never splits: reproduced with splitOnMagic(false).
        RecordProtobufWriteOptions sdk = RecordProtobufWriteOptions.defaults()
                .withFraming(RecordIoWriteOptions.defaults().withSplitOnMagic(false));
        assertArrayEquals(Golden.bytes("recordio/magic_in_payload_sdk_single_part.pbr"),
                rewriteDense("magic_in_payload_sdk_single_part.pbr", sdk));
        // The same inputs with our default (dmlc-core's writer) give the dmlc multi-part golden file.
        assertArrayEquals(Golden.bytes("recordio/magic_in_payload_dmlc_multipart.pbr"),
                rewriteDense("magic_in_payload_sdk_single_part.pbr", RecordProtobufWriteOptions.defaults()));
    }

    @Test
    void dmlcMultipartFileReadsBackAsTheSinglePartPayloads() throws Exception {
        List<byte[]> single = payloads("magic_in_payload_sdk_single_part.pbr");
        List<byte[]> multi = payloads("magic_in_payload_dmlc_multipart.pbr");
        assertEquals(3, multi.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(single.get(i), multi.get(i), "payload " + i);
        }
        try (RecordIoReader r = RecordIoReader.open(Golden.path("recordio/magic_in_payload_dmlc_multipart.pbr"))) {
            int[] parts = new int[3];
            long[] offsets = new long[3];
            for (int i = 0; i < 3; i++) {
                assertTrue(r.next());
                parts[i] = r.parts();
                offsets[i] = r.recordOffset();
            }
            assertFalse(r.next());
            assertArrayEquals(new int[] {1, 4, 1}, parts);
            assertArrayEquals(new long[] {0, 60, 132}, offsets);
        }
        // ml-io / TF-extensions semantics lose the 3 magic words (12 bytes)
        RecordIoReadOptions concat = RecordIoReadOptions.defaults().withMultipart(io.mlformats.recordio.MultipartPolicy.CONCAT);
        try (RecordIoReader r = RecordIoReader.open(ByteSources.of(Golden.bytes("recordio/magic_in_payload_dmlc_multipart.pbr")).input(), concat)) {
            r.next();
            r.next();
            assertEquals(52 - 12, r.payloadLength());
        }
        // the framing writer frames the payloads exactly as the golden dmlc file
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (io.mlformats.recordio.RecordIoWriter w = io.mlformats.recordio.RecordIoWriter.open(out, RecordIoWriteOptions.defaults())) {
            for (byte[] p : single) {
                w.write(p);
            }
            w.commit();
        }
        assertArrayEquals(Golden.bytes("recordio/magic_in_payload_dmlc_multipart.pbr"), out.toByteArray());
    }

    static List<byte[]> payloads(String name) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (RecordIoReader r = RecordIoReader.open(Golden.path("recordio/" + name))) {
            while (r.next()) {
                out.add(r.payloadBytes());
            }
        }
        return out;
    }

    @Test
    void sparseFilesWrittenFromTheCsrInputsAreByteIdentical() throws Exception {
        for (String name : new String[] {"sparse_csr_f32_6x10_label_f32.pbr", "sparse_csr_f32_unsorted_keys_nolabel.pbr"}) {
            JsonNode side = Golden.json("recordio/" + name + ".json");
            JsonNode in = side.get("input");
            int[] indptr = ints(in.get("csr_indptr"));
            int[] indices = ints(in.get("csr_indices"));
            float[] data = new float[in.get("csr_data").size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) in.get("csr_data").get(i).asDouble();
            }
            long cols = in.get("shape").get(1).asLong();
            JsonNode recs = side.get("records");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults())) {
                for (int r = 0; r + 1 < indptr.length; r++) {
                    JsonNode l = recs.get(r).get("label").get("values");
                    if (l == null) {
                        w.writeSparse(cols, indices, data, indptr[r], indptr[r + 1] - indptr[r]);
                    } else {
                        w.writeSparse(cols, indices, data, indptr[r], indptr[r + 1] - indptr[r], scalar(l));
                    }
                }
                w.commit();
            }
            assertArrayEquals(Golden.bytes("recordio/" + name), out.toByteArray(), name);
        }
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    @Test
    void reEncodingEveryDecodedRecordReproducesItsPayload() throws Exception {
        // Includes all_fields_and_responses (every field, Bytes, several map keys) and seq2seq (two-key map in
        // the order Python wrote it): our encoder keeps wire order, so the payloads come back byte for byte.
        for (String name : DECODABLE) {
            byte[] original = Golden.bytes("recordio/" + name);
            ByteArrayOutputStream viaView = new ByteArrayOutputStream();
            ByteArrayOutputStream viaMessage = new ByteArrayOutputStream();
            RecordIoWriteOptions framing = name.equals("magic_in_payload_sdk_single_part.pbr")
                    ? RecordIoWriteOptions.defaults().withSplitOnMagic(false) : RecordIoWriteOptions.defaults();
            RecordProtobufWriteOptions o = RecordProtobufWriteOptions.defaults().withFraming(framing);
            try (RecordProtobufReader r = RecordProtobufReader.open(Golden.path("recordio/" + name));
                    RecordProtobufWriter a = RecordProtobufWriter.open(viaView, o);
                    RecordProtobufWriter b = RecordProtobufWriter.open(viaMessage, o)) {
                while (r.next()) {
                    a.write(r.current());
                    RecordMessages.write(b, RecordMessages.toMessage(r.current()));
                }
                a.commit();
                b.commit();
            }
            assertArrayEquals(original, viaView.toByteArray(), name + " via view");
            assertArrayEquals(original, viaMessage.toByteArray(), name + " via protobuf-java message");
        }
    }

    // ---------------------------------------------------------------- damaged files

    @Test
    void truncatedPartialHeaderFailsAtTheHeaderOffset() throws Exception {
        FormatException e = assertThrows(TruncatedInputException.class, () -> readAll("truncated_partial_header.pbr", ReadMode.STRICT));
        assertEquals(60, e.position().byteOffset());
        assertEquals(1, e.position().recordIndex());
        assertTrue(e.getMessage().contains("truncated header: 6 of 8 bytes"), e.getMessage());
        assertTrue(e.getMessage().startsWith(Golden.path("recordio/truncated_partial_header.pbr") + ":60: record 1:"), e.getMessage());
        assertLenient("truncated_partial_header.pbr", 1, 6);
    }

    @Test
    void truncatedMidPayloadFailsAtThePayloadOffset() throws Exception {
        FormatException e = assertThrows(TruncatedInputException.class, () -> readAll("truncated_mid_payload.pbr", ReadMode.STRICT));
        assertEquals(68, e.position().byteOffset());
        assertTrue(e.getMessage().contains("declares 52 bytes, 10 remain"), e.getMessage());
        assertLenient("truncated_mid_payload.pbr", 1, 18);
    }

    @Test
    void truncatedPaddingFailsStrictAndIsAcceptedLenientlyLikeTheSdk() throws Exception {
        FormatException e = assertThrows(TruncatedInputException.class, () -> readAll("truncated_missing_padding.pbr", ReadMode.STRICT));
        assertEquals(109, e.position().byteOffset());
        assertTrue(e.getMessage().contains("truncated padding: 3 zero bytes expected after the 37-byte payload, 1 remain"), e.getMessage());
        // lenient: the SDK reader yields both records; so do we, with a warning
        RecordIoReadOptions lenient = RecordIoReadOptions.defaults().withRead(io.mlformats.core.ReadOptions.defaults().withMode(ReadMode.LENIENT));
        try (RecordProtobufReader r = RecordProtobufReader.open(Golden.path("recordio/truncated_missing_padding.pbr"), new RecordProtobufReadOptions(lenient))) {
            int n = 0;
            while (r.next()) {
                n++;
            }
            assertEquals(2, n);
            assertEquals(1L, r.framing().stats().warningsByKind().get("missing-final-padding"));
            assertEquals(0, r.framing().ignoredBytes());
        }
    }

    private static void assertLenient(String name, int records, long ignored) throws Exception {
        RecordIoReadOptions lenient = RecordIoReadOptions.defaults().withRead(io.mlformats.core.ReadOptions.defaults().withMode(ReadMode.LENIENT));
        try (RecordProtobufReader r = RecordProtobufReader.open(Golden.path("recordio/" + name), new RecordProtobufReadOptions(lenient))) {
            int n = 0;
            while (r.next()) {
                n++;
            }
            assertEquals(records, n, name);
            assertEquals(ignored, r.framing().ignoredBytes(), name + " ignored bytes");
            assertEquals(1L, r.framing().stats().warningsByKind().get("ignored-trailing-bytes"));
        }
    }

    private static int readAll(String name, ReadMode mode) throws Exception {
        RecordIoReadOptions o = RecordIoReadOptions.defaults().withRead(io.mlformats.core.ReadOptions.defaults().withMode(mode));
        int n = 0;
        try (RecordProtobufReader r = RecordProtobufReader.open(Golden.path("recordio/" + name), new RecordProtobufReadOptions(o))) {
            while (r.next()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void emptySparseRowIsReadAsSparse() throws Exception {
        try (RecordProtobufReader r = RecordProtobufReader.open(Golden.path("recordio/sparse_csr_f32_6x10_label_f32.pbr"))) {
            r.next();
            r.next();
            TensorView t = r.current().features();
            assertEquals(0, t.size());
            assertEquals(0, t.keyCount());
            assertEquals(1, t.shapeSize());
            assertTrue(t.isSparse());
        }
    }

    @Test
    void csrMatrixRoundTripThroughTheMatrixHelpers() throws Exception {
        io.mlformats.core.vector.CsrMatrix m = RecordProtobufMatrices.readCsr(Golden.path("recordio/sparse_csr_f32_6x10_label_f32.pbr"));
        assertEquals(6, m.numRows());
        assertEquals(10, m.numCols());
        assertArrayEquals(new long[] {0, 3, 3, 4, 14, 15, 17}, m.indptr());
        assertArrayEquals(new double[] {1, 0, 1, 0, 1, 0}, m.labels());
        Path out = tmp.resolve("csr.pbr");
        RecordProtobufMatrices.writeCsr(out, m);
        assertArrayEquals(Golden.bytes("recordio/sparse_csr_f32_6x10_label_f32.pbr"), java.nio.file.Files.readAllBytes(out));
    }

    @Test
    void denseMatrixHelperWritesTheSdkBytes() throws Exception {
        JsonNode side = Golden.json("recordio/dense_f32_5x4_label_f32.pbr.json");
        float[][] rows = new float[5][4];
        float[] labels = new float[5];
        for (int i = 0; i < 5; i++) {
            JsonNode r = side.get("records").get(i);
            for (int j = 0; j < 4; j++) {
                rows[i][j] = Float.intBitsToFloat(Long.decode(r.get("features").get("values").get("values_bits").get(j).asString()).intValue());
            }
            labels[i] = (float) scalar(r.get("label").get("values"));
        }
        Path out = tmp.resolve("dense.pbr");
        RecordProtobufMatrices.writeDense(out, rows, labels);
        assertArrayEquals(Golden.bytes("recordio/dense_f32_5x4_label_f32.pbr"), java.nio.file.Files.readAllBytes(out));
        io.mlformats.core.vector.CsrMatrix m = RecordProtobufMatrices.readCsr(out);
        assertEquals(5, m.numRows());
        assertEquals(4, m.numCols());
        for (int i = 0; i < 5; i++) {
            assertEquals(labels[i], m.labels()[i]);
            for (int j = 0; j < 4; j++) {
                assertEquals(Float.floatToRawIntBits(rows[i][j]), Float.floatToRawIntBits(m.floatValues()[i * 4 + j]));
            }
        }
    }
}
