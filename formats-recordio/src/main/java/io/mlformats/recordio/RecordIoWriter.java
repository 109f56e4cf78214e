package io.mlformats.recordio;

import static io.mlformats.recordio.RecordIoFormat.HEADER_BYTES;
import static io.mlformats.recordio.RecordIoFormat.MAGIC;

import io.mlformats.core.AtomicFileSink;
import io.mlformats.core.OutputTarget;
import io.mlformats.core.RecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes RecordIO records. By default a payload that contains the magic at a 4-aligned offset is split into
 * parts exactly as dmlc-core's {@code RecordIOWriter::WriteRecord} does (the magic is dropped and the parts are
 * flagged 1, 2, ..., 3); {@link RecordIoWriteOptions#withSplitOnMagic(boolean)} turns splitting off. Payloads of
 * 2^29 bytes or more are rejected.
 *
 * <p>Lifecycle ({@link RecordWriter}): writers opened on a {@link Path} write through {@link AtomicFileSink}: the
 * file appears under its name only when {@link #commit()} succeeds; {@link #close()} without {@code commit()},
 * {@link #abort()} or a failed write leave nothing behind, and a file already at the target untouched. Writers
 * opened on a stream never close it; {@code commit()} finishes gzip and flushes it, and without {@code commit()}
 * a gzip stream gets no trailer.
 *
 * <p>Encoders that know a payload's length up front can write it straight into the writer's buffer with
 * {@link #beginRecord(int)} / {@link #endRecord()} (no intermediate copy). Not thread-safe.
 */
public final class RecordIoWriter implements RecordWriter<ByteBuffer> {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputTarget target;
    private final OutputStream out;
    private final boolean split;
    private byte[] buf;
    private int n;
    private long flushed;
    private int open = -1;
    private int openLength;
    private boolean failed;
    private boolean committed;
    private boolean closed;

    private RecordIoWriter(OutputTarget target, RecordIoWriteOptions options) {
        this.target = target;
        this.out = target.stream();
        this.split = options.splitOnMagic();
        this.buf = new byte[options.bufferBytes()];
    }

    /**
     * Writes {@code file} with default options (dmlc splitting, no gzip): a hidden temporary sibling, renamed over
     * {@code file} by {@link #commit()}. As {@code open(Path, ...)}: the writer creates the file and publishes or
     * deletes it.
     *
     * @param file path of the RecordIO file to create or replace on commit
     * @return a writer positioned at offset 0, owning the temporary file
     * @throws IOException if the temporary file cannot be created
     */
    public static RecordIoWriter open(Path file) throws IOException {
        return open(file, RecordIoWriteOptions.defaults());
    }

    /**
     * Writes {@code file}: a hidden temporary sibling, renamed over {@code file} by {@link #commit()}, gzip-compressed
     * when {@link RecordIoWriteOptions#gzip()} is set. The writer creates the file and publishes or deletes it.
     *
     * @param file    path of the RecordIO file to create or replace on commit
     * @param options writer options (splitting, buffer size, gzip)
     * @return a writer positioned at offset 0, owning the temporary file
     * @throws IOException if the temporary file cannot be created or the gzip header cannot be written
     */
    public static RecordIoWriter open(Path file, RecordIoWriteOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new RecordIoWriter(OutputTarget.file(file, options.gzip()), options);
    }

    /**
     * Writes to {@code out}, gzip-compressed when {@link RecordIoWriteOptions#gzip()} is set; {@link #commit()}
     * finishes the format and flushes {@code out}. The caller owns {@code out}; the writer never closes it.
     *
     * @param out     stream to write to; stays open after the writer is committed or closed
     * @param options writer options (splitting, buffer size, gzip)
     * @return a writer whose {@link #position()} counts from 0 at the current end of {@code out}
     * @throws IOException if the gzip header cannot be written to {@code out}
     */
    public static RecordIoWriter open(OutputStream out, RecordIoWriteOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new RecordIoWriter(OutputTarget.of(Objects.requireNonNull(out, "out"), options.gzip()), options);
    }

    /** Writes the bytes between the buffer's position and limit as one record (the buffer is not modified). */
    @Override
    public void write(ByteBuffer payload) throws IOException {
        int len = payload.remaining();
        if (payload.hasArray()) {
            write(payload.array(), payload.arrayOffset() + payload.position(), len);
            return;
        }
        int at = beginRecord(len);
        payload.get(payload.position(), buf, at, len);
        endRecord();
    }

    /**
     * Writes all of {@code b} as one record.
     *
     * @param b the whole payload; read during the call only, not retained
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if {@code b} is {@code 2^29} bytes or longer
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    /**
     * Writes {@code b[off, off+len)} as one record.
     *
     * @param b   array holding the payload; read during the call only, not retained
     * @param off index in {@code b} of the payload's first byte
     * @param len payload length in bytes, less than {@code 2^29}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code b}
     * @throws IllegalArgumentException if {@code len} is {@code 2^29} or more
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        checkOpen();
        checkLength(len);
        int magicAt = split ? firstAlignedMagic(b, off, len, 0) : -1;
        if (magicAt < 0) {
            if (HEADER_BYTES + RecordIoFormat.align4(len) <= buf.length) {
                int at = beginRecord(len);
                System.arraycopy(b, off, buf, at, len);
                commitSinglePart(len);
            } else {
                writePart(RecordIoFormat.CFLAG_FULL, b, off, len);
            }
            return;
        }
        writeSplit(b, off, len, magicAt);
    }

    /**
     * Reserves room for a payload of exactly {@code length} bytes in {@link #buffer()} and returns the index where
     * it goes; fill {@code buffer()[index, index + length)} and call {@link #endRecord()}. The buffer may be
     * replaced by this call, so fetch {@link #buffer()} after it.
     *
     * @param length exact payload length in bytes that will be written, {@code 0 <= length < 2^29}
     * @return the index in {@link #buffer()} of the payload's first byte
     * @throws IOException if an earlier write failed or flushing the buffer to the output fails
     * @throws IllegalArgumentException if {@code length} is negative or {@code 2^29} or more
     * @throws IllegalStateException if the writer is closed or a record is already begun and not ended
     */
    public int beginRecord(int length) throws IOException {
        checkOpen();
        checkLength(length);
        if (open >= 0) {
            throw new IllegalStateException("beginRecord called twice without endRecord");
        }
        int need = HEADER_BYTES + (int) RecordIoFormat.align4(length);
        if (n + need > buf.length) {
            flushBuffer();
            if (need > buf.length) {
                buf = new byte[Math.max(need, buf.length * 2)];
            }
        }
        open = n;
        openLength = length;
        return n + HEADER_BYTES;
    }

    /**
     * The writer's buffer; valid for filling a payload between {@link #beginRecord} and {@link #endRecord}.
     *
     * @return the internal buffer (not a copy), owned by the writer; may be replaced by {@link #beginRecord}
     */
    public byte[] buffer() {
        return buf;
    }

    /**
     * Finishes the record started with {@link #beginRecord(int)}, splitting it if it holds the magic.
     *
     * @throws IOException if writing the parts of a split record to the output fails
     * @throws IllegalStateException if no record was begun
     */
    public void endRecord() throws IOException {
        if (open < 0) {
            throw new IllegalStateException("endRecord without beginRecord");
        }
        int at = open + HEADER_BYTES;
        int len = openLength;
        int magicAt = split ? firstAlignedMagic(buf, at, len, 0) : -1;
        if (magicAt < 0) {
            commitSinglePart(len);
            return;
        }
        // Rare: re-frame the payload as dmlc parts from a copy.
        byte[] copy = new byte[len];
        System.arraycopy(buf, at, copy, 0, len);
        n = open;
        open = -1;
        writeSplit(copy, 0, len, magicAt);
    }

    private void commitSinglePart(int len) {
        int h = open;
        INT_LE.set(buf, h, MAGIC);
        INT_LE.set(buf, h + 4, RecordIoFormat.lrecord(RecordIoFormat.CFLAG_FULL, len));
        int end = h + HEADER_BYTES + len;
        for (int pad = RecordIoFormat.padding(len); pad > 0; pad--) {
            buf[end++] = 0;
        }
        n = end;
        open = -1;
    }

    /** dmlc-core's WriteRecord: a part ends at each aligned magic, whose 4 bytes are dropped. */
    private void writeSplit(byte[] b, int off, int len, int firstMagic) throws IOException {
        int dptr = 0;
        int i = firstMagic;
        while (i >= 0) {
            writePart(dptr == 0 ? RecordIoFormat.CFLAG_FIRST : RecordIoFormat.CFLAG_MIDDLE, b, off + dptr, i - dptr);
            dptr = i + 4;
            i = firstAlignedMagic(b, off, len, dptr);
        }
        writePart(dptr != 0 ? RecordIoFormat.CFLAG_LAST : RecordIoFormat.CFLAG_FULL, b, off + dptr, len - dptr);
    }

    /** Index (relative to {@code off}) of the first aligned magic at or after {@code from}, or -1. */
    private static int firstAlignedMagic(byte[] b, int off, int len, int from) {
        int lower = len & ~3;
        for (int i = from; i < lower; i += 4) {
            if ((int) INT_LE.get(b, off + i) == MAGIC) {
                return i;
            }
        }
        return -1;
    }

    private void writePart(int cflag, byte[] b, int off, int len) throws IOException {
        if (n + HEADER_BYTES > buf.length) {
            flushBuffer();
        }
        INT_LE.set(buf, n, MAGIC);
        INT_LE.set(buf, n + 4, RecordIoFormat.lrecord(cflag, len));
        n += HEADER_BYTES;
        int pad = RecordIoFormat.padding(len);
        if (n + len + pad <= buf.length) {
            System.arraycopy(b, off, buf, n, len);
            n += len;
        } else {
            flushBuffer();
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
            flushed += len;
        }
        for (; pad > 0; pad--) {
            buf[n++] = 0;
        }
    }

    private void flushBuffer() throws IOException {
        if (n > 0) {
            try {
                out.write(buf, 0, n);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
            flushed += n;
            n = 0;
        }
    }

    private static void checkLength(int len) {
        if (len < 0 || len > RecordIoFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("RecordIO payloads must be shorter than 2^29 bytes (dmlc-core's limit): "
                    + len);
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IllegalStateException(committed ? "writer is committed" : "writer is aborted or closed");
        }
        if (failed) {
            throw new IOException("an earlier write failed; the output will be discarded");
        }
    }

    /**
     * Bytes written so far: the offset at which the next record's header starts (dmlc {@code Tell()}).
     *
     * @return the uncompressed byte count written, including buffered bytes, headers and padding
     */
    public long position() {
        return flushed + n;
    }

    @Override
    public void flush() throws IOException {
        checkOpen();
        flushBuffer();
        try {
            out.flush();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Discards the output: for a file the temporary file is deleted and the target is untouched; a stream is left
     * unfinished and open. Idempotent; a no-op after {@link #commit()}.
     */
    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        target.abort();
    }

    /**
     * Writes what is buffered, finishes gzip, flushes, and publishes a file target under its final name.
     *
     * @throws IOException           if an earlier write failed or finishing failed (the output is then aborted)
     * @throws IllegalStateException if already committed, aborted or closed, or a record begun with
     *                               {@link #beginRecord} was not ended (the output is then aborted)
     */
    @Override
    public void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException(committed ? "already committed" : "already aborted or closed");
        }
        if (failed) {
            abort();
            throw new IOException("an earlier write failed; output discarded");
        }
        if (open >= 0) {
            abort();
            throw new IllegalStateException("commit with a record begun but not ended; output discarded");
        }
        try {
            flushBuffer();
            closed = true;
            target.commit();
            committed = true;
        } catch (IOException | RuntimeException e) {
            closed = false;
            abort();
            throw e;
        }
    }

    /** Aborts unless {@link #commit()} succeeded; a no-op after commit or abort, and when called again. */
    @Override
    public void close() {
        abort();
    }
}
