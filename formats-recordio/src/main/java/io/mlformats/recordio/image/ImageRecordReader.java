package io.mlformats.recordio.image;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteRange;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.recordio.internal.LayeredReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SeekableInput;
import io.mlformats.core.SourcePosition;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.RecordIoReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads MXNet image {@code .rec} files (dmlc RecordIO, multi-part records reassembled) as reusable
 * {@link ImageRecord} views. With an {@link IdxIndex}, {@link #readKey(IdxIndex, long)} reads one record by
 * key, as {@code MXIndexedRecordIO.read_idx} does. A payload shorter than the header, or than the labels its
 * {@code flag} announces, is a {@link FormatException} (skipped under skip-and-collect). Not thread-safe
 * ({@link #next()} from a thread other than the first caller's, and any read after {@link #close()}, throw
 * {@link IllegalStateException}).
 */
public final class ImageRecordReader implements RecordReader<ImageRecord> {
    private final RecordIoReader framing;
    private final RecordIoReadOptions options;
    private final ImageRecord view = new ImageRecord();
    private final ReadCounter stats;
    private final ReadStats allStats;
    private boolean ready;
    private final ReaderGuard guard = new ReaderGuard("ImageRecordReader");

    private ImageRecordReader(RecordIoReader framing, ImageRecordReadOptions options) {
        this.framing = framing;
        this.options = options.framing();
        this.stats = new ReadCounter(this.options.read().maxErrorsKept());
        this.allStats = new LayeredReadStats(stats, framing.stats(), this.options.read().maxErrorsKept());
    }

    /**
     * Reads a local file with default options (mapped; gzip decompressed as a stream). As {@code open(Path, ...)}:
     * the reader opens the file and closes it on {@code close()}.
     *
     * @param file path of an MXNet image {@code .rec} file, plain or gzip-compressed
     * @return a reader positioned before the first record, owning the opened file
     * @throws IOException if the file cannot be opened or mapped
     */
    public static ImageRecordReader open(Path file) throws IOException {
        return open(file, ImageRecordReadOptions.defaults());
    }

    /**
     * Reads a local file (mapped; gzip, detected by content, decompressed as a stream). The reader opens the file
     * and closes it on {@code close()}.
     *
     * @param file    path of an MXNet image {@code .rec} file, plain or gzip-compressed
     * @param options reader options
     * @return a reader positioned before the first record, owning the opened file
     * @throws IOException if the file cannot be opened or mapped
     */
    public static ImageRecordReader open(Path file, ImageRecordReadOptions options) throws IOException {
        return new ImageRecordReader(RecordIoReader.open(file, options.framing()), options);
    }

    /**
     * Reads the records whose first RecordIO header starts in {@code range} (see
     * {@link RecordIoReader#open(SeekableInput, ByteRange, RecordIoReadOptions)}); {@link ByteRange#ALL} for
     * everything. The caller owns {@code input}; the reader never closes it.
     *
     * @param input   the whole {@code .rec} input; stays open after the reader is closed
     * @param range   byte range of {@code input} whose records to read, in offsets of the whole input
     * @param options reader options
     * @return a reader positioned before the first record of {@code range}
     * @throws IllegalArgumentException for a partial range of a gzip input
     * @throws IOException if {@code input} cannot be read while locating the first record head of the range
     */
    public static ImageRecordReader open(SeekableInput input, ByteRange range, ImageRecordReadOptions options)
            throws IOException {
        return new ImageRecordReader(RecordIoReader.open(input, range, options.framing()), options);
    }

    /**
     * Reads from {@code input}'s current position to its end (zero-copy when it has a
     * {@link ByteInput#source()}). The caller owns {@code input}; the reader never closes it.
     *
     * @param input   input positioned at the start of a record; read up to its end
     * @param options reader options
     * @return a reader positioned before the first record at {@code input}'s current position
     */
    public static ImageRecordReader open(ByteInput input, ImageRecordReadOptions options) {
        return new ImageRecordReader(RecordIoReader.open(input, options.framing()), options);
    }

    @Override
    public boolean next() throws IOException {
        guard.enter();
        ready = false;
        while (framing.next()) {
            try {
                fill();
                stats.addRecord();
                ready = true;
                return true;
            } catch (FormatException e) {
                if (!options.read().skipErrors()) {
                    throw e;
                }
                stats.addSkipped(e);
            }
        }
        return false;
    }

    /**
     * Reads the record whose first header is at {@code offset}; false if there is none there.
     *
     * @param offset byte offset of a record's first RecordIO header, e.g. from {@link IdxIndex#offset(int)}
     * @return {@code true} if a record was read and is {@link #current()}, {@code false} at the end of the input
     * @throws FormatException if the bytes at {@code offset} are not a valid image record (under fail-fast)
     * @throws IOException if the input cannot be read
     * @throws UnsupportedOperationException if the input is a stream (e.g. gzip) rather than random-access
     */
    public boolean readAt(long offset) throws IOException {
        guard.checkOpen();
        framing.seek(offset);
        return next();
    }

    /**
     * Reads the record of {@code key} in {@code index} ({@code MXIndexedRecordIO.read_idx}).
     *
     * @param index the {@code .idx} index of this reader's {@code .rec} file
     * @param key   the record key to read
     * @return the reader's reused view of the record (as {@link #current()}), valid until the next read
     * @throws IllegalArgumentException if {@code key} is not in {@code index}
     * @throws FormatException if no valid record starts at the indexed offset
     * @throws IOException if the input cannot be read
     * @throws UnsupportedOperationException if the input is a stream (e.g. gzip) rather than random-access
     */
    public ImageRecord readKey(IdxIndex index, long key) throws IOException {
        long offset = index.offsetOf(key);
        if (offset < 0) {
            throw new IllegalArgumentException("key " + key + " is not in the index");
        }
        if (!readAt(offset)) {
            throw new FormatException(SourcePosition.ofRecord(framing.sourceName(), offset, -1),
                    "the index points key " + key + " at offset " + offset + ", where no record starts");
        }
        return view;
    }

    private void fill() throws FormatException {
        ByteBuffer p = framing.current();
        int len = p.remaining();
        if (len < IRHeader.SIZE) {
            throw new FormatException(framing.position(), "image record payload of " + len
                    + " bytes is shorter than the 24-byte IRHeader");
        }
        int flag = p.getInt(p.position());
        if (flag != 0 && Integer.toUnsignedLong(flag) * 4 > len - IRHeader.SIZE) {
            throw new FormatException(framing.position(), "IRHeader flag " + Integer.toUnsignedString(flag)
                    + " announces " + Integer.toUnsignedString(flag) + " float32 labels, but only "
                    + (len - IRHeader.SIZE) + " bytes follow the header");
        }
        view.set(p, p.position(), len, framing.recordOffset());
    }

    @Override
    public ImageRecord current() {
        if (!ready) {
            throw guard.noCurrent("no current record");
        }
        return view;
    }

    /**
     * The framing reader underneath.
     *
     * @return the RecordIO reader this reader decodes, owned by this reader (for offsets, parts, ignored bytes)
     */
    public RecordIoReader framing() {
        return framing;
    }

    @Override
    public SourcePosition position() {
        return framing.position();
    }

    /**
     * Counts of both levels: records delivered, and records skipped by this reader or dropped by the framing
     * reader (a damaged header it resynchronised past), with their errors in file order.
     *
     * @return a read-only view that follows the reader
     */
    @Override
    public ReadStats stats() {
        return allStats;
    }

    @Override
    public void close() throws IOException {
        guard.close();
        ready = false;
        framing.close();
    }
}
