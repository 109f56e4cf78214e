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
 * Reads DeepAR batch-transform output: JSON Lines, one forecast object per line in input order.
 * {@link #current()} returns a view reused for every line ({@link DeepArForecastView#copy()} keeps one as a
 * {@link DeepArForecast}). Lines holding only {@code mean}, {@code quantiles} and {@code samples} with plain JSON
 * numbers are read in place without allocating; other lines (extra fields, escapes in quantile levels, repeated
 * fields) and every error go through Jackson, which allocates a parser and an owned forecast for the line (about
 * 2.8 KB for a line of 4 short arrays). Not thread-safe: one reader per thread
 * ({@link #next()} from a thread other than the first caller's, and any read after {@link #close()}, throw
 * {@link IllegalStateException}).
 */
public final class DeepArForecastReader implements RecordReader<DeepArForecastView> {
    private final LineRecordLoop loop;
    private final DeepArForecastView view = new DeepArForecastView();
    private final LineRecordLoop.LineDecoder lineDecoder;

    private DeepArForecastReader(ByteInput input, DeepArForecastReadOptions options) {
        this.loop = new LineRecordLoop(input, options.read(), "DeepArForecastReader");
        DeepArForecastDecoder decoder = new DeepArForecastDecoder(new JsonParsers(options.read().limits()));
        this.lineDecoder = (b, from, to, site) -> decoder.decodeLine(b, from, to, site, view);
    }

    /**
     * Reads a local file: gzip detected by content, plain files memory-mapped. The reader opens the file and
     * closes it on {@code close()}.
     *
     * @param file the batch-transform output file to read, plain or gzip-compressed
     * @param options the read mode, error policy and limits
     * @return a reader positioned before the first line; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static DeepArForecastReader open(Path file, DeepArForecastReadOptions options) throws IOException {
        return new DeepArForecastReader(ReaderInputs.file(file, options.read().limits()), options);
    }

    /**
     * Reads a local file with {@link DeepArForecastReadOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the batch-transform output file to read, plain or gzip-compressed
     * @return a reader positioned before the first line; it owns the opened file
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static DeepArForecastReader open(Path file) throws IOException {
        return open(file, DeepArForecastReadOptions.defaults());
    }

    /**
     * Reads the lines that start in {@code range} of {@code input}, reading past its end to finish the last one
     * ({@link ByteRange#ALL} for everything). Offsets in positions are offsets in the whole input; record indexes
     * count from the start of the range. The caller owns {@code input}; the reader never closes it.
     *
     * @param input the seekable input holding the forecasts; stays open and owned by the caller
     * @param range the byte range whose starting lines are read, or {@link ByteRange#ALL}
     * @param options the read mode, error policy and limits
     * @return a reader positioned before the first line that starts in {@code range}
     * @throws IOException if seeking to the range or reading from {@code input} fails
     */
    public static DeepArForecastReader open(SeekableInput input, ByteRange range, DeepArForecastReadOptions options) throws IOException {
        return new DeepArForecastReader(ReaderInputs.range(input, range, options.read().limits()), options);
    }

    /**
     * Reads a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. The caller owns {@code input}; the reader never
     * closes it.
     *
     * @param input the forward-only input holding the forecasts; stays open and owned by the caller
     * @param options the read mode, error policy and limits
     * @return a reader positioned before the first line
     */
    public static DeepArForecastReader open(ByteInput input, DeepArForecastReadOptions options) {
        return new DeepArForecastReader(ReaderInputs.borrowed(input), options);
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
    public DeepArForecastView current() {
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
