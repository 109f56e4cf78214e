package io.mlformats.jsonlines.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.FormatException;
import io.mlformats.core.InsufficientMemoryException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.TruncatedInputException;
import java.io.IOException;

/**
 * The read loop every JSON Lines reader of this module shares: next line, decode, and on a bad record either
 * fail or skip it and keep its error, per the {@link io.mlformats.core.ErrorPolicy}. Limit violations of the
 * line framing itself cannot be skipped and always propagate. It holds the readers' {@link ReaderGuard}: use after
 * close and use from a second thread fail here. Not thread-safe.
 */
public final class LineRecordLoop {
    /** Decodes the current line of the cursor into the reader's view. */
    @FunctionalInterface
    public interface LineDecoder {
        void decode(byte[] b, int from, int to, JsonSite site) throws FormatException;
    }

    private final JsonLineCursor cursor;
    private final ReadOptions options;
    private final ReadCounter stats;
    // The position of the current record as primitives: a SourcePosition is built only when asked for.
    private long positionOffset;
    private long positionRecord = -1;
    private long positionLine;
    private boolean onRecord;
    private final ReaderGuard guard;

    /** A loop named "JSON Lines reader" in misuse messages. */
    public LineRecordLoop(ByteInput input, ReadOptions options) {
        this(input, options, "JSON Lines reader");
    }

    /** A loop for the reader named {@code reader} (in misuse messages). */
    public LineRecordLoop(ByteInput input, ReadOptions options, String reader) {
        this.guard = new ReaderGuard(reader);
        this.options = options;
        this.stats = new ReadCounter(options.maxErrorsKept());
        this.cursor = new JsonLineCursor(input, options, stats);
        this.positionOffset = input.position();
    }

    /** Advances to the next good record; false at the end. */
    public boolean next(LineDecoder decoder) throws IOException {
        guard.enter();
        onRecord = false;
        while (true) {
            try {
                if (!cursor.nextLine()) {
                    positionAt(stats.bytes(), cursor.recordIndex() + 1, cursor.lineNumber());
                    return false;
                }
                positionAt(cursor.lineOffset(), cursor.recordIndex(), cursor.lineNumber());
                decode(decoder);
                stats.addRecord();
                onRecord = true;
                return true;
            } catch (LimitExceededException e) {
                if (e.position().recordIndex() < 0 || !options.skipErrors()) {
                    throw e;
                }
                stats.addSkipped(e);
            } catch (FormatException e) {
                if (!options.skipErrors() || !ofOneRecord(e)) {
                    throw e;
                }
                stats.addSkipped(e);
            }
        }
    }

    /**
     * Decodes the current line. The line is within {@code maxLineBytes}, but its arrays (a few bytes of text per
     * value, 4 or 8 bytes per value decoded) may not fit a small heap: that ends as an error naming the line.
     */
    private void decode(LineDecoder decoder) throws FormatException {
        try {
            decoder.decode(cursor.buffer(), cursor.start(), cursor.end(), cursor.site());
        } catch (OutOfMemoryError e) {
            throw new InsufficientMemoryException(cursor.position(), "line " + cursor.lineNumber()
                    + " (" + (cursor.end() - cursor.start()) + " bytes)", -1, "maxArrayElements",
                    options.limits().maxArrayElements());
        }
    }

    /**
     * Whether skipping past {@code e} can go on reading: true for a bad line (its position has a record index),
     * false for damage of the input itself (a truncated or corrupt gzip stream, positioned by byte offset only),
     * which would fail the same way on every retry.
     */
    private static boolean ofOneRecord(FormatException e) {
        return !(e instanceof TruncatedInputException) && e.position().recordIndex() >= 0;
    }

    /** Reads every line of {@code input} as one JSON value with {@code reader}, honouring the error policy. */
    public static <T> java.util.List<T> readAll(ByteInput input, ReadOptions options,
                                                 JsonValues.ValueReader<T> reader) throws IOException {
        LineRecordLoop loop = new LineRecordLoop(input, options);
        JsonParsers parsers = new JsonParsers(options.limits());
        java.util.List<T> out = new java.util.ArrayList<>();
        try {
            while (loop.next((b, from, to, site) -> out.add(JsonValues.readLine(parsers, b, from, to, site, reader)))) {
                // collected by the decoder
            }
        } finally {
            loop.close();
        }
        return out;
    }

    /**
     * Fails unless the last {@link #next} returned true: a reader's {@code current()} before the first record or
     * after the end.
     *
     * @throws IllegalStateException when there is no current record
     */
    public void checkCurrent() {
        if (!onRecord) {
            throw guard.noCurrent("no current record: call next() first and only while it returns true");
        }
    }

    private void positionAt(long offset, long record, long line) {
        positionOffset = offset;
        positionRecord = record;
        positionLine = line;
    }

    /** Position of the current record's line (after the end: the end of the input). */
    public SourcePosition position() {
        return SourcePosition.ofLine(cursor.name(), positionOffset, positionRecord, positionLine);
    }

    public ReadCounter stats() {
        return stats;
    }

    public JsonLineCursor cursor() {
        return cursor;
    }

    public void close() throws IOException {
        guard.close();
        onRecord = false;
        cursor.close();
    }
}
