package io.mlformats.recordio.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MXNet's image record header ({@code mx.recordio.IRHeader}, C++ {@code ImageRecordIO::Header}): 24
 * little-endian bytes {@code u32 flag, f32 label, u64 id, u64 id2} at the start of every image record payload.
 *
 * <p>{@code flag == 0}: a single label stored in {@code label}. {@code flag == n > 0}: {@code n} float32 labels
 * follow the header and {@code label} is 0 (MXNet's {@code pack} always sets {@code flag} to the label count
 * for array labels, whatever the caller passed). {@code id} is the image id (im2rec: the {@code .lst} index);
 * {@code id2} holds higher-order id bits and is 0 in practice. Immutable.
 *
 * @param flag  label count, or 0 for a single label in {@code label} (unsigned 32-bit)
 * @param label the label when {@code flag == 0}
 * @param id    image id (unsigned 64-bit)
 * @param id2   upper id bits (unsigned 64-bit)
 */
public record IRHeader(int flag, float label, long id, long id2) {
    /** Header size in bytes. */
    public static final int SIZE = 24;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * A single-label header (flag 0), as {@code IRHeader(0, label, id, 0)}.
     *
     * @param label the image's class label (MXNet stores it as float32)
     * @param id    image id (unsigned 64-bit), typically the {@code .lst} index
     * @return a header with flag 0 and id2 0
     */
    public static IRHeader singleLabel(float label, long id) {
        return new IRHeader(0, label, id, 0);
    }

    /**
     * Reads a header at {@code b[at]} (absolute index; the buffer's order and position are ignored).
     *
     * @param b  buffer holding an image record payload; not modified
     * @param at absolute index in {@code b} of the header's first byte
     * @return the decoded header
     * @throws IndexOutOfBoundsException if fewer than {@link #SIZE} bytes are available at {@code at}
     */
    public static IRHeader read(ByteBuffer b, int at) {
        ByteBuffer le = b.order() == ByteOrder.LITTLE_ENDIAN ? b : b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new IRHeader(le.getInt(at), le.getFloat(at + 4), le.getLong(at + 8), le.getLong(at + 16));
    }

    /**
     * Writes this header at {@code dst[at]}; returns {@code at + SIZE}.
     *
     * @param dst array to write the {@link #SIZE} little-endian header bytes into
     * @param at  index in {@code dst} of the header's first byte
     * @return {@code at + SIZE}, the index just after the header
     * @throws IndexOutOfBoundsException if {@code dst} has fewer than {@link #SIZE} bytes at {@code at}
     */
    public int write(byte[] dst, int at) {
        INT_LE.set(dst, at, flag);
        FLOAT_LE.set(dst, at + 4, label);
        LONG_LE.set(dst, at + 8, id);
        LONG_LE.set(dst, at + 16, id2);
        return at + SIZE;
    }

    /**
     * MXNet's {@code pack(header, s)}: the payload for an image. With {@code labels == null} the header is
     * written as given; otherwise {@code flag} is set to {@code labels.length}, {@code label} to 0, and the labels
     * are written after the header.
     *
     * @param header the header to write; with {@code labels != null} only its {@code id} and {@code id2} are used
     * @param labels float32 labels to write after the header, or {@code null} for a single-label header
     * @param image  array holding the encoded image bytes (JPEG, PNG, ...); copied, not retained
     * @param off    index in {@code image} of the first image byte
     * @param len    number of image bytes
     * @return a new array, owned by the caller: the header, the labels if any, then the image bytes
     */
    public static byte[] pack(IRHeader header, float[] labels, byte[] image, int off, int len) {
        IRHeader h = labels == null ? header : new IRHeader(labels.length, 0f, header.id, header.id2);
        int nl = labels == null ? 0 : labels.length;
        byte[] out = new byte[SIZE + 4 * nl + len];
        int p = h.write(out, 0);
        for (int i = 0; i < nl; i++) {
            FLOAT_LE.set(out, p, labels[i]);
            p += 4;
        }
        System.arraycopy(image, off, out, p, len);
        return out;
    }
}
