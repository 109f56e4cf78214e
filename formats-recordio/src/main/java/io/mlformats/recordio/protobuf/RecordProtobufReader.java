package io.mlformats.recordio.protobuf;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteRange;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.recordio.internal.LayeredReadStats;
import io.mlformats.core.TabularReader;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.SeekableInput;
import io.mlformats.core.SourcePosition;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.RecordIoReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Reads SageMaker RecordIO-protobuf files as reusable {@link RecordView}s, decoded in place from the payload
 * bytes (zero-copy over mapped files and byte arrays).
 *
 * <pre>{@code
 * try (RecordProtobufReader r = RecordProtobufReader.open(path)) {
 *     float[] row = new float[100];
 *     while (r.next()) {
 *         RecordView rec = r.current();
 *         int n = rec.features().copyTo(row, 0);
 *         float label = rec.label().float32(0);
 *     }
 * }
 * }</pre>
 *
 * <p>Strict mode (the default) also checks tensor semantics: a sparse tensor (keys present) has as many keys as
 * values, a shape, and every key below the product of the shape (unsigned); a dense tensor with a shape has
 * product(shape) values. Lenient mode skips these checks. Under skip-and-collect, records whose payload does
 * not decode are skipped and their errors kept in {@link #stats()}. Framing behaviour (truncation, multi-part,
 * limits) is {@link RecordIoReader}'s. Not thread-safe ({@link #next()} from a thread other than the first
 * caller's, and any read after {@link #close()}, throw {@link IllegalStateException}).
 */
public final class RecordProtobufReader implements TabularReader<RecordView> {
    private final RecordIoReader framing;
    private final RecordIoReadOptions options;
    private final RecordView view = new RecordView();
    private final RowReading rows = new RowReading();
    private final Supplier<SourcePosition> here = this::position;
    private LabeledRow row;
    private final ReadCounter stats;
    private final ReadStats allStats;
    private long index = -1;
    private boolean ready;
    private final ReaderGuard guard = new ReaderGuard("RecordProtobufReader");

    private RecordProtobufReader(RecordIoReader framing, RecordProtobufReadOptions options) {
        this.framing = framing;
        this.options = options.framing();
        this.stats = new ReadCounter(this.options.read().maxErrorsKept());
        view.limits(this.options.read().limits());
        this.allStats = new LayeredReadStats(stats, framing.stats(), this.options.read().maxErrorsKept());
    }

    /**
     * Reads a local file with default options (mapped; gzip decompressed as a stream). As {@code open(Path, ...)}:
     * the reader opens the file and closes it on {@code close()}.
     *
     * @param file path of a RecordIO-protobuf file, plain or gzip-compressed
     * @return a reader positioned before the first record, owning the opened file
     * @throws IOException if the file cannot be opened or mapped
     */
    public static RecordProtobufReader open(Path file) throws IOException {
        return open(file, RecordProtobufReadOptions.defaults());
    }

    /**
     * Reads a local file (mapped; gzip, detected by content, decompressed as a stream). The reader opens the file
     * and closes it on {@code close()}.
     *
     * @param file    path of a RecordIO-protobuf file, plain or gzip-compressed
     * @param options reader options
     * @return a reader positioned before the first record, owning the opened file
     * @throws IOException if the file cannot be opened or mapped
     */
    public static RecordProtobufReader open(Path file, RecordProtobufReadOptions options) throws IOException {
        return new RecordProtobufReader(RecordIoReader.open(file, options.framing()), options);
    }

    /**
     * Reads the records whose first RecordIO header starts in {@code range} (see
     * {@link RecordIoReader#open(SeekableInput, ByteRange, RecordIoReadOptions)}); {@link ByteRange#ALL} for
     * everything. The caller owns {@code input}; the reader never closes it.
     *
     * @param input   the whole RecordIO-protobuf input; stays open after the reader is closed
     * @param range   byte range of {@code input} whose records to read, in offsets of the whole input
     * @param options reader options
     * @return a reader positioned before the first record of {@code range}
     * @throws IllegalArgumentException for a partial range of a gzip input
     * @throws IOException if {@code input} cannot be read while locating the first record head of the range
     */
    public static RecordProtobufReader open(SeekableInput input, ByteRange range, RecordProtobufReadOptions options)
            throws IOException {
        return new RecordProtobufReader(RecordIoReader.open(input, range, options.framing()), options);
    }

    /**
     * Reads from {@code input}'s current position to its end (zero-copy when it has a
     * {@link ByteInput#source()}). The caller owns {@code input}; the reader never closes it.
     *
     * @param input   input positioned at the start of a record; read up to its end
     * @param options reader options
     * @return a reader positioned before the first record at {@code input}'s current position
     */
    public static RecordProtobufReader open(ByteInput input, RecordProtobufReadOptions options) {
        return new RecordProtobufReader(RecordIoReader.open(input, options.framing()), options);
    }

    @Override
    public boolean next() throws IOException {
        guard.enter();
        ready = false;
        row = null;
        while (framing.next()) {
            ByteBuffer p = framing.current();
            long recordIdx = index + 1;
            long payloadAt = framing.parts() == 1 ? framing.recordOffset() + 8 : framing.recordOffset();
            view.bindPosition(framing.sourceName(), payloadAt, recordIdx);
            try {
                view.decode(p, p.position(), p.remaining());
                if (!options.read().lenient()) {
                    RecordValidation.check(view, framing.sourceName(), framing.recordOffset(), recordIdx);
                }
            } catch (FormatException e) {
                if (options.read().skipErrors()) {
                    stats.addSkipped(e);
                    continue;
                }
                throw e;
            }
            index = recordIdx;
            stats.addRecord();
            stats.setBytes(framing.stats().bytes());
            ready = true;
            return true;
        }
        stats.setBytes(framing.stats().bytes());
        return false;
    }

    /** The current record; reused, valid until the next call to {@link #next()}. */
    @Override
    public RecordView current() {
        if (!ready) {
            throw guard.noCurrent("no current record");
        }
        return view;
    }

    /**
     * The current record as a labelled feature row (a reused view, valid until the next {@link #next()}; no
     * allocation per record): {@code label["values"]} as the label(s) (several values: a label list),
     * {@code features["values"]} as a sparse row whose absent entries are 0 ({@link LabeledRow#absentIsZero()};
     * keys present, or a shape without values; dimension = product of the shape) or a dense row (multi-dimensional
     * tensors flattened row-major). Float32 tensors give float32 vectors, float64 and int32 tensors float64 ones.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     * @throws UncheckedIOException  wrapping a {@link FormatException} (with the record's position) when the
     *                               record has no numeric {@code features["values"]} tensor or a key beyond
     *                               2^31-1
     */
    @Override
    public LabeledRow currentRow() {
        RecordView rec = current();
        if (row == null) {
            try {
                row = rows.fill(rec, here);
            } catch (FormatException e) {
                throw new UncheckedIOException(e);
            }
        }
        return row;
    }

    /**
     * Offset of the current record's RecordIO header.
     *
     * @return the byte offset of the record's first header in the whole input; -1 before the first record
     */
    public long recordOffset() {
        return framing.recordOffset();
    }

    /**
     * The framing reader (for {@link RecordIoReader#ignoredBytes()}, warnings and parts).
     *
     * @return the RecordIO reader this reader decodes, owned by this reader
     */
    public RecordIoReader framing() {
        return framing;
    }

    @Override
    public SourcePosition position() {
        return SourcePosition.ofRecord(framing.sourceName(), framing.recordOffset(), index);
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
