package io.mlformats.recordio.internal;

/**
 * Protocol-buffers wire primitives for the hand-written {@code aialgs.data.Record} codec: varint sizes and
 * writes into byte arrays. Stateless; thread-safe. Internal: not part of the API.
 */
public final class ProtoWire {
    /** Wire type of varints. */
    public static final int VARINT = 0;
    /** Wire type of 64-bit fixed values. */
    public static final int FIXED64 = 1;
    /** Wire type of length-delimited fields. */
    public static final int LEN = 2;
    /** Wire type of a group start (deprecated in protobuf). */
    public static final int START_GROUP = 3;
    /** Wire type of a group end (deprecated in protobuf). */
    public static final int END_GROUP = 4;
    /** Wire type of 32-bit fixed values. */
    public static final int FIXED32 = 5;

    private ProtoWire() {
    }

    /** Bytes of {@code v} as an unsigned varint (1..10). */
    public static int varintSize(long v) {
        // 1 + floor((63 - nlz) / 7), with nlz(0) = 64 giving 1.
        int bits = 64 - Long.numberOfLeadingZeros(v | 1);
        return (bits + 6) / 7;
    }

    /** Bytes of a non-negative {@code int} as a varint (1..5). */
    public static int varintSize(int v) {
        int bits = 32 - Integer.numberOfLeadingZeros(v | 1);
        return (bits + 6) / 7;
    }

    /** Bytes of an {@code int32} field value: negative values are sign-extended to 10 bytes. */
    public static int int32Size(int v) {
        return v < 0 ? 10 : varintSize(v);
    }

    /** Writes {@code v} (unsigned) at {@code b[p]}; returns the index after it. */
    public static int writeVarint(byte[] b, int p, long v) {
        while ((v & ~0x7FL) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    /** Writes a non-negative {@code int} as a varint; returns the index after it. */
    public static int writeVarint(byte[] b, int p, int v) {
        while ((v & ~0x7F) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    /** Size of a length-delimited field with a one-byte tag and a body of {@code len} bytes. */
    public static int lenFieldSize(int len) {
        return 1 + varintSize(len) + len;
    }
}
