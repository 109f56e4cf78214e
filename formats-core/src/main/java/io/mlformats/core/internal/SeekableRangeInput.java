package io.mlformats.core.internal;

import io.mlformats.core.SeekableInput;
import java.io.IOException;

/**
 * Sequential reading of {@code [from, to)} of a {@link SeekableInput} through one reusable buffer; positions are
 * offsets in the input, so error messages point into the whole file. Does not close the input.
 */
public final class SeekableRangeInput extends RangeInput {
    private final SeekableInput input;
    private final byte[] buf;
    private long bufStart;
    private int bufLen;

    public SeekableRangeInput(SeekableInput input, long from, long to, int bufferBytes) {
        super(from, to);
        this.input = input;
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
        if (pos >= limit) {
            return -1;
        }
        if (pos >= bufStart + bufLen) {
            bufStart = pos;
            bufLen = (int) Math.min(buf.length, limit - pos);
            input.readFully(bufStart, buf, 0, bufLen);
        }
        int at = (int) (pos - bufStart);
        int n = Math.min(length, bufLen - at);
        System.arraycopy(buf, at, dst, offset, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        // The input belongs to the caller.
    }
}
