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

    /** {@code flag}: the label count, or 0 for a single label in the header (unsigned). */
    public int flag() {
        return flag;
    }

    /** The header's {@code label} field (0 when {@code flag > 0}). */
    public float headerLabel() {
        return buf.getFloat(off + 4);
    }

    /** Image id (unsigned 64-bit). */
    public long id() {
        return buf.getLong(off + 8);
    }

    /** Upper id bits (unsigned 64-bit). */
    public long id2() {
        return buf.getLong(off + 16);
    }

    /** The header as a value (allocates). */
    public IRHeader header() {
        return IRHeader.read(buf, off);
    }

    /** Number of labels: {@code flag}, or 1 when {@code flag == 0}. */
    public int labelCount() {
        return flag == 0 ? 1 : flag;
    }

    /** Label {@code i} (the header label when {@code flag == 0}). */
    public float label(int i) {
        Objects.checkIndex(i, labelCount());
        return flag == 0 ? headerLabel() : buf.getFloat(off + IRHeader.SIZE + 4 * i);
    }

    /** Copies the labels into {@code dst}; returns how many. */
    public int copyLabels(float[] dst, int at) {
        int n = labelCount();
        for (int i = 0; i < n; i++) {
            dst[at + i] = label(i);
        }
        return n;
    }

    /** Index of the first image byte in {@link #payloadBuffer()}. */
    public int imageOffset() {
        return off + IRHeader.SIZE + (flag == 0 ? 0 : 4 * flag);
    }

    /** Number of image bytes. */
    public int imageLength() {
        return off + len - imageOffset();
    }

    /** The image bytes as a read-only view of the payload (allocates the view, not the bytes). */
    public ByteBuffer image() {
        int at = imageOffset();
        return buf.duplicate().clear().position(at).limit(at + imageLength()).slice().asReadOnlyBuffer();
    }

    /** A copy of the image bytes. */
    public byte[] imageBytes() {
        byte[] out = new byte[imageLength()];
        buf.get(imageOffset(), out, 0, out.length);
        return out;
    }

    /** The payload buffer (little-endian, absolute indexes). */
    public ByteBuffer payloadBuffer() {
        return buf;
    }

    /** Offset of this record's first RecordIO header in the file. */
    public long recordOffset() {
        return offsetInFile;
    }

    /**
     * An owned record over a copy of this record's payload, independent of the reader (valid after this view
     * moves on).
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
