package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * RecordIO-protobuf written by {@code convert} is byte for byte what the SageMaker Python SDK writes for the same
 * matrix (golden files of write_numpy_to_dense_tensor / write_spmatrix_to_sparse_tensor), and {@code cat} prints
 * every value of the golden sidecars.
 */
class GoldenRecordIoTest {
    @TempDir
    Path dir;

    /** Text of a float32 bit pattern that parses back to the same bits (Java's shortest form). */
    private static String f32(JsonNode bits) {
        return Float.toString(Float.intBitsToFloat(Integer.parseUnsignedInt(bits.asString().substring(2), 16)));
    }

    private static String f64(JsonNode bits) {
        return Double.toString(Double.longBitsToDouble(Long.parseUnsignedLong(bits.asString().substring(2), 16)));
    }

    /** The sidecar's matrix as SageMaker CSV (label first when the records have labels). */
    private Path csvFromSidecar(String name, boolean f64) throws IOException {
        JsonNode side = Golden.json("recordio/" + name + ".json");
        StringBuilder sb = new StringBuilder();
        for (JsonNode rec : side.get("records")) {
            JsonNode label = rec.get("label").get("values");
            String sep = "";
            if (label != null) {
                sb.append(f64 ? f64(label.get("values_bits").get(0)) : f32(label.get("values_bits").get(0)));
                sep = ",";
            }
            for (JsonNode b : rec.get("features").get("values").get("values_bits")) {
                sb.append(sep).append(f64 ? f64(b) : f32(b));
                sep = ",";
            }
            sb.append('\n');
        }
        return Files.writeString(dir.resolve(name + ".csv"), sb);
    }

    @Test
    void denseCsvToRecordIoIsTheSdksBytes() throws IOException {
        for (String name : List.of("dense_f32_5x4_label_f32.pbr", "magic_in_payload_sdk_single_part.pbr")) {
            Path csv = csvFromSidecar(name, false);
            Path out = dir.resolve(name);
            Cli c = Cli.run("convert", "-q", "--to", "recordio-protobuf", csv.toString(), "-o", out.toString());
            assertEquals(0, c.code(), c.err());
            if (name.startsWith("magic")) {
                // dmlc-core splitting (DECISIONS.md: RecordIO writers split at aligned magic by default), so the
                // file equals the dmlc multi-part golden file, not the SDK's single-part one.
                assertArrayEquals(Golden.bytes("recordio/magic_in_payload_dmlc_multipart.pbr"), Files.readAllBytes(out));
            } else {
                assertArrayEquals(Golden.bytes("recordio/" + name), Files.readAllBytes(out), name);
            }
        }
    }

    @Test
    void denseFloat64AndUnlabelledCsvToRecordIo() throws IOException {
        Path csv = csvFromSidecar("dense_f64_3x4_label_f64.pbr", true);
        Path out = dir.resolve("f64.pbr");
        Cli c = Cli.run("convert", "-q", "--to", "recordio-protobuf", "--dtype", "float64", csv.toString(), "-o",
                out.toString());
        assertEquals(0, c.code(), c.err());
        assertArrayEquals(Golden.bytes("recordio/dense_f64_3x4_label_f64.pbr"), Files.readAllBytes(out));

        Path nolabel = csvFromSidecar("dense_f32_3x4_nolabel.pbr", false);
        Path out2 = dir.resolve("nolabel.pbr");
        Cli d = Cli.run("convert", "-q", "--to", "recordio-protobuf", "--label-column", "none", nolabel.toString(),
                "-o", out2.toString());
        assertEquals(0, d.code(), d.err());
        assertArrayEquals(Golden.bytes("recordio/dense_f32_3x4_nolabel.pbr"), Files.readAllBytes(out2));
    }

    @Test
    void sparseLibSvmToRecordIoIsTheSdksBytes() throws IOException {
        JsonNode in = Golden.json("recordio/sparse_csr_f32_6x10_label_f32.pbr.json").get("input");
        JsonNode recs = Golden.json("recordio/sparse_csr_f32_6x10_label_f32.pbr.json").get("records");
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < recs.size(); r++) {
            sb.append(f32(recs.get(r).get("label").get("values").get("values_bits").get(0)));
            int from = in.get("csr_indptr").get(r).asInt();
            int to = in.get("csr_indptr").get(r + 1).asInt();
            for (int k = from; k < to; k++) {
                sb.append(' ').append(in.get("csr_indices").get(k).asInt()).append(':')
                        .append((float) in.get("csr_data").get(k).asDouble());
            }
            sb.append('\n');
        }
        Path libsvm = Files.writeString(dir.resolve("m.libsvm"), sb);
        byte[] golden = Golden.bytes("recordio/sparse_csr_f32_6x10_label_f32.pbr");
        // Width inferred (largest index 9 + 1 = the matrix's 10 columns), and declared.
        Path a = dir.resolve("a.pbr");
        Cli c = Cli.run("convert", "-q", "--to", "recordio-protobuf", libsvm.toString(), "-o", a.toString());
        assertEquals(0, c.code(), c.err());
        assertArrayEquals(golden, Files.readAllBytes(a));
        Path b = dir.resolve("b.pbr");
        assertEquals(0, Cli.run("convert", "-q", "--to", "recordio-protobuf", "--num-features", "10",
                libsvm.toString(), "-o", b.toString()).code());
        assertArrayEquals(golden, Files.readAllBytes(b));
        // One-based input with --index-base one gives the same bytes.
        Path one = Files.writeString(dir.resolve("one.libsvm"),
                sb.toString().replaceAll(" (\\d+):", " \u0000$1:").lines().map(GoldenRecordIoTest::shift)
                        .reduce("", (x, y) -> x + y + "\n"));
        Path c1 = dir.resolve("c.pbr");
        assertEquals(0, Cli.run("convert", "-q", "--to", "recordio-protobuf", "--index-base", "auto",
                one.toString(), "-o", c1.toString()).code());
        assertArrayEquals(golden, Files.readAllBytes(c1));
    }

    private static String shift(String line) {
        StringBuilder sb = new StringBuilder();
        for (String tok : line.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (tok.startsWith("\u0000")) {
                int colon = tok.indexOf(':');
                sb.append(Integer.parseInt(tok.substring(1, colon)) + 1).append(tok.substring(colon));
            } else {
                sb.append(tok);
            }
        }
        return sb.toString();
    }

    @Test
    void catPrintsEveryValueOfTheRecordIoSidecars() throws IOException {
        int files = 0;
        for (Path f : Golden.list("recordio", ".pbr")) {
            String name = f.getFileName().toString();
            JsonNode side = Golden.json("recordio/" + name + ".json");
            if (name.startsWith("truncated") || !side.has("records")) {
                continue;
            }
            Cli c = Cli.run("cat", f.toString());
            assertEquals(0, c.code(), name + ": " + c.err());
            List<String> lines = c.out().lines().toList();
            JsonNode recs = side.get("records");
            assertEquals(recs.size(), lines.size(), name);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode got = Golden.parseJson(lines.get(i));
                JsonNode want = recs.get(i);
                for (String map : List.of("features", "label")) {
                    assertEquals(want.get(map).size(), got.get(map).size(), name + " " + i + " " + map);
                    for (var e : want.get(map).properties()) {
                        assertTensor(e.getValue(), got.get(map).get(e.getKey()), name + " record " + i + " " + map
                                + "[" + e.getKey() + "]");
                    }
                }
                for (String s : List.of("uid", "metadata", "configuration")) {
                    if (want.get(s).isNull()) {
                        assertFalse(got.has(s), name + " " + s);
                    } else {
                        assertEquals(want.get(s).asString(), got.get(s).asString(), name + " " + s);
                    }
                }
            }
            files++;
        }
        assertTrue(files >= 12, "golden .pbr files checked: " + files);
    }

    private static void assertTensor(JsonNode want, JsonNode got, String what) {
        if (want.get("tensor").asString().equals("bytes")) {
            assertEquals("bytes", got.get("dtype").asString(), what);
            assertEquals(want.get("value_b64").toString(), got.get("values").toString(), what);
            assertEquals(want.get("content_type").asString(), got.get("content_type").asString(), what);
            return;
        }
        String dtype = want.get("dtype").asString();
        assertEquals(dtype, got.get("dtype").asString(), what);
        assertEquals(want.get("shape").toString(), got.get("shape").toString(), what + " shape");
        assertEquals(want.get("keys").toString(), got.get("keys").toString(), what + " keys");
        JsonNode vals = got.get("values");
        assertEquals(want.get("values").size(), vals.size(), what);
        for (int k = 0; k < vals.size(); k++) {
            JsonNode v = vals.get(k);
            if (dtype.equals("int32")) {
                assertEquals(want.get("values").get(k).asLong(), v.asLong(), what);
                continue;
            }
            String bits = want.get("values_bits").get(k).asString().substring(2);
            if (v.isIntegralNumber() && v.asLong() == 0 && (bits.equals("80000000") || bits.equals("8000000000000000"))) {
                continue; // -0 parses as the integer 0; the printed text is checked in catPrintsNegativeZero
            }
            if (dtype.equals("float32")) {
                float f = v.isString() ? Float.parseFloat(v.asString()) : Float.parseFloat(v.toString());
                assertEquals(Integer.parseUnsignedInt(bits, 16), Float.floatToIntBits(f) == 0x7fc00000
                        ? Integer.parseUnsignedInt(bits, 16) : Float.floatToRawIntBits(f), what + " value " + k);
            } else {
                double d = v.isString() ? Double.parseDouble(v.asString()) : Double.parseDouble(v.toString());
                assertEquals(Long.parseUnsignedLong(bits, 16), Double.doubleToRawLongBits(d), what + " value " + k);
            }
        }
    }

    @Test
    void catPrintsNegativeZero() {
        Cli c = Cli.run("cat", Golden.path("recordio/dense_f32_5x4_label_f32.pbr").toString());
        assertTrue(c.out().lines().toList().get(1).contains("\"values\": [2.5, -0, 0.001, 123456.79]"), c.out());
    }

    @Test
    void catPrintsTheImageRecordSidecars() throws IOException {
        for (String set : List.of("images_single_label", "images_multi_label", "images_with_magic")) {
            Path rec = Golden.path("recordio/" + set + ".rec");
            JsonNode recs = Golden.json("recordio/" + set + ".rec.json").get("records");
            Cli c = Cli.run("cat", rec.toString());
            assertEquals(0, c.code(), c.err());
            List<String> lines = c.out().lines().toList();
            assertEquals(recs.size(), lines.size(), set);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode got = Golden.parseJson(lines.get(i));
                JsonNode want = recs.get(i);
                assertEquals(want.get("flag").asInt(), got.get("flag").asInt());
                if (want.get("flag").asInt() == 0) {
                    assertEquals(want.get("labels").get(0).asDouble(), got.get("label").asDouble(), set);
                } else {
                    assertEquals(want.get("labels").size(), got.get("label").size(), set);
                    for (int k = 0; k < want.get("labels").size(); k++) {
                        assertEquals(want.get("labels").get(k).asDouble(), got.get("label").get(k).asDouble(), set);
                    }
                }
                assertEquals(want.get("id").asLong(), got.get("id").asLong());
                assertEquals(want.get("id2").asLong(), got.get("id2").asLong());
                assertEquals(want.get("image_len").asInt(), got.get("image_bytes").asInt());
                assertEquals(want.get("image_sha256").asString(), got.get("image_sha256").asString());
            }
        }
    }

    @Test
    void truncatedRecordIoFailsWithItsOffset() {
        Path f = Golden.path("recordio/truncated_mid_payload.pbr");
        Cli c = Cli.run("cat", f.toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        assertTrue(c.err().startsWith(f + ":68: record 1: truncated payload: the header at offset 60 declares 52"
                + " bytes, 10 remain"), c.err());
        assertEquals(1, c.out().lines().count(), "the complete first record is printed");
    }
}
