package io.mlformats.core.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.SeekableInput;
import java.io.IOException;

/**
 * Sequential reading of {@code [from, to)} of a {@link SeekableInput} through one reusable buffer; positions are
 * offsets in the input, so error messages point into the whole file. Does not close the input.
 */
public final class SeekableRangeInput implements ByteInput {
    private final SeekableInput input;
    private final long end;
    private final byte[] buf;
    private long bufStart;
    private int bufLen;
    private long pos;

    public SeekableRangeInput(SeekableInput input, long from, long to, int bufferBytes) {
        this.input = input;
        this.pos = from;
        this.end = to;
        this.bufStart = from;
        this.buf = new byte[(int) Math.max(1, Math.min(bufferBytes, to - from))];
    }

    @Override
    public String name() {
        return input.name();
    }

    @Override
    public int read(byte[] dst, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pos >= end) {
            return -1;
        }
        if (pos >= bufStart + bufLen) {
            bufStart = pos;
            bufLen = (int) Math.min(buf.length, end - pos);
            input.readFully(bufStart, buf, 0, bufLen);
        }
        int at = (int) (pos - bufStart);
        int n = Math.min(length, bufLen - at);
        System.arraycopy(buf, at, dst, offset, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, end - pos));
        pos += k;
        return k;
    }

    @Override
    public long position() {
        return pos;
    }

    @Override
    public void close() {
        // The input belongs to the caller.
    }
}
