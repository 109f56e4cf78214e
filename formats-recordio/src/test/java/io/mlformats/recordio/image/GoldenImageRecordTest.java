package io.mlformats.recordio.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.recordio.GoldenFacts;
import io.mlformats.recordio.RecordIoReader;
import io.mlformats.recordio.internal.PythonFloatText;
import io.mlformats.testkit.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The MXNet image golden sets (mxnet pack + dmlc writer port, im2rec .lst, .idx): read, index, re-pack. */
class GoldenImageRecordTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"images_single_label", "images_multi_label", "images_with_magic"})
    void recordsMatchSidecar(String set) throws Exception {
        GoldenFacts.assertFileFacts(set + ".rec");
        JsonNode side = Golden.json("recordio/" + set + ".rec.json");
        JsonNode recs = side.get("records");
        int i = 0;
        try (ImageRecordReader r = ImageRecordReader.open(Golden.path("recordio/" + set + ".rec"))) {
            while (r.next()) {
                ImageRecord rec = r.current();
                JsonNode e = recs.get(i);
                String what = set + " record " + i;
                assertEquals(e.get("flag").asInt(), rec.flag(), what);
                assertEquals((float) e.get("label_field").asDouble(), rec.headerLabel(), what);
                assertEquals(e.get("id").asLong(), rec.id(), what);
                assertEquals(e.get("id2").asLong(), rec.id2(), what);
                JsonNode bits = e.get("labels_bits");
                assertEquals(bits.size(), rec.labelCount(), what);
                for (int k = 0; k < bits.size(); k++) {
                    assertEquals(Long.decode(bits.get(k).asString()).intValue(), Float.floatToRawIntBits(rec.label(k)), what + " label " + k);
                }
                byte[] image = rec.imageBytes();
                assertEquals(e.get("image_len").asInt(), image.length, what);
                assertArrayEquals(Base64.getDecoder().decode(e.get("image_b64").asString()), image, what);
                assertEquals(e.get("image_sha256").asString(), GoldenFacts.sha256(image), what);
                byte[] payload = r.framing().payloadBytes();
                assertEquals(e.get("payload_len").asInt(), payload.length, what);
                assertEquals(e.get("payload_header_hex").asString(), HexFormat.of().formatHex(payload, 0, 24), what);
                assertEquals(side.get("index_entries").get(i).get("offset").asLong(), rec.recordOffset(), what);
                i++;
            }
        }
        assertEquals(side.get("logical_record_count").asInt(), i);
        int splits = 0;
        try (RecordIoReader r = RecordIoReader.open(Golden.path("recordio/" + set + ".rec"))) {
            while (r.next()) {
                splits += r.parts() - 1;
            }
        }
        assertEquals(side.get("dmlc_split_count").asInt(), splits, set + " dmlc splits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"images_single_label", "images_multi_label", "images_with_magic"})
    void idxAndLstMatchSidecarAndRewriteIdentically(String set) throws Exception {
        JsonNode side = Golden.json("recordio/" + set + ".rec.json");
        IdxIndex idx = IdxIndex.read(Golden.path("recordio/" + set + ".idx"));
        JsonNode entries = side.get("index_entries");
        assertEquals(entries.size(), idx.size());
        for (int i = 0; i < idx.size(); i++) {
            assertEquals(entries.get(i).get("key").asLong(), idx.key(i));
            assertEquals(entries.get(i).get("offset").asLong(), idx.offset(i));
        }
        // random access by key
        try (ImageRecordReader r = ImageRecordReader.open(Golden.path("recordio/" + set + ".rec"))) {
            for (int i = idx.size() - 1; i >= 0; i--) {
                ImageRecord rec = r.readKey(idx, idx.key(i));
                JsonNode e = side.get("records").get(i);
                assertEquals(e.get("key").asLong(), idx.key(i));
                assertArrayEquals(Base64.getDecoder().decode(e.get("image_b64").asString()), rec.imageBytes());
            }
        }
        Path idxOut = tmp.resolve(set + ".idx");
        idx.write(idxOut);
        assertArrayEquals(Golden.bytes("recordio/" + set + ".idx"), Files.readAllBytes(idxOut));

        List<LstFile.Entry> lst = LstFile.read(Golden.path("recordio/" + set + ".lst"));
        JsonNode lines = side.get("lst_lines");
        assertEquals(lines.size(), lst.size());
        for (int i = 0; i < lst.size(); i++) {
            String[] f = lines.get(i).asString().split("\t");
            LstFile.Entry e = lst.get(i);
            assertEquals(Long.parseLong(f[0]), e.index());
            assertEquals(f[f.length - 1], e.path());
            assertEquals(f.length - 2, e.labels().length);
            for (int k = 0; k < e.labels().length; k++) {
                assertEquals(Double.parseDouble(f[k + 1]), e.labels()[k]);
            }
        }
        Path lstOut = tmp.resolve(set + ".lst");
        LstFile.write(lstOut, lst);
        assertArrayEquals(Golden.bytes("recordio/" + set + ".lst"), Files.readAllBytes(lstOut));
    }

    @ParameterizedTest
    @ValueSource(strings = {"images_single_label", "images_multi_label", "images_with_magic"})
    void packerReproducesRecAndIdxFromLstAndImages(String set) throws Exception {
        JsonNode side = Golden.json("recordio/" + set + ".rec.json");
        Path root = tmp.resolve("images");
        List<LstFile.Entry> lst = LstFile.read(Golden.path("recordio/" + set + ".lst"));
        for (int i = 0; i < lst.size(); i++) {
            Path img = root.resolve(lst.get(i).path());
            Files.createDirectories(img.getParent());
            Files.write(img, Base64.getDecoder().decode(side.get("records").get(i).get("image_b64").asString()));
        }
        boolean packLabel = side.get("producer").get("header_choice").asString().contains("item[2:]");
        Path rec = tmp.resolve(set + ".rec");
        Path idx = tmp.resolve(set + ".idx");
        assertEquals(lst.size(), ImagePacker.pack(Golden.path("recordio/" + set + ".lst"), root, rec, idx, packLabel));
        assertArrayEquals(Golden.bytes("recordio/" + set + ".rec"), Files.readAllBytes(rec), set + ".rec");
        assertArrayEquals(Golden.bytes("recordio/" + set + ".idx"), Files.readAllBytes(idx), set + ".idx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"images_single_label", "images_multi_label", "images_with_magic"})
    void rewritingReadRecordsReproducesRecAndIdx(String set) throws Exception {
        Path rec = tmp.resolve(set + ".rec");
        try (ImageRecordReader r = ImageRecordReader.open(Golden.path("recordio/" + set + ".rec"));
                ImageRecordWriter w = ImageRecordWriter.open(rec)) {
            while (r.next()) {
                w.write(r.current());
            }
            w.commit();
        }
        assertArrayEquals(Golden.bytes("recordio/" + set + ".rec"), Files.readAllBytes(rec), set + ".rec");
        assertArrayEquals(Golden.bytes("recordio/" + set + ".idx"), Files.readAllBytes(tmp.resolve(set + ".idx")),
                set + ".idx");
    }

    @Test
    void packerFailsAtomicallyOnAMissingImage() throws Exception {
        Path rec = tmp.resolve("x.rec");
        Path idx = tmp.resolve("x.idx");
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> ImagePacker.pack(Golden.path("recordio/images_single_label.lst"), tmp.resolve("none"), rec, idx, false));
        assertFalse(Files.exists(rec));
        assertFalse(Files.exists(idx));
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count(), "no temporary files left");
        }
    }

    @Test
    void shortPayloadAndBadLabelCountAreFormatErrors() throws Exception {
        Path rec = tmp.resolve("bad.rec");
        try (io.mlformats.recordio.RecordIoWriter w = io.mlformats.recordio.RecordIoWriter.open(rec)) {
            w.write(new byte[10]);
            byte[] p = new byte[30];
            p[0] = 5; // flag 5 -> 20 label bytes needed, 6 present
            w.write(p);
            w.commit();
        }
        try (ImageRecordReader r = ImageRecordReader.open(rec)) {
            FormatException e = assertThrows(FormatException.class, r::next);
            assertTrue(e.getMessage().contains("shorter than the 24-byte IRHeader"), e.getMessage());
            assertEquals(0, e.position().byteOffset());
            e = assertThrows(FormatException.class, r::next);
            assertTrue(e.getMessage().contains("announces 5 float32 labels"), e.getMessage());
            assertEquals(20, e.position().byteOffset());
        }
    }

    @Test
    void lstParsingFollowsIm2recAndLenientSkipsBadLines() throws Exception {
        Path lst = tmp.resolve("a.lst");
        Files.writeString(lst, "0\t1.5\ta.jpg\r\n1\tb.jpg\n2\tx\tc.jpg\n 3 \t 2 \t 1e-05 \t d.jpg \n");
        FormatException e = assertThrows(FormatException.class, () -> LstFile.read(lst));
        assertEquals(2, e.position().line());
        List<LstFile.Entry> ok = LstFile.read(lst, ReadMode.LENIENT);
        assertEquals(2, ok.size());
        assertEquals(new LstFile.Entry(0, new double[] {1.5}, "a.jpg"), ok.get(0));
        assertEquals(new LstFile.Entry(3, new double[] {2, 1e-05}, "d.jpg"), ok.get(1));
    }

    @Test
    void pythonFloatReprLayout() {
        String[][] cases = {{"1.0", "1"}, {"0.25", "0.25"}, {"-1.5", "-1.5"}, {"1e-05", "0.00001"}, {"0.0001", "0.0001"},
            {"1e+16", "1e16"}, {"1000000000000000.0", "1e15"}, {"1.5e+16", "1.5e16"}, {"0.1", "0.1"}, {"-0.0", "-0.0"},
            {"nan", "NaN"}, {"inf", "Infinity"}, {"123456.789", "123456.789"}, {"5e-324", "4.9e-324"},
            {"1.7976931348623157e+308", "1.7976931348623157e308"}, {"0.30000000000000004", "0.30000000000000004"}};
        for (String[] c : cases) {
            assertEquals(c[0], PythonFloatText.repr(Double.parseDouble(c[1])), c[1]);
        }
    }
}
