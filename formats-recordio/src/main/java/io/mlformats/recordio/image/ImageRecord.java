package io.mlformats.recordio.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A reusable view of one MXNet image record: the {@link IRHeader} fields, the labels (one from the header when
 * {@code flag == 0}, else {@code flag} float32 values after it) and the encoded image bytes, which are a slice of
 * the payload (no copy). Filled by {@link ImageRecordReader}; valid until its next call. Not thread-safe.
 */
public final class ImageRecord {
    private ByteBuffer buf;
    private int off;
    private int len;
    private int flag;
    private long offsetInFile;

    /** An empty view, filled by a reader. */
    ImageRecord() {
    }

    void set(ByteBuffer payload, int offset, int length, long recordOffset) {
        this.buf = payload;
        this.off = offset;
        this.len = length;
        this.flag = payload.getInt(offset);
        this.offsetInFile = recordOffset;
    }

    /**
     * {@code flag}: the label count, or 0 for a single label in the header (unsigned).
     *
     * @return the header's {@code flag} field, as an unsigned 32-bit value held in an {@code int}
     */
    public int flag() {
        return flag;
    }

    /**
     * The header's {@code label} field (0 when {@code flag > 0}).
     *
     * @return the float32 label stored in the header
     */
    public float headerLabel() {
        return buf.getFloat(off + 4);
    }

    /**
     * Image id (unsigned 64-bit).
     *
     * @return the header's {@code id} field, as an unsigned value held in a {@code long}
     */
    public long id() {
        return buf.getLong(off + 8);
    }

    /**
     * Upper id bits (unsigned 64-bit).
     *
     * @return the header's {@code id2} field, as an unsigned value held in a {@code long} (0 in practice)
     */
    public long id2() {
        return buf.getLong(off + 16);
    }

    /**
     * The header as a value (allocates).
     *
     * @return a new immutable header, independent of this view
     */
    public IRHeader header() {
        return IRHeader.read(buf, off);
    }

    /**
     * Number of labels: {@code flag}, or 1 when {@code flag == 0}.
     *
     * @return the label count, at least 1
     */
    public int labelCount() {
        return flag == 0 ? 1 : flag;
    }

    /**
     * Label {@code i} (the header label when {@code flag == 0}).
     *
     * @param i label index, {@code 0 <= i < labelCount()}
     * @return the float32 label
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public float label(int i) {
        Objects.checkIndex(i, labelCount());
        return flag == 0 ? headerLabel() : buf.getFloat(off + IRHeader.SIZE + 4 * i);
    }

    /**
     * Copies the labels into {@code dst}; returns how many.
     *
     * @param dst array receiving the labels at {@code dst[at, at + labelCount())}; owned by the caller
     * @param at  index in {@code dst} of the first label
     * @return the number of labels copied ({@link #labelCount()})
     * @throws ArrayIndexOutOfBoundsException if {@code dst} has no room for {@link #labelCount()} labels at
     *                                        {@code at}
     */
    public int copyLabels(float[] dst, int at) {
        int n = labelCount();
        for (int i = 0; i < n; i++) {
            dst[at + i] = label(i);
        }
        return n;
    }

    /**
     * Index of the first image byte in {@link #payloadBuffer()}.
     *
     * @return an absolute index into {@link #payloadBuffer()}, just after the header and any labels
     */
    public int imageOffset() {
        return off + IRHeader.SIZE + (flag == 0 ? 0 : 4 * flag);
    }

    /**
     * Number of image bytes.
     *
     * @return the length in bytes of the encoded image
     */
    public int imageLength() {
        return off + len - imageOffset();
    }

    /**
     * The image bytes as a read-only view of the payload (allocates the view, not the bytes).
     *
     * @return a zero-based read-only buffer over the image bytes, valid only as long as this record is
     */
    public ByteBuffer image() {
        int at = imageOffset();
        return buf.duplicate().clear().position(at).limit(at + imageLength()).slice().asReadOnlyBuffer();
    }

    /**
     * A copy of the image bytes.
     *
     * @return a new array owned by the caller, holding the encoded image
     */
    public byte[] imageBytes() {
        byte[] out = new byte[imageLength()];
        buf.get(imageOffset(), out, 0, out.length);
        return out;
    }

    /**
     * The payload buffer (little-endian, absolute indexes).
     *
     * @return the buffer holding the whole payload (not a copy; owned by the reader, do not modify), valid only
     *         as long as this record is
     */
    public ByteBuffer payloadBuffer() {
        return buf;
    }

    /**
     * Offset of this record's first RecordIO header in the file.
     *
     * @return the byte offset, as an {@code .idx} file records it
     */
    public long recordOffset() {
        return offsetInFile;
    }

    /**
     * An owned record over a copy of this record's payload, independent of the reader (valid after this view
     * moves on).
     *
     * @return a new record owning a copy of the payload, with the same record offset
     */
    public ImageRecord copy() {
        byte[] bytes = new byte[len];
        buf.get(off, bytes, 0, len);
        ImageRecord r = new ImageRecord();
        r.set(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0, len, offsetInFile);
        return r;
    }

    @Override
    public String toString() {
        return "ImageRecord[flag=" + Integer.toUnsignedString(flag) + ", labels=" + labelCount() + ", id="
                + Long.toUnsignedString(id()) + ", image=" + imageLength() + " bytes]";
    }
}
