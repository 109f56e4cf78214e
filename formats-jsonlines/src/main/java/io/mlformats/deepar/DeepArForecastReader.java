package io.mlformats.deepar;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonValues;
import io.mlformats.jsonlines.internal.LineRecordLoop;
import io.mlformats.core.ByteRange;
import io.mlformats.core.SeekableInput;
import io.mlformats.jsonlines.internal.ReaderInputs;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads DeepAR batch-transform output: JSON Lines, one forecast object per line in input order. Each
 * {@link #current()} is a new owned {@link DeepArForecast} (forecasts are small). Not thread-safe.
 */
public final class DeepArForecastReader implements RecordReader<DeepArForecast> {
    private final LineRecordLoop loop;
    private final JsonParsers parsers;
    private DeepArForecast current;

    private DeepArForecastReader(ByteInput input, DeepArForecastReadOptions options) {
        this.loop = new LineRecordLoop(input, options.read());
        this.parsers = new JsonParsers(options.read().limits());
    }

    /**
     * Reads a local file: gzip detected by content, plain files memory-mapped. The reader opens the file and
     * closes it on {@code close()}.
     */
    public static DeepArForecastReader open(Path file, DeepArForecastReadOptions options) throws IOException {
        return new DeepArForecastReader(ReaderInputs.file(file, options.read().limits()), options);
    }

    /** Reads a local file with {@link DeepArForecastReadOptions#defaults()}. As {@code open(Path, ...)}. */
    public static DeepArForecastReader open(Path file) throws IOException {
        return open(file, DeepArForecastReadOptions.defaults());
    }

    /**
     * Reads the lines that start in {@code range} of {@code input}, reading past its end to finish the last one
     * ({@link ByteRange#ALL} for everything). Offsets in positions are offsets in the whole input; record indexes
     * count from the start of the range. The caller owns {@code input}; the reader never closes it.
     */
    public static DeepArForecastReader open(SeekableInput input, ByteRange range, DeepArForecastReadOptions options) throws IOException {
        return new DeepArForecastReader(ReaderInputs.range(input, range, options.read().limits()), options);
    }

    /**
     * Reads a forward-only input: a stream ({@link ByteSources#stream}), bytes
     * ({@code ByteSources.of(bytes).input()}), a source range. The caller owns {@code input}; the reader never
     * closes it.
     */
    public static DeepArForecastReader open(ByteInput input, DeepArForecastReadOptions options) {
        return new DeepArForecastReader(ReaderInputs.borrowed(input), options);
    }

    @Override
    public boolean next() throws IOException {
        return loop.next((b, from, to, site) ->
                current = JsonValues.readLine(parsers, b, from, to, site, DeepArInference::readForecast));
    }

    /**
     * The current record; valid until the next {@link #next()} or {@link #close()}.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public DeepArForecast current() {
        loop.checkCurrent();
        return current;
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
