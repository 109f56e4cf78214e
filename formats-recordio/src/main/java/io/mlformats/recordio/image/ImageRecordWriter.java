package io.mlformats.recordio.image;

import io.mlformats.core.AtomicFileSink;
import io.mlformats.core.RecordWriter;
import io.mlformats.recordio.RecordIoWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
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
 * <p>Lifecycle ({@link RecordWriter}): both files are written to hidden temporary siblings and published only by
 * {@link #commit()}: the {@code .idx} is written completely and forced to disk first, then the {@code .rec} is
 * renamed into place, then the {@code .idx}. {@link #close()} without commit, {@link #abort()} or a failed write
 * leave neither file published and files already at either path untouched. (Two renames cannot be one atomic
 * step: if the second rename fails after the first succeeded, the new {@code .rec} stands beside the old
 * {@code .idx} and {@code commit()} throws.) A caller's stream is never closed. Not thread-safe.
 */
public final class ImageRecordWriter implements RecordWriter<ImageRecord> {
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final RecordIoWriter rec;
    private final AtomicFileSink idx;
    private long[] keys = new long[64];
    private long[] offsets = new long[64];
    private int n;
    private boolean finished;
    private boolean committed;

    private ImageRecordWriter(RecordIoWriter rec, AtomicFileSink idx) {
        this.rec = rec;
        this.idx = idx;
    }

    /**
     * Writes {@code file} and its {@code .idx} with default options: hidden temporary siblings, renamed into place
     * by {@link #commit()}. As {@code open(Path, ...)}: the writer creates the file and publishes or deletes it.
     */
    public static ImageRecordWriter open(Path file) throws IOException {
        return open(file, ImageRecordWriteOptions.defaults());
    }

    /**
     * Writes {@code file} (and, when {@link ImageRecordWriteOptions#index()}, the {@code .idx} beside it): hidden
     * temporary siblings, renamed into place by {@link #commit()}. The writer creates the file and publishes or
     * deletes it.
     */
    public static ImageRecordWriter open(Path file, ImageRecordWriteOptions options) throws IOException {
        return open(file, options.index() ? indexPath(file) : null, options);
    }

    /**
     * Writes {@code file} and the index to {@code index} (none when null), both published by {@link #commit()}.
     * The writer creates the files and publishes or deletes them.
     */
    public static ImageRecordWriter open(Path file, Path index, ImageRecordWriteOptions options) throws IOException {
        RecordIoWriter rec = RecordIoWriter.open(file, options.framing());
        if (index == null) {
            return new ImageRecordWriter(rec, null);
        }
        try {
            return new ImageRecordWriter(rec, AtomicFileSink.open(index));
        } catch (IOException | RuntimeException e) {
            rec.abort();
            throw e;
        }
    }

    /**
     * Writes the {@code .rec} bytes to {@code out} (no {@code .idx}; {@link #index()} has the offsets);
     * {@link #commit()} finishes the format and flushes {@code out}. The caller owns {@code out}; the writer
     * never closes it.
     */
    public static ImageRecordWriter open(OutputStream out, ImageRecordWriteOptions options) throws IOException {
        return new ImageRecordWriter(RecordIoWriter.open(out, options.framing()), null);
    }

    /** The {@code .idx} path {@code im2rec} pairs with {@code rec}: its extension replaced by {@code .idx}. */
    public static Path indexPath(Path rec) {
        String name = rec.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return rec.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".idx");
    }

    /**
     * A record with one label in the header ({@code flag = 0}), {@code id} = key, as im2rec without
     * --pack-label.
     *
     * @return the offset of the record in the {@code .rec} file
     */
    public long writeSingleLabel(long key, float label, byte[] image) throws IOException {
        return write(key, new IRHeader(0, label, key, 0), null, image, 0, image.length);
    }

    /**
     * A record with {@code labels.length} labels after the header ({@code flag = labels.length}), id = key.
     *
     * @return the offset of the record in the {@code .rec} file
     */
    public long writeMultiLabel(long key, float[] labels, byte[] image) throws IOException {
        return write(key, new IRHeader(labels.length, 0f, key, 0), labels, image, 0, image.length);
    }

    /**
     * Re-encodes a record read by {@link ImageRecordReader} (header, labels and image bytes as they are), keyed
     * by its {@link ImageRecord#id()}.
     */
    @Override
    public void write(ImageRecord record) throws IOException {
        ByteBuffer b = record.payloadBuffer();
        int from = record.imageOffset() - (record.flag() == 0 ? 0 : 4 * record.flag()) - IRHeader.SIZE;
        int len = record.imageOffset() + record.imageLength() - from;
        long at = rec.position();
        int p = rec.beginRecord(len);
        b.get(from, rec.buffer(), p, len);
        rec.endRecord();
        remember(record.id(), at);
    }

    /**
     * Writes {@code header}, then {@code labels} when not null (then {@code header.flag()} must equal
     * {@code labels.length}), then {@code image[off, off+len)}; records {@code key} in the index.
     *
     * @return the offset of the record in the {@code .rec} file
     * @throws IllegalArgumentException if flag and labels disagree (nothing is written)
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
        remember(key, at);
        return at;
    }

    private void remember(long key, long at) {
        if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
            offsets = Arrays.copyOf(offsets, n * 2);
        }
        keys[n] = key;
        offsets[n++] = at;
    }

    /** The index of what has been written so far (a copy). */
    public IdxIndex index() {
        return new IdxIndex(Arrays.copyOf(keys, n), Arrays.copyOf(offsets, n));
    }

    /** Bytes of {@code .rec} written so far (offset of the next record). */
    public long position() {
        return rec.position();
    }

    /** Pushes buffered {@code .rec} bytes to the (temporary) output; never publishes. */
    @Override
    public void flush() throws IOException {
        rec.flush();
    }

    /** Discards both files (targets untouched); idempotent; a no-op after {@link #commit()}. */
    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        rec.abort();
        if (idx != null) {
            idx.abort();
        }
    }

    /**
     * Publishes the {@code .rec}, then the {@code .idx} (whose content is written and forced to disk before the
     * {@code .rec} is renamed). On failure nothing not yet renamed is published.
     *
     * @throws IOException           if a write failed or publishing failed (the output is then aborted)
     * @throws IllegalStateException if already committed, aborted or closed
     */
    @Override
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(committed ? "already committed" : "already aborted or closed");
        }
        if (idx != null) {
            try {
                IdxIndex.writeLines(idx.stream(), keys, offsets, n);
            } catch (IOException | RuntimeException e) {
                abort();
                throw e;
            }
        }
        finished = true;
        try {
            rec.commit();
        } catch (IOException | RuntimeException e) {
            if (idx != null) {
                idx.abort();
            }
            throw e;
        }
        if (idx != null) {
            idx.commit();
        }
        committed = true;
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}
