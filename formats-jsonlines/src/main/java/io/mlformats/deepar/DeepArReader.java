package io.mlformats.deepar;

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
 * Reads DeepAR training, test or batch-transform files: JSON Lines, one series per line, plain or gzip (detected
 * by content). Each record is checked against the per-series rules (start format, target shape and values,
 * cat and dynamic_feat shapes and lengths); dataset-wide rules are the {@link DeepArValidator}'s job.
 *
 * <pre>{@code
 * try (DeepArReader r = DeepArReader.open(path, DeepArReadOptions.training())) {
 *     while (r.next()) {
 *         DeepArSeriesView s = r.current();
 *         consume(s.targetArray(), s.targetLength());
 *     }
 * }
 * }</pre>
 *
 * <p>Over a mapped file or a heap array lines are parsed in place; the view's buffers are reused, so the hot
 * loop allocates nothing per record beyond what buffer growth needs. Not thread-safe: one reader per thread
 * ({@link #next()} from a thread other than the first caller's, and any read after {@link #close()}, throw
 * {@link IllegalStateException}).
 */
public final class DeepArReader implements RecordReader<DeepArSeriesView> {
    private final LineRecordLoop loop;
    private final DeepArDecoder decoder;
    private final DeepArSeriesView view = new DeepArSeriesView();
    private final LineRecordLoop.LineDecoder lineDecoder;

    private DeepArReader(ByteInput input, DeepArReadOptions options) {
        this.loop = new LineRecordLoop(input, options.read(), "DeepArReader");
        this.decoder = new DeepArDecoder(options, new JsonParsers(options.read().limits()), loop.stats());
        this.lineDecoder = (b, from, to, site) -> decoder.decodeLine(b, from, to, site, view);
    }

    /**
     * Reads a local file: gzip detected by content, plain files memory-mapped. The reader opens the file and
     * closes it on {@code close()}.
     *
     * @param file the DeepAR JSON Lines file to read, plain or gzip-compressed
     * @param options the read mode, error policy, limits and dynamic_feat rule
     * @return a reader positioned before the first series; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static DeepArReader open(Path file, DeepArReadOptions options) throws IOException {
        return new DeepArReader(ReaderInputs.file(file, options.read().limits()), options);
    }

    /**
     * Reads a local file with {@link DeepArReadOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the DeepAR JSON Lines file to read, plain or gzip-compressed
     * @return a reader positioned before the first series; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static DeepArReader open(Path file) throws IOException {
        return open(file, DeepArReadOptions.defaults());
    }

    /**
     * Reads the lines that start in {@code range} of {@code input}, reading past its end to finish the last one
     * ({@link ByteRange#ALL} for everything). Offsets in positions are offsets in the whole input; record indexes
     * count from the start of the range. The caller owns {@code input}; the reader never closes it.
     *
     * @param input the seekable input holding the series; stays open and owned by the caller
     * @param range the byte range whose starting lines are read, or {@link ByteRange#ALL}
     * @param options the read mode, error policy, limits and dynamic_feat rule
     * @return a reader positioned before the first line that starts in {@code range}
     * @throws IOException if seeking to the range or reading from {@code input} fails
     */
    public static DeepArReader open(SeekableInput input, ByteRange range, DeepArReadOptions options) throws IOException {
        return new DeepArReader(ReaderInputs.range(input, range, options.read().limits()), options);
    }

    /**
     * Reads a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. The caller owns {@code input}; the reader never
     * closes it.
     *
     * @param input the forward-only input holding the series; stays open and owned by the caller
     * @param options the read mode, error policy, limits and dynamic_feat rule
     * @return a reader positioned before the first series
     */
    public static DeepArReader open(ByteInput input, DeepArReadOptions options) {
        return new DeepArReader(ReaderInputs.borrowed(input), options);
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
    public DeepArSeriesView current() {
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
