package io.mlformats.recordio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of RecordIO payloads (rich in magic words at every alignment) and a reference framer. */
public final class FramingGen {
    static final byte[] MAGIC = {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE};

    private FramingGen() {
    }

    /** A payload of 0..maxLen bytes; often with the magic planted at aligned and unaligned offsets, or only magic. */
    public static byte[] payload(SplittableRandom r, int maxLen) {
        int len = r.nextInt(4) == 0 ? r.nextInt(9) : r.nextInt(maxLen + 1);
        byte[] p = new byte[len];
        switch (r.nextInt(4)) {
            case 0:
                r.nextBytes(p);
                break;
            case 1: // all magic, possibly shifted
                int shift = r.nextInt(4);
                for (int i = 0; i < len; i++) {
                    p[i] = MAGIC[(i + shift) & 3];
                }
                break;
            default:
                r.nextBytes(p);
                int plants = r.nextInt(1 + len / 4 + 1);
                for (int k = 0; k < plants && len >= 4; k++) {
                    int at = r.nextInt(len - 3);
                    if (r.nextBoolean()) {
                        at &= ~3;
                    }
                    System.arraycopy(MAGIC, 0, p, at, 4);
                }
        }
        return p;
    }

    public static List<byte[]> payloads(SplittableRandom r, int count, int maxLen) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(payload(r, maxLen));
        }
        return out;
    }

    /** An independent transcription of dmlc-core's RecordIOWriter::WriteRecord, for comparison. */
    public static byte[] dmlcFrame(List<byte[]> payloads, boolean split) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : payloads) {
            int len = p.length;
            int lower = (len >> 2) << 2;
            int upper = ((len + 3) >> 2) << 2;
            int dptr = 0;
            if (split) {
                for (int i = 0; i < lower; i += 4) {
                    if (p[i] == MAGIC[0] && p[i + 1] == MAGIC[1] && p[i + 2] == MAGIC[2] && p[i + 3] == MAGIC[3]) {
                        header(out, dptr == 0 ? 1 : 2, i - dptr);
                        out.write(p, dptr, i - dptr);
                        dptr = i + 4;
                    }
                }
            }
            header(out, dptr != 0 ? 3 : 0, len - dptr);
            out.write(p, dptr, len - dptr);
            for (int i = len; i < upper; i++) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, int cflag, int len) {
        byte[] h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0xCED7230A).putInt(cflag << 29 | len).array();
        out.write(h, 0, 8);
    }
}
