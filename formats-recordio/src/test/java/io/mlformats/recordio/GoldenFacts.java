package io.mlformats.recordio;

import io.mlformats.testkit.Golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Assertions of the file-level facts every golden sidecar lists: size, sha256 and the physical records. */
public final class GoldenFacts {
    private GoldenFacts() {
    }

    /** A physical record as the sidecars describe it. */
    public record Frame(long offset, int lrecord, int cflag, int length, int padding) {
    }

    /** Walks the headers of a file independently of the reader under test (stops at the first damaged frame). */
    public static List<Frame> frames(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Frame> out = new ArrayList<>();
        int p = 0;
        while (p + 8 <= file.length && b.getInt(p) == 0xCED7230A) {
            int lrec = b.getInt(p + 4);
            int len = lrec & ((1 << 29) - 1);
            out.add(new Frame(p, lrec, lrec >>> 29, len, -len & 3));
            p += 8 + len + (-len & 3);
        }
        return out;
    }

    /** Asserts size, sha256 and every listed physical record of golden {@code recordio/<name>}. */
    public static void assertFileFacts(String name) throws Exception {
        byte[] file = Golden.bytes("recordio/" + name);
        JsonNode side = Golden.json("recordio/" + name + ".json");
        assertEquals(side.get("size_bytes").asLong(), file.length, name + " size");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        assertEquals(side.get("sha256").asString(), sha, name + " sha256");
        List<Frame> frames = frames(file);
        JsonNode listed = side.get("physical_records");
        int checked = 0;
        for (JsonNode f : listed) {
            if (f.has("omitted")) {
                continue;
            }
            long offset = f.get("offset").asLong();
            Frame actual = frames.stream().filter(x -> x.offset() == offset).findFirst().orElse(null);
            if (f.has("error") && !f.has("lrecord_hex")) {
                assertTrue(actual == null, name + ": no complete header at " + offset);
                checked++;
                continue;
            }
            assertTrue(actual != null, name + ": a header at offset " + offset);
            assertEquals(Long.decode(f.get("lrecord_hex").asString()).intValue(), actual.lrecord(), name + " lrecord@" + offset);
            assertEquals(f.get("cflag").asInt(), actual.cflag(), name + " cflag@" + offset);
            assertEquals(f.get("length").asInt(), actual.length(), name + " length@" + offset);
            assertEquals(f.get("padding").asInt(), actual.padding(), name + " padding@" + offset);
            checked++;
        }
        assertTrue(checked > 0);
        if (!side.has("complete_records_before_damage")) {
            assertEquals(side.get("physical_record_count").asInt(), frames.size(), name + " physical record count");
        }
    }

    public static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
