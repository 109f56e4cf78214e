package io.mlformats.deepar;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonValues;
import io.mlformats.jsonlines.internal.LineRecordLoop;
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

    private DeepArForecastReader(ByteInput input, ReadOptions options) {
        this.loop = new LineRecordLoop(input, options);
        this.parsers = new JsonParsers(options.limits());
    }

    public static DeepArForecastReader open(Path file, ReadOptions options) throws IOException {
        return new DeepArForecastReader(ByteSources.open(file, options.limits()), options);
    }

    public static DeepArForecastReader of(ByteInput input, ReadOptions options) {
        return new DeepArForecastReader(input, options);
    }

    @Override
    public boolean next() throws IOException {
        return loop.next((b, from, to, site) ->
                current = JsonValues.readLine(parsers, b, from, to, site, DeepArInference::readForecast));
    }

    @Override
    public DeepArForecast current() {
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
