package io.mlformats.recordio;

/**
 * Constants and bit layout of dmlc/MXNet RecordIO framing (the container of SageMaker RecordIO-protobuf and of
 * MXNet image {@code .rec} files).
 *
 * <pre>
 * offset  size  field
 * 0       4     magic   0xCED7230A, little-endian on disk (0A 23 D7 CE)
 * 4       4     lrecord (cflag &lt;&lt; 29) | length, little-endian
 * 8       len   payload
 * 8+len   pad   0..3 zero bytes, so every header starts at a multiple of 4 from the start of the file
 * </pre>
 *
 * <p>{@code cflag} 0 is a complete record; 1, 2, 3 are the first, middle and last parts of a record that
 * dmlc-core's writer split where the payload contains the magic at a 4-aligned offset (the magic itself is
 * dropped from the data and re-inserted by readers between parts). There is no file header, footer or checksum.
 * Stateless; thread-safe.
 */
public final class RecordIoFormat {
    /** The magic word, as a little-endian {@code int}. */
    public static final int MAGIC = 0xCED7230A;
    /** Largest payload one physical record can hold: 2^29 - 1 bytes. */
    public static final int MAX_PAYLOAD_BYTES = (1 << 29) - 1;
    /** Size of a physical record header (magic + lrecord). */
    public static final int HEADER_BYTES = 8;

    /** Complete record. */
    public static final int CFLAG_FULL = 0;
    /** First part of a multi-part record. */
    public static final int CFLAG_FIRST = 1;
    /** Middle part of a multi-part record. */
    public static final int CFLAG_MIDDLE = 2;
    /** Last part of a multi-part record. */
    public static final int CFLAG_LAST = 3;

    private RecordIoFormat() {
    }

    /**
     * The continuation flag of an lrecord word (0..7; values above 3 are invalid).
     *
     * @param lrecord the second header word of a physical record, as read little-endian
     * @return the top 3 bits of {@code lrecord}: one of the {@code CFLAG_*} constants, or 4..7 for a damaged header
     */
    public static int cflag(int lrecord) {
        return lrecord >>> 29;
    }

    /**
     * The payload length of an lrecord word.
     *
     * @param lrecord the second header word of a physical record, as read little-endian
     * @return the low 29 bits of {@code lrecord}: the payload bytes of this part, excluding header and padding
     */
    public static int length(int lrecord) {
        return lrecord & MAX_PAYLOAD_BYTES;
    }

    /**
     * The lrecord word for a part.
     *
     * @param cflag  continuation flag of the part, one of the {@code CFLAG_*} constants (0..3)
     * @param length payload bytes of the part, 0..{@link #MAX_PAYLOAD_BYTES}; not range-checked
     * @return {@code cflag << 29 | length}, to be written little-endian after the magic
     */
    public static int lrecord(int cflag, int length) {
        return cflag << 29 | length;
    }

    /**
     * Zero bytes that follow a payload of {@code length} bytes.
     *
     * @param length payload bytes of a part (non-negative)
     * @return the number of padding bytes, 0..3, that bring {@code length} to a multiple of 4
     */
    public static int padding(long length) {
        return (int) (-length & 3);
    }

    /**
     * {@code length} rounded up to a multiple of 4.
     *
     * @param length a byte count or offset (non-negative)
     * @return the smallest multiple of 4 that is {@code >= length}
     */
    public static long align4(long length) {
        return (length + 3) & ~3L;
    }
}
