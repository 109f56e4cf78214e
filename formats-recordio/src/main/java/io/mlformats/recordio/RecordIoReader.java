package io.mlformats.recordio;

import static io.mlformats.recordio.RecordIoFormat.HEADER_BYTES;
import static io.mlformats.recordio.RecordIoFormat.MAGIC;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.InsufficientMemoryException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SeekableInput;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.TruncatedInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads the payloads of a RecordIO file: single-part records and dmlc multi-part records (reassembled per
 * {@link MultipartPolicy}, by default with the magic re-inserted between parts as dmlc-core does).
 *
 * <p>{@link #current()} is a read-only, little-endian {@link ByteBuffer} that the reader reuses: the payload is
 * the bytes between its {@code position()} and {@code limit()} (use absolute gets, or {@code slice()} for a
 * zero-based view). Over a random-access source (a mapped file, a byte array) a single-part payload is a view of
 * the source's memory, not a copy, and reading allocates nothing per record; multi-part payloads and payloads
 * read from a stream (including gzip) are assembled in a reader-owned buffer. The buffer's content is valid until
 * the next call to {@link #next()}, {@link #seek(long)} or {@link #close()}.
 *
 * <p>Damage is reported as a {@link FormatException} naming the source, the record index and the byte offset
 * of the bad header, payload or padding. A declared length is checked against the remaining input and
 * {@link io.mlformats.core.ReadLimits#maxRecordBytes()} before anything is allocated. Lenient mode and the
 * skip-and-collect policy behave as described in {@link RecordIoReadOptions}.
 *
 * <p>Not thread-safe ({@link #next()} from a thread other than the first caller's, and any read after
 * {@link #close()}, throw {@link IllegalStateException}). To read one file from several threads, give each thread
 * its own reader over a byte range ({@link #open(SeekableInput, ByteRange, RecordIoReadOptions)}).
 */
public final class RecordIoReader implements RecordReader<ByteBuffer> {
    private static final int CHUNK_SHIFT = 30;
    private static final byte[] MAGIC_BYTES = {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE};

    private enum Damage { TRUNCATED, BAD_HEADER }

    /** Internal control flow: a damaged frame, decided on in {@link #next()}. */
    private static final class FrameDamage extends Exception {
        private static final long serialVersionUID = 1L;
        final Damage kind;
        final long recordStart;
        final FormatException error;

        FrameDamage(Damage kind, long recordStart, FormatException error) {
            super(null, null, false, false);
            this.kind = kind;
            this.recordStart = recordStart;
            this.error = error;
        }
    }

    private final String name;
    private final ReadOptions read;
    private final MultipartPolicy multipart;
    private final ReadCounter stats;
    private final int maxRecordBytes;
    private final boolean closeInput;

    // Random-access mode.
    private final ByteSource source;
    private final long startOffset;
    private final long end;
    private long pos;
    private final ByteBuffer heapView;
    private final int heapBase;
    private ByteBuffer chunk;
    private long chunkStart;
    private long chunkEnd;

    // Stream mode.
    private final ByteInput input;
    private final byte[] header = new byte[HEADER_BYTES];

    private byte[] scratch = new byte[0];
    private ByteBuffer scratchView = ByteBuffer.wrap(scratch).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);

    private ByteBuffer current;
    private long recordOffset = -1;
    private long recordIndex = -1;
    private int parts;
    private boolean eof;
    private final ReaderGuard guard = new ReaderGuard("RecordIoReader");
    private long ignored;

    private RecordIoReader(ByteSource source, ByteInput input, long from, long to,
            RecordIoReadOptions options, boolean closeInput) {
        Objects.requireNonNull(options, "options");
        this.source = source;
        this.input = input;
        this.name = source != null ? source.name() : input.name();
        this.read = options.read();
        this.multipart = options.multipart();
        this.stats = new ReadCounter(read.maxErrorsKept());
        this.maxRecordBytes = read.limits().maxRecordBytes();
        this.closeInput = closeInput;
        this.startOffset = from;
        this.pos = from;
        this.end = to;
        byte[] array = source != null ? source.array() : null;
        if (array != null) {
            heapView = ByteBuffer.wrap(array).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
            heapBase = source.arrayOffset();
        } else {
            heapView = null;
            heapBase = 0;
        }
    }

    /**
     * Reads a local file with default options: mapped when plain, decompressed as a stream when gzip. As
     * {@code open(Path, ...)}: the reader opens the file and closes it on {@code close()}.
     *
     * @param file path of a RecordIO file, plain or gzip-compressed
     * @return a reader positioned before the first record, owning the opened file
     * @throws IOException if the file cannot be opened or mapped
     */
    public static RecordIoReader open(Path file) throws IOException {
        return open(file, RecordIoReadOptions.defaults());
    }

    /**
     * Reads a local file: mapped when plain, decompressed as a stream when gzip (detected by content). The reader
     * opens the file and closes it on {@code close()}.
     *
     * @param file    path of a RecordIO file, plain or gzip-compressed
     * @param options reader options; their limits also bound gzip decompression
     * @return a reader positioned before the first record, owning the opened file
     * @throws IOException if the file cannot be opened or mapped
     */
    public static RecordIoReader open(Path file, RecordIoReadOptions options) throws IOException {
        return over(ByteSources.open(file, options.read().limits()), options, true);
    }

    /**
     * Reads the records whose first header starts in {@code range} ({@link RecordIoStarts}), reading past its
     * end to finish the last one; {@link ByteRange#ALL} for everything. Reading every range of a tiling of the
     * input yields every record exactly once. Offsets in positions are offsets in the whole input. A gzip input
     * can only be read whole. The caller owns {@code input}; the reader never closes it.
     *
     * @param input   the whole RecordIO input, plain or gzip; stays open after the reader is closed
     * @param range   byte range of {@code input} whose records to read, in offsets of the whole input
     * @param options reader options
     * @return a reader positioned before the first record of {@code range}
     * @throws IllegalArgumentException for a partial range of a gzip input
     * @throws IOException if {@code input} cannot be read while locating the first record head of the range
     */
    public static RecordIoReader open(SeekableInput input, ByteRange range, RecordIoReadOptions options)
            throws IOException {
        return over(ByteSources.range(input, range, RecordIoStarts.INSTANCE, options.read().limits()), options, true);
    }

    /**
     * Reads from {@code input}'s current position to its end; zero-copy when the input has a
     * {@link ByteInput#source()} (a range of a mapped file or of a byte array). The caller owns {@code input};
     * the reader never closes it.
     *
     * @param input   input positioned at the start of a record; read up to its end
     * @param options reader options
     * @return a reader positioned before the first record at {@code input}'s current position
     */
    public static RecordIoReader open(ByteInput input, RecordIoReadOptions options) {
        return over(input, options, false);
    }

    private static RecordIoReader over(ByteInput input, RecordIoReadOptions options, boolean closeInput) {
        ByteSource s = input.source();
        if (s != null) {
            return new RecordIoReader(s, input, input.position(), input.end(), options, closeInput);
        }
        return new RecordIoReader(null, input, input.position(), -1, options, closeInput);
    }

    @Override
    public boolean next() throws IOException {
        guard.enter();
        while (!eof) {
            try {
                boolean ok = source != null ? nextFromSource() : nextFromStream();
                if (!ok) {
                    finish();
                    return false;
                }
                recordIndex++;
                stats.addRecord();
                stats.setBytes(consumed());
                return true;
            } catch (FrameDamage d) {
                handle(d);
            }
        }
        return false;
    }

    private void finish() {
        eof = true;
        current = null;
        recordOffset = source != null ? pos : input.position();
        stats.setBytes(consumed());
    }

    private long consumed() {
        return source != null ? pos - startOffset : input.position() - startOffset;
    }

    private void handle(FrameDamage d) throws IOException {
        boolean lenient = read.lenient();
        if (d.kind == Damage.TRUNCATED) {
            if (!lenient) {
                throw d.error;
            }
            stopIgnoring(d.recordStart);
            return;
        }
        if (source != null) {
            long nextHead = RecordIoStarts.nextHead(source, d.recordStart + 4);
            if (lenient && nextHead >= end) {
                stopIgnoring(d.recordStart);
                return;
            }
            if (read.skipErrors()) {
                stats.addSkipped(d.error);
                pos = nextHead;
                return;
            }
            throw d.error;
        }
        if (lenient) {
            stopIgnoring(d.recordStart);
            return;
        }
        throw d.error;
    }

    private void stopIgnoring(long recordStart) throws IOException {
        if (source != null) {
            ignored = end - recordStart;
            pos = end;
        } else {
            input.skip(Long.MAX_VALUE);
            ignored = input.position() - recordStart;
        }
        stats.addWarning("ignored-trailing-bytes");
        finish();
    }

    // ---------------------------------------------------------------- random-access mode

    private boolean nextFromSource() throws FrameDamage, LimitExceededException {
        long start = pos;
        if (start >= end) {
            return false;
        }
        int lrec = headerAt(start, start, 0);
        int cflag = RecordIoFormat.cflag(lrec);
        if (cflag != RecordIoFormat.CFLAG_FULL && cflag != RecordIoFormat.CFLAG_FIRST) {
            throw damage(Damage.BAD_HEADER, start, start + 4, cflag > 3
                    ? "invalid cflag " + cflag + " in lrecord 0x" + Integer.toHexString(lrec) + "; expected 0 or 1"
                    : "cflag " + cflag + " (continuation of a multi-part record) where a record starts; expected 0 or 1");
        }
        int len = RecordIoFormat.length(lrec);
        checkLimit(len, start);
        long payloadAt = start + HEADER_BYTES;
        long next = partEnd(start, payloadAt, len, cflag == RecordIoFormat.CFLAG_FULL);
        recordOffset = start;
        if (cflag == RecordIoFormat.CFLAG_FULL) {
            parts = 1;
            viewOf(payloadAt, len);
            pos = next;
            return true;
        }
        if (multipart == MultipartPolicy.REJECT) {
            throw damage(Damage.BAD_HEADER, start, start + 4, "multi-part record (cflag 1) rejected by MultipartPolicy.REJECT");
        }
        int total = 0;
        ensureScratch(len);
        source.copyTo(payloadAt, scratch, 0, len);
        total = len;
        parts = 1;
        long p = next;
        while (true) {
            int plrec = headerAt(p, start, parts);
            int pflag = RecordIoFormat.cflag(plrec);
            if (pflag != RecordIoFormat.CFLAG_MIDDLE && pflag != RecordIoFormat.CFLAG_LAST) {
                throw damage(Damage.BAD_HEADER, start, p + 4, "part " + parts + " of the multi-part record at offset "
                        + start + " has cflag " + pflag + "; expected 2 or 3");
            }
            int plen = RecordIoFormat.length(plrec);
            long grown = (long) total + plen + (multipart == MultipartPolicy.DMLC ? 4 : 0);
            checkLimit(grown, start);
            long pAt = p + HEADER_BYTES;
            long pNext = partEnd(start, pAt, plen, pflag == RecordIoFormat.CFLAG_LAST);
            ensureScratch((int) grown);
            if (multipart == MultipartPolicy.DMLC) {
                System.arraycopy(MAGIC_BYTES, 0, scratch, total, 4);
                total += 4;
            }
            source.copyTo(pAt, scratch, total, plen);
            total += plen;
            parts++;
            p = pNext;
            if (pflag == RecordIoFormat.CFLAG_LAST) {
                break;
            }
        }
        window(scratchView, 0, total);
        current = scratchView;
        pos = p;
        return true;
    }

    /** Validates the header at {@code at} (magic, room for 8 bytes) and returns its lrecord word. */
    private int headerAt(long at, long recordStart, int part) throws FrameDamage {
        long remaining = end - at;
        if (remaining < HEADER_BYTES) {
            throw damage(Damage.TRUNCATED, recordStart, at, "truncated header" + partName(part, recordStart)
                    + ": " + remaining + " of 8 bytes before the end of the input");
        }
        int magic = source.getIntLE(at);
        if (magic != MAGIC) {
            throw damage(Damage.BAD_HEADER, recordStart, at, "expected the RecordIO magic 0a 23 d7 ce"
                    + partName(part, recordStart) + ", found " + hexLe(magic));
        }
        return source.getIntLE(at + 4);
    }

    /** Checks payload and padding fit; returns the offset after the padding. */
    private long partEnd(long recordStart, long payloadAt, int len, boolean last) throws FrameDamage {
        long remaining = end - payloadAt;
        if (len > remaining) {
            throw damage(Damage.TRUNCATED, recordStart, payloadAt, "truncated payload: the header at offset "
                    + (payloadAt - HEADER_BYTES) + " declares " + len + " bytes, " + remaining + " remain");
        }
        long next = payloadAt + RecordIoFormat.align4(len);
        if (next > end) {
            if (last && read.lenient()) {
                stats.addWarning("missing-final-padding");
                return end;
            }
            throw damage(Damage.TRUNCATED, recordStart, payloadAt + len, "truncated padding: "
                    + RecordIoFormat.padding(len) + " zero bytes expected after the " + len
                    + "-byte payload, " + (end - payloadAt - len) + " remain");
        }
        return next;
    }

    private void viewOf(long at, int len) throws InsufficientMemoryException {
        if (heapView != null) {
            window(heapView, (int) (heapBase + at), len);
            current = heapView;
            return;
        }
        if (at < chunkStart || at + len > chunkEnd || chunk == null) {
            long cs = at >>> CHUNK_SHIFT << CHUNK_SHIFT;
            long ce = Math.min(source.size(), cs + (1L << CHUNK_SHIFT));
            if (at + len > ce) {
                // Straddles a 1 GiB window of the source: copy (at most once per GiB).
                ensureScratch(len);
                source.copyTo(at, scratch, 0, len);
                window(scratchView, 0, len);
                current = scratchView;
                return;
            }
            chunk = source.slice(cs, (int) (ce - cs)).order(ByteOrder.LITTLE_ENDIAN);
            chunkStart = cs;
            chunkEnd = ce;
        }
        window(chunk, (int) (at - chunkStart), len);
        current = chunk;
    }

    private static void window(ByteBuffer b, int from, int len) {
        b.limit(b.capacity());
        b.position(from);
        b.limit(from + len);
    }

    // ---------------------------------------------------------------- stream mode

    private boolean nextFromStream() throws IOException, FrameDamage {
        long start = input.position();
        int lrec = streamHeader(start, start, 0, true);
        if (lrec == -1 && eof) {
            return false;
        }
        int cflag = RecordIoFormat.cflag(lrec);
        if (cflag != RecordIoFormat.CFLAG_FULL && cflag != RecordIoFormat.CFLAG_FIRST) {
            throw damage(Damage.BAD_HEADER, start, start + 4, cflag > 3
                    ? "invalid cflag " + cflag + "; expected 0 or 1"
                    : "cflag " + cflag + " (continuation of a multi-part record) where a record starts; expected 0 or 1");
        }
        if (cflag == RecordIoFormat.CFLAG_FIRST && multipart == MultipartPolicy.REJECT) {
            throw damage(Damage.BAD_HEADER, start, start + 4, "multi-part record (cflag 1) rejected by MultipartPolicy.REJECT");
        }
        int len = RecordIoFormat.length(lrec);
        checkLimit(len, start);
        recordOffset = start;
        int total = streamPart(start, 0, len, cflag == RecordIoFormat.CFLAG_FULL);
        parts = 1;
        if (cflag == RecordIoFormat.CFLAG_FIRST) {
            while (true) {
                long p = input.position();
                int plrec = streamHeader(p, start, parts, false);
                int pflag = RecordIoFormat.cflag(plrec);
                if (pflag != RecordIoFormat.CFLAG_MIDDLE && pflag != RecordIoFormat.CFLAG_LAST) {
                    throw damage(Damage.BAD_HEADER, start, p + 4, "part " + parts + " of the multi-part record at offset "
                            + start + " has cflag " + pflag + "; expected 2 or 3");
                }
                int plen = RecordIoFormat.length(plrec);
                long grown = (long) total + plen + (multipart == MultipartPolicy.DMLC ? 4 : 0);
                checkLimit(grown, start);
                if (multipart == MultipartPolicy.DMLC) {
                    ensureScratch(total + 4);
                    System.arraycopy(MAGIC_BYTES, 0, scratch, total, 4);
                    total += 4;
                }
                total = streamPart(start, total, plen, pflag == RecordIoFormat.CFLAG_LAST);
                parts++;
                if (pflag == RecordIoFormat.CFLAG_LAST) {
                    break;
                }
            }
        }
        window(scratchView, 0, total);
        current = scratchView;
        return true;
    }

    /** Reads a header; returns -1 with {@code eof} set at a clean end of input (only where a record may start). */
    private int streamHeader(long at, long recordStart, int part, boolean mayEnd) throws IOException, FrameDamage {
        int n = readFully(header, 0, HEADER_BYTES);
        if (n == 0 && mayEnd) {
            eof = true;
            return -1;
        }
        if (n < HEADER_BYTES) {
            throw damage(Damage.TRUNCATED, recordStart, at, "truncated header" + partName(part, recordStart)
                    + ": " + n + " of 8 bytes before the end of the input");
        }
        int magic = intLe(header, 0);
        if (magic != MAGIC) {
            throw damage(Damage.BAD_HEADER, recordStart, at, "expected the RecordIO magic 0a 23 d7 ce"
                    + partName(part, recordStart) + ", found " + hexLe(magic));
        }
        return intLe(header, 4);
    }

    /** Reads a payload of {@code len} bytes to {@code scratch[at..]} and its padding; returns {@code at + len}. */
    private int streamPart(long recordStart, int at, int len, boolean last) throws IOException, FrameDamage {
        long payloadAt = input.position();
        int done = 0;
        while (done < len) {
            // Grow with the data actually present, so a huge declared length on a short stream allocates little.
            int want = Math.min(len - done, Math.max(1 << 16, done));
            ensureScratch(at + done + want);
            int r = readFully(scratch, at + done, want);
            done += r;
            if (r < want) {
                throw damage(Damage.TRUNCATED, recordStart, payloadAt, "truncated payload: the header at offset "
                        + (payloadAt - HEADER_BYTES) + " declares " + len + " bytes, " + done + " remain");
            }
        }
        int pad = RecordIoFormat.padding(len);
        if (pad > 0) {
            int r = readFully(header, 0, pad);
            if (r < pad) {
                if (last && read.lenient()) {
                    stats.addWarning("missing-final-padding");
                } else {
                    throw damage(Damage.TRUNCATED, recordStart, payloadAt + len, "truncated padding: " + pad
                            + " zero bytes expected after the " + len + "-byte payload, " + r + " remain");
                }
            }
        }
        return at + len;
    }

    private int readFully(byte[] dst, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = input.read(dst, off + n, len - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    // ---------------------------------------------------------------- shared

    private void checkLimit(long len, long recordStart) throws LimitExceededException {
        if (len > maxRecordBytes) {
            throw new LimitExceededException(SourcePosition.ofRecord(name, recordStart, recordIndex + 1),
                    "maxRecordBytes", maxRecordBytes, "record payload of " + len + " bytes");
        }
    }

    /**
     * Grows the record buffer to hold {@code n} bytes: doubling, but never past the limit (the caller has checked
     * {@code n} against it), so a record near the limit does not cost twice the limit. If the heap cannot provide
     * the doubled size it tries exactly {@code n}; if that fails too, the error names the record instead of an
     * {@link OutOfMemoryError} escaping.
     */
    private void ensureScratch(int n) throws InsufficientMemoryException {
        if (scratch.length < n) {
            int cap = (int) Math.max(n, Math.min((long) scratch.length * 2, Math.min(maxRecordBytes, Integer.MAX_VALUE - 8)));
            byte[] bigger;
            try {
                bigger = new byte[cap];
            } catch (OutOfMemoryError e) {
                try {
                    bigger = new byte[n];
                } catch (OutOfMemoryError again) {
                    throw new InsufficientMemoryException(SourcePosition.ofRecord(name, recordOffset, recordIndex + 1),
                            "record payload", n, "maxRecordBytes", maxRecordBytes);
                }
            }
            System.arraycopy(scratch, 0, bigger, 0, scratch.length);
            scratch = bigger;
            scratchView = ByteBuffer.wrap(scratch).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private FrameDamage damage(Damage kind, long recordStart, long at, String detail) {
        SourcePosition p = SourcePosition.ofRecord(name, at, recordIndex + 1);
        FormatException e = kind == Damage.TRUNCATED ? new TruncatedInputException(p, detail) : new FormatException(p, detail);
        return new FrameDamage(kind, recordStart, e);
    }

    private static String partName(int part, long recordStart) {
        return part == 0 ? "" : " of part " + part + " of the multi-part record at offset " + recordStart;
    }

    private static String hexLe(int word) {
        return String.format("%02x %02x %02x %02x", word & 0xff, word >>> 8 & 0xff, word >>> 16 & 0xff, word >>> 24);
    }

    private static int intLe(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    // ---------------------------------------------------------------- accessors

    /** The current payload (between position and limit); reused, valid until the next call. */
    @Override
    public ByteBuffer current() {
        if (current == null) {
            throw guard.noCurrent(eof ? "at end of input" : "next() has not returned true");
        }
        return current;
    }

    /**
     * Length of the current payload.
     *
     * @return the current payload's size in bytes ({@code current().remaining()})
     * @throws IllegalStateException if there is no current record
     */
    public int payloadLength() {
        return current().remaining();
    }

    /**
     * Copies the current payload into a new array.
     *
     * @return a new array owned by the caller, holding the current payload; unaffected by later reads
     * @throws IllegalStateException if there is no current record
     */
    public byte[] payloadBytes() {
        ByteBuffer b = current();
        byte[] out = new byte[b.remaining()];
        b.get(b.position(), out, 0, out.length);
        return out;
    }

    /**
     * Offset of the current record's first header (the offset an {@code .idx} file records).
     *
     * @return the byte offset in the whole input; -1 before the first record, the end offset after the last
     */
    public long recordOffset() {
        return recordOffset;
    }

    /**
     * Number of physical records the current record was assembled from (1 for single-part).
     *
     * @return the part count of the current record, 0 before the first record
     */
    public int parts() {
        return parts;
    }

    /**
     * 0-based index of the current record among those this reader returned.
     *
     * @return the index of the current record, -1 before the first record
     */
    public long recordIndex() {
        return recordIndex;
    }

    /**
     * Bytes ignored at the end of the input in lenient mode (a damaged last record or trailing garbage).
     *
     * @return the number of ignored bytes, 0 unless lenient reading stopped early
     */
    public long ignoredBytes() {
        return ignored;
    }

    /**
     * Name of the source, for messages.
     *
     * @return the name of the underlying input (typically its file path), as used in errors and positions
     */
    public String sourceName() {
        return name;
    }

    /**
     * Moves to the record whose first header is at {@code offset} (e.g. from an {@code .idx} file); the next call
     * to {@link #next()} reads it. Random-access readers only.
     *
     * @param offset byte offset of a record's first header in the whole input, {@code 0..end}
     * @throws UnsupportedOperationException if the reader reads a stream (e.g. gzip) rather than a random-access
     *                                       source
     * @throws IndexOutOfBoundsException if {@code offset} is negative or past the end of the readable input
     */
    public void seek(long offset) {
        guard.checkOpen();
        if (source == null) {
            throw new UnsupportedOperationException("seek needs a random-access source; " + name + " is a stream");
        }
        Objects.checkIndex(offset, end + 1);
        pos = offset;
        eof = false;
        current = null;
    }

    @Override
    public SourcePosition position() {
        return SourcePosition.ofRecord(name, recordOffset >= 0 ? recordOffset : startOffset, recordIndex);
    }

    @Override
    public ReadStats stats() {
        return stats;
    }

    @Override
    public void close() throws IOException {
        guard.close();
        current = null;
        eof = true;
        if (closeInput && input != null) {
            input.close();
        }
    }
}
