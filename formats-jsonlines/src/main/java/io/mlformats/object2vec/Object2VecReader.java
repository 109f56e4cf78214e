package io.mlformats.object2vec;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.LineRecordLoop;
import io.mlformats.core.ByteRange;
import io.mlformats.core.SeekableInput;
import io.mlformats.jsonlines.internal.ReaderInputs;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads Object2Vec JSON Lines: training pairs ({@code application/jsonlines}), pair-scoring instances and
 * encoder-embedding requests, depending on {@link Object2VecReadOptions}. Every record is checked: integer token
 * ids, non-empty lists, ids below the vocabulary size, labels in range, sequence lengths. {@link #current()}
 * returns a view reused for every line ({@link Object2VecPairView#copy()} keeps one); valid lines of the common
 * shape are read without allocating. Not thread-safe: one reader per thread
 * ({@link #next()} from a thread other than the first caller's, and any read after {@link #close()}, throw
 * {@link IllegalStateException}).
 */
public final class Object2VecReader implements RecordReader<Object2VecPairView> {
    private final LineRecordLoop loop;
    private final Object2VecDecoder decoder;
    private final Object2VecPairView view = new Object2VecPairView();
    private final LineRecordLoop.LineDecoder lineDecoder;

    private Object2VecReader(ByteInput input, Object2VecReadOptions options) {
        this.loop = new LineRecordLoop(input, options.read(), "Object2VecReader");
        this.decoder = new Object2VecDecoder(options, new JsonParsers(options.read().limits()), loop.stats());
        this.lineDecoder = (b, from, to, site) -> decoder.decodeLine(b, from, to, site, view);
    }

    /**
     * Reads a local file: gzip detected by content, plain files memory-mapped. The reader opens the file and
     * closes it on {@code close()}.
     *
     * @param file the Object2Vec JSON Lines file to read, plain or gzip-compressed
     * @param options the read mode, error policy, limits, required fields and hyperparameters
     * @return a reader positioned before the first record; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static Object2VecReader open(Path file, Object2VecReadOptions options) throws IOException {
        return new Object2VecReader(ReaderInputs.file(file, options.read().limits()), options);
    }

    /**
     * Reads a local file with {@link Object2VecReadOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the Object2Vec JSON Lines file to read, plain or gzip-compressed
     * @return a reader positioned before the first record; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static Object2VecReader open(Path file) throws IOException {
        return open(file, Object2VecReadOptions.defaults());
    }

    /**
     * Reads the lines that start in {@code range} of {@code input}, reading past its end to finish the last one
     * ({@link ByteRange#ALL} for everything). Offsets in positions are offsets in the whole input; record indexes
     * count from the start of the range. The caller owns {@code input}; the reader never closes it.
     *
     * @param input the seekable input holding the records; stays open and owned by the caller
     * @param range the byte range whose starting lines are read, or {@link ByteRange#ALL}
     * @param options the read mode, error policy, limits, required fields and hyperparameters
     * @return a reader positioned before the first line that starts in {@code range}
     * @throws IOException if seeking to the range or reading from {@code input} fails
     */
    public static Object2VecReader open(SeekableInput input, ByteRange range, Object2VecReadOptions options) throws IOException {
        return new Object2VecReader(ReaderInputs.range(input, range, options.read().limits()), options);
    }

    /**
     * Reads a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. The caller owns {@code input}; the reader never
     * closes it.
     *
     * @param input the forward-only input holding the records; stays open and owned by the caller
     * @param options the read mode, error policy, limits, required fields and hyperparameters
     * @return a reader positioned before the first record
     */
    public static Object2VecReader open(ByteInput input, Object2VecReadOptions options) {
        return new Object2VecReader(ReaderInputs.borrowed(input), options);
    }

    @Override
    public boolean next() throws IOException {
        return loop.next(lineDecoder);
    }

    /**
     * The current record; valid until the next {@link #next()} or {@link #close()}.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public Object2VecPairView current() {
        loop.checkCurrent();
        return view;
    }

    @Override
    public SourcePosition position() {
        return loop.position();
    }

    @Override
    public ReadStats stats() {
        return loop.stats();
    }

    @Override
    public void close() throws IOException {
        loop.close();
    }
}
