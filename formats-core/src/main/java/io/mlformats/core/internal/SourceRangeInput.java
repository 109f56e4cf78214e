package io.mlformats.core.internal;

import io.mlformats.core.ByteSource;
import java.util.Objects;

/** Sequential reading of {@code [from, to)} of a {@link ByteSource}; positions are offsets in the source. */
public final class SourceRangeInput extends RangeInput {
    private final ByteSource source;

    public SourceRangeInput(ByteSource source, long from, long to) {
        super(checkRange(from, to, source.size()), to);
        this.source = source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public int read(byte[] dst, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (pos >= limit) {
            return -1;
        }
        int n = (int) Math.min(length, limit - pos);
        source.copyTo(pos, dst, offset, n);
        pos += n;
        return n;
    }

    @Override
    public ByteSource source() {
        return source;
    }

    @Override
    public long end() {
        return limit;
    }

    @Override
    public void close() {
        // The source is owned by whoever created it.
    }

    private static long checkRange(long from, long to, long size) {
        Objects.checkFromToIndex(from, to, size);
        return from;
    }
}
