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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes MXNet image {@code .rec} files, and optionally their {@code .idx}, as {@code MXIndexedRecordIO.write_idx}
 * does: the payload is MXNet's {@code pack(header, image)}, the framing dmlc-core's (split on aligned magic by
 * default), and each index line records the key and the offset of the record's first header. Image bytes are
 * written as given (never re-encoded).
 *
 * <p>Lifecycle ({@link RecordWriter}): both files are written to hidden temporary siblings and published only by
 * {@link #commit()}: the {@code .idx} is written completely and forced to disk first, an old {@code .idx} is moved
 * aside, then the {@code .rec} is renamed into place, then the {@code .idx} (see {@link #commit()} for what a
 * failure or crash between the steps leaves: never a new {@code .rec} beside an old {@code .idx}).
 * {@link #close()} without commit, {@link #abort()} or a failed write leave neither file published and files
 * already at either path untouched. A caller's stream is never closed. Not thread-safe.
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
     *
     * @param file path of the {@code .rec} file to create or replace on commit
     * @return a writer positioned at offset 0, owning both temporary files
     * @throws IOException if a temporary file cannot be created
     */
    public static ImageRecordWriter open(Path file) throws IOException {
        return open(file, ImageRecordWriteOptions.defaults());
    }

    /**
     * Writes {@code file} (and, when {@link ImageRecordWriteOptions#index()}, the {@code .idx} beside it): hidden
     * temporary siblings, renamed into place by {@link #commit()}. The writer creates the file and publishes or
     * deletes it.
     *
     * @param file    path of the {@code .rec} file to create or replace on commit
     * @param options writer options (framing, gzip, whether to write the {@code .idx})
     * @return a writer positioned at offset 0, owning the temporary files
     * @throws IOException if a temporary file cannot be created or the gzip header cannot be written
     */
    public static ImageRecordWriter open(Path file, ImageRecordWriteOptions options) throws IOException {
        return open(file, options.index() ? indexPath(file) : null, options);
    }

    /**
     * Writes {@code file} and the index to {@code index} (none when null), both published by {@link #commit()}.
     * The writer creates the files and publishes or deletes them.
     *
     * @param file    path of the {@code .rec} file to create or replace on commit
     * @param index   path of the {@code .idx} file to create or replace on commit, or {@code null} for none;
     *                {@link ImageRecordWriteOptions#index()} is ignored
     * @param options writer options (framing, gzip)
     * @return a writer positioned at offset 0, owning the temporary files
     * @throws IOException if a temporary file cannot be created or the gzip header cannot be written (nothing is
     *                     left behind then)
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
     *
     * @param out     stream receiving the {@code .rec} bytes; stays open after the writer is committed or closed
     * @param options writer options (framing, gzip); {@link ImageRecordWriteOptions#index()} is ignored
     * @return a writer whose {@link #position()} counts from 0 at the current end of {@code out}
     * @throws IOException if the gzip header cannot be written to {@code out}
     */
    public static ImageRecordWriter open(OutputStream out, ImageRecordWriteOptions options) throws IOException {
        return new ImageRecordWriter(RecordIoWriter.open(out, options.framing()), null);
    }

    /**
     * The {@code .idx} path {@code im2rec} pairs with {@code rec}: its extension replaced by {@code .idx}.
     *
     * @param rec path of a {@code .rec} file
     * @return the sibling path with the file name's extension replaced by (or, without one, suffixed with)
     *         {@code .idx}
     */
    public static Path indexPath(Path rec) {
        String name = rec.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return rec.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".idx");
    }

    /**
     * A record with one label in the header ({@code flag = 0}), {@code id} = key, as im2rec without
     * --pack-label.
     *
     * @param key   record key, written to the index and as the header's {@code id}
     * @param label the image's class label
     * @param image the whole encoded image (JPEG, PNG, ...), written as is; read during the call only
     * @return the offset of the record in the {@code .rec} file
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public long writeSingleLabel(long key, float label, byte[] image) throws IOException {
        return write(key, new IRHeader(0, label, key, 0), null, image, 0, image.length);
    }

    /**
     * A record with {@code labels.length} labels after the header ({@code flag = labels.length}), id = key.
     *
     * @param key    record key, written to the index and as the header's {@code id}
     * @param labels float32 labels, written after the header; read during the call only
     * @param image  the whole encoded image (JPEG, PNG, ...), written as is; read during the call only
     * @return the offset of the record in the {@code .rec} file
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalStateException if the writer is committed, aborted or closed
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
     * @param key    record key, written to the index (the header's {@code id} is written as given)
     * @param header the image record header; its {@code flag} must match {@code labels}
     * @param labels float32 labels to write after the header, or {@code null} for none ({@code flag} 0); read
     *               during the call only
     * @param image  array holding the encoded image bytes, written as is; read during the call only
     * @param off    index in {@code image} of the first image byte
     * @param len    number of image bytes
     * @return the offset of the record in the {@code .rec} file
     * @throws IllegalArgumentException if flag and labels disagree (nothing is written)
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code image}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalStateException if the writer is committed, aborted or closed
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

    /**
     * The index of what has been written so far (a copy).
     *
     * @return a new index of the keys and record offsets written, in write order
     */
    public IdxIndex index() {
        return new IdxIndex(Arrays.copyOf(keys, n), Arrays.copyOf(offsets, n));
    }

    /**
     * Bytes of {@code .rec} written so far (offset of the next record).
     *
     * @return the uncompressed byte count of the {@code .rec} output, including buffered bytes
     */
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
     * {@code .rec} is renamed). An {@code .idx} already at the index path is moved aside first, so no moment (and no
     * crash) leaves the new {@code .rec} beside the old {@code .idx}: a crash between the steps leaves a
     * {@code .rec} without {@code .idx}, which readers of the pair refuse, never a pair that silently disagrees. If
     * the {@code .rec} cannot be published the old {@code .idx} is put back; if the {@code .idx} cannot be, the new
     * {@code .rec} stands alone and this method throws saying so.
     *
     * @throws IOException           if a write failed or publishing failed (the output is then aborted)
     * @throws IllegalStateException if already committed, aborted or closed
     */
    @Override
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(committed ? "already committed" : "already aborted or closed");
        }
        Path oldIdx = null;
        Path aside = null;
        if (idx != null) {
            try {
                IdxIndex.writeLines(idx.stream(), keys, offsets, n);
                if (Files.exists(idx.target())) {
                    oldIdx = idx.target().toRealPath(); // a symbolic link stays: its destination moves aside
                    aside = oldIdx.resolveSibling("." + oldIdx.getFileName() + ".mlformats-old");
                    Files.move(oldIdx, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
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
            if (aside != null) {
                try {
                    Files.move(aside, oldIdx, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restore) {
                    e.addSuppressed(new IOException("the old index " + oldIdx + " is left at " + aside, restore));
                }
            }
            throw e;
        }
        if (idx != null) {
            try {
                idx.commit();
            } catch (IOException | RuntimeException e) {
                throw new IOException("the .rec file is published but its index " + idx.target()
                        + " is not (the old index was removed, not left to describe other records): " + e.getMessage(),
                        e);
            } finally {
                if (aside != null) {
                    Files.deleteIfExists(aside);
                }
            }
        }
        committed = true;
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}
