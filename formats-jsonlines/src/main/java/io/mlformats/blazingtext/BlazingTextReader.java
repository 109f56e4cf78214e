package io.mlformats.blazingtext;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.text.LineScanner;
import io.mlformats.core.text.Utf8;
import io.mlformats.core.ByteRange;
import io.mlformats.core.SeekableInput;
import io.mlformats.jsonlines.internal.ReaderInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads fastText-style text: supervised files ({@code __label__} tokens anywhere in a line) and word2vec
 * sentence files. Tokens and labels follow fastText 0.9.2 exactly ({@link FastTextTokenizer}); every line is an
 * example, an empty one included (fastText trains on it as an example with no words).
 *
 * <p>One documented difference: a UTF-8 BOM at the start of the file is skipped (with a {@code bom-skipped}
 * warning), as everywhere in this SDK. fastText keeps it inside the first token, which turns the first line's
 * label into a word ({@code \ufeff__label__x}) and silently drops it.
 *
 * <p>Strict mode rejects invalid UTF-8 (fastText would pass the bytes through); lenient accepts it with a
 * warning. Not thread-safe: one reader per thread
 * ({@link #next()} from a thread other than the first caller's, and any read after {@link #close()}, throw
 * {@link IllegalStateException}).
 */
public final class BlazingTextReader implements RecordReader<BlazingTextLineView> {
    /** Warning kind for a line with invalid UTF-8 read in lenient mode. */
    public static final String WARN_INVALID_UTF8 = "invalid-utf8";

    private final LineScanner scanner;
    private final BlazingTextReadOptions options;
    private final ReadCounter stats;
    private final byte[] prefix;
    private final BlazingTextLineView view = new BlazingTextLineView();
    private long record = -1;
    private boolean bomChecked;
    // The position of the current record as primitives: a SourcePosition is built only when asked for.
    private long positionOffset;
    private long positionRecord = -1;
    private long positionLine;
    private boolean onRecord;
    private final ReaderGuard guard = new ReaderGuard("BlazingTextReader");

    private BlazingTextReader(ByteInput input, BlazingTextReadOptions options) {
        this.options = options;
        this.scanner = new LineScanner(input, options.read().limits());
        this.stats = new ReadCounter(options.read().maxErrorsKept());
        this.prefix = options.labelPrefix() == null ? null
                : options.labelPrefix().getBytes(StandardCharsets.UTF_8);
        this.view.prefixLength = prefix == null ? 0 : prefix.length;
        this.positionOffset = input.position();
    }

    /**
     * Reads a local file: gzip detected by content, plain files memory-mapped. The reader opens the file and
     * closes it on {@code close()}.
     *
     * @param file the fastText text file to read, plain or gzip-compressed
     * @param options the read mode, error policy, limits and label prefix
     * @return a reader positioned before the first line; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static BlazingTextReader open(Path file, BlazingTextReadOptions options) throws IOException {
        return new BlazingTextReader(ReaderInputs.file(file, options.read().limits()), options);
    }

    /**
     * Reads a local file with {@link BlazingTextReadOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the fastText text file to read, plain or gzip-compressed
     * @return a reader positioned before the first line; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static BlazingTextReader open(Path file) throws IOException {
        return open(file, BlazingTextReadOptions.defaults());
    }

    /**
     * Reads the lines that start in {@code range} of {@code input}, reading past its end to finish the last one
     * ({@link ByteRange#ALL} for everything). Offsets in positions are offsets in the whole input; record indexes
     * count from the start of the range. The caller owns {@code input}; the reader never closes it.
     *
     * @param input the seekable input holding the text; stays open and owned by the caller
     * @param range the byte range whose starting lines are read, or {@link ByteRange#ALL}
     * @param options the read mode, error policy, limits and label prefix
     * @return a reader positioned before the first line that starts in {@code range}
     * @throws IOException if seeking to the range or reading from {@code input} fails
     */
    public static BlazingTextReader open(SeekableInput input, ByteRange range, BlazingTextReadOptions options) throws IOException {
        return new BlazingTextReader(ReaderInputs.range(input, range, options.read().limits()), options);
    }

    /**
     * Reads a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. The caller owns {@code input}; the reader never
     * closes it.
     *
     * @param input the forward-only input holding the text; stays open and owned by the caller
     * @param options the read mode, error policy, limits and label prefix
     * @return a reader positioned before the first line
     */
    public static BlazingTextReader open(ByteInput input, BlazingTextReadOptions options) {
        return new BlazingTextReader(ReaderInputs.borrowed(input), options);
    }

    @Override
    public boolean next() throws IOException {
        guard.enter();
        onRecord = false;
        while (true) {
            if (!scanner.next()) {
                stats.setBytes(scanner.consumed());
                positionOffset = scanner.consumed();
                positionRecord = record + 1;
                positionLine = scanner.lineNumber();
                return false;
            }
            if (!bomChecked) {
                bomChecked = true;
                if (scanner.bomSkipped()) {
                    stats.addWarning("bom-skipped");
                }
            }
            stats.setBytes(scanner.consumed());
            record++;
            positionOffset = scanner.lineOffset();
            positionRecord = record;
            positionLine = scanner.lineNumber();
            byte[] b = scanner.buffer();
            int bad = Utf8.firstInvalid(b, scanner.start(), scanner.end());
            if (bad >= 0) {
                if (!options.read().lenient()) {
                    FormatException e = new FormatException(scanner.positionAt(bad, record), "INVALID_UTF8: byte 0x"
                            + Integer.toHexString(b[bad] & 0xFF) + " does not start a valid UTF-8 sequence;"
                            + " expected UTF-8 text (read in lenient mode to pass the bytes through)");
                    if (!options.read().skipErrors()) {
                        throw e;
                    }
                    stats.addSkipped(e);
                    continue;
                }
                stats.addWarning(WARN_INVALID_UTF8);
            }
            view.clear();
            view.buffer = b;
            view.lineStart = scanner.start();
            tokenize(b, scanner.start(), scanner.end());
            stats.addRecord();
            onRecord = true;
            return true;
        }
    }

    private void tokenize(byte[] b, int from, int to) throws LimitExceededException {
        int max = options.read().limits().maxArrayElements();
        int i = from;
        while (i < to) {
            while (i < to && FastTextTokenizer.isSpace(b[i])) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int s = i;
            while (i < to && !FastTextTokenizer.isSpace(b[i])) {
                i++;
            }
            if (view.labelStarts.size + view.wordStarts.size >= max) {
                throw new LimitExceededException(scanner.positionAt(s, record), "maxArrayElements", max,
                        "a line of more than " + max + " tokens");
            }
            if (FastTextTokenizer.isLabel(b, s, i, prefix)) {
                view.labelStarts.add(s);
                view.labelEnds.add(i);
            } else {
                view.wordStarts.add(s);
                view.wordEnds.add(i);
            }
        }
    }

    /**
     * The current line; valid until the next {@link #next()} or {@link #close()}.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public BlazingTextLineView current() {
        if (!onRecord) {
            throw guard.noCurrent("no current record: call next() first and only while it returns true");
        }
        return view;
    }

    /** Position of the current line (after the end: the end of the input). */
    @Override
    public SourcePosition position() {
        return SourcePosition.ofLine(scanner.name(), positionOffset, positionRecord, positionLine);
    }

    @Override
    public ReadStats stats() {
        return stats;
    }

    @Override
    public void close() throws IOException {
        guard.close();
        onRecord = false;
        scanner.close();
    }

}
