package io.mlformats.object2vec;

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
 * Reads Object2Vec JSON Lines: training pairs ({@code application/jsonlines}), pair-scoring instances and
 * encoder-embedding requests, depending on {@link Object2VecReadOptions}. Every record is checked: integer token
 * ids, non-empty lists, ids below the vocabulary size, labels in range, sequence lengths. {@link #current()}
 * returns a new owned {@link Object2VecPair} per line (lines are short). Not thread-safe.
 */
public final class Object2VecReader implements RecordReader<Object2VecPair> {
    private final LineRecordLoop loop;
    private final Object2VecDecoder decoder;
    private Object2VecPair current;

    private Object2VecReader(ByteInput input, Object2VecReadOptions options) {
        this.loop = new LineRecordLoop(input, options.read());
        this.decoder = new Object2VecDecoder(options, new JsonParsers(options.read().limits()), loop.stats());
    }

    public static Object2VecReader open(Path file, Object2VecReadOptions options) throws IOException {
        return new Object2VecReader(ByteSources.open(file, options.read().limits()), options);
    }

    public static Object2VecReader of(ByteInput input, Object2VecReadOptions options) {
        return new Object2VecReader(input, options);
    }

    public static Object2VecReader of(InputStream in, String name, Object2VecReadOptions options)
            throws IOException {
        return new Object2VecReader(ByteSources.stream(in, name, options.read().limits()), options);
    }

    @Override
    public boolean next() throws IOException {
        return loop.next((b, from, to, site) -> current = decoder.decodeLine(b, from, to, site));
    }

    @Override
    public Object2VecPair current() {
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
