package io.mlformats.deepar;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.LineRecordLoop;
import java.io.IOException;
import java.io.InputStream;
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
 * loop allocates nothing per record beyond what buffer growth needs. Not thread-safe.
 */
public final class DeepArReader implements RecordReader<DeepArSeriesView> {
    private final LineRecordLoop loop;
    private final DeepArDecoder decoder;
    private final DeepArSeriesView view = new DeepArSeriesView();
    private final LineRecordLoop.LineDecoder lineDecoder;

    private DeepArReader(ByteInput input, DeepArReadOptions options) {
        this.loop = new LineRecordLoop(input, options.read());
        this.decoder = new DeepArDecoder(options, new JsonParsers(options.read().limits()), loop.stats());
        this.lineDecoder = (b, from, to, site) -> decoder.decodeLine(b, from, to, site, view);
    }

    /** Reads a file (mapped; gzip decompressed as a stream). */
    public static DeepArReader open(Path file, DeepArReadOptions options) throws IOException {
        return new DeepArReader(ByteSources.open(file, options.read().limits()), options);
    }

    /** Reads any input; the reader closes it. */
    public static DeepArReader of(ByteInput input, DeepArReadOptions options) {
        return new DeepArReader(input, options);
    }

    /** Reads a stream (gzip detected); the reader closes it. */
    public static DeepArReader of(InputStream in, String name, DeepArReadOptions options) throws IOException {
        return new DeepArReader(ByteSources.stream(in, name, options.read().limits()), options);
    }

    /** Reads bytes in memory (gzip detected). */
    public static DeepArReader of(byte[] bytes, String name, DeepArReadOptions options) throws IOException {
        return new DeepArReader(ByteSources.input(ByteSources.of(bytes, name), options.read().limits()), options);
    }

    @Override
    public boolean next() throws IOException {
        return loop.next(lineDecoder);
    }

    @Override
    public DeepArSeriesView current() {
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
