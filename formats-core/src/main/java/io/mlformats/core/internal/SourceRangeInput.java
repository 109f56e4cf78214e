package io.mlformats.core.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import java.util.Objects;

/** Sequential reading of {@code [from, to)} of a {@link ByteSource}; positions are offsets in the source. */
public final class SourceRangeInput implements ByteInput {
    private final ByteSource source;
    private final long end;
    private long pos;

    public SourceRangeInput(ByteSource source, long from, long to) {
        Objects.checkFromToIndex(from, to, source.size());
        this.source = source;
        this.pos = from;
        this.end = to;
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
        if (pos >= end) {
            return -1;
        }
        int n = (int) Math.min(length, end - pos);
        source.copyTo(pos, dst, offset, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.min(n, end - pos);
        pos += k;
        return k;
    }

    @Override
    public long position() {
        return pos;
    }

    @Override
    public ByteSource source() {
        return source;
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public void close() {
        // The source is owned by whoever created it.
    }
}
