package io.mlformats.recordio.image;

import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.RecordIoWriter;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes MXNet image {@code .rec} files, and optionally their {@code .idx}, as {@code MXIndexedRecordIO.write_idx}
 * does: the payload is MXNet's {@code pack(header, image)}, the framing dmlc-core's (split on aligned magic by
 * default), and each index line records the key and the offset of the record's first header. Image bytes are
 * written as given (never re-encoded).
 *
 * <p>Both files are written atomically and published on a successful {@link #close()} (the {@code .rec} first,
 * then the {@code .idx}); {@link #abort()} leaves neither. Not thread-safe.
 */
public final class ImageRecordWriter implements AutoCloseable {
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final RecordIoWriter rec;
    private final Path idxPath;
    private long[] keys = new long[64];
    private long[] offsets = new long[64];
    private int n;
    private boolean aborted;

    private ImageRecordWriter(RecordIoWriter rec, Path idxPath) {
        this.rec = rec;
        this.idxPath = idxPath;
    }

    /** Writes {@code rec} (and {@code idx} unless null) with dmlc framing. */
    public static ImageRecordWriter open(Path rec, Path idx) throws IOException {
        return open(rec, idx, RecordIoWriteOptions.defaults());
    }

    public static ImageRecordWriter open(Path rec, Path idx, RecordIoWriteOptions options) throws IOException {
        return new ImageRecordWriter(RecordIoWriter.open(rec, options), idx);
    }

    /** A record with one label in the header ({@code flag = 0}), {@code id} = key, as im2rec without --pack-label. */
    public long writeSingleLabel(long key, float label, byte[] image) throws IOException {
        return write(key, new IRHeader(0, label, key, 0), null, image, 0, image.length);
    }

    /** A record with {@code labels.length} labels after the header ({@code flag = labels.length}), id = key. */
    public long writeMultiLabel(long key, float[] labels, byte[] image) throws IOException {
        return write(key, new IRHeader(labels.length, 0f, key, 0), labels, image, 0, image.length);
    }

    /**
     * Writes {@code header}, then {@code labels} when not null (then {@code header.flag()} must equal
     * {@code labels.length}), then {@code image[off, off+len)}; records {@code key} in the index.
     *
     * @return the offset of the record in the {@code .rec} file
     */
    public long write(long key, IRHeader header, float[] labels, byte[] image, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, image.length);
        int nl = labels == null ? 0 : labels.length;
        if (labels != null && header.flag() != nl) {
            throw new IllegalArgumentException("flag " + header.flag() + " but " + nl + " labels");
        }
        if (labels == null && header.flag() != 0) {
            throw new IllegalArgumentException("flag " + header.flag() + " announces labels, none given");
        }
        long at = rec.position();
        int size = IRHeader.SIZE + 4 * nl + len;
        int p = rec.beginRecord(size);
        byte[] b = rec.buffer();
        p = header.write(b, p);
        for (int i = 0; i < nl; i++) {
            FLOAT_LE.set(b, p, labels[i]);
            p += 4;
        }
        System.arraycopy(image, off, b, p, len);
        rec.endRecord();
        if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
            offsets = Arrays.copyOf(offsets, n * 2);
        }
        keys[n] = key;
        offsets[n++] = at;
        return at;
    }

    /** The index of what has been written so far. */
    public IdxIndex index() {
        return new IdxIndex(Arrays.copyOf(keys, n), Arrays.copyOf(offsets, n));
    }

    /** Discards both files. */
    public void abort() {
        aborted = true;
        rec.abort();
    }

    /** Publishes the {@code .rec}, then writes the {@code .idx}. */

    public void commit() throws IOException {
        if (aborted) {
            return;
        }
        rec.close();
        if (idxPath != null) {
            index().write(idxPath);
        }
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}
