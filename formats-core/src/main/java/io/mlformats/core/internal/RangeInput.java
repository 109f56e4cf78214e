package io.mlformats.core.internal;

import io.mlformats.core.ByteInput;

/** The bookkeeping of a forward-only input over {@code [from, to)} of something random-access. */
abstract class RangeInput implements ByteInput {
    /** Offset after the last byte of the range. */
    protected final long limit;
    /** Offset of the next byte to read. */
    protected long pos;

    RangeInput(long from, long to) {
        this.pos = from;
        this.limit = to;
    }

    @Override
    public final long skip(long n) {
        long k = Math.max(0, Math.min(n, limit - pos));
        pos += k;
        return k;
    }

    @Override
    public final long position() {
        return pos;
    }
}
