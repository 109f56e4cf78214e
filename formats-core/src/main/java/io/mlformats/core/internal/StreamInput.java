package io.mlformats.core.internal;

import io.mlformats.core.ByteInput;
import java.io.IOException;
import java.io.InputStream;

/** A {@link ByteInput} over an {@link InputStream}, optionally with bytes already read ahead (for sniffing). */
public final class StreamInput implements ByteInput {
    private final String name;
    private final InputStream in;
    private final byte[] head;
    private int headPos;
    private final int headLen;
    private long pos;

    public StreamInput(String name, InputStream in, byte[] head, int headLen) {
        this.name = name;
        this.in = in;
        this.head = head;
        this.headLen = headLen;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] dst, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (headPos < headLen) {
            int n = Math.min(length, headLen - headPos);
            System.arraycopy(head, headPos, dst, offset, n);
            headPos += n;
            pos += n;
            return n;
        }
        int n = in.read(dst, offset, length);
        if (n > 0) {
            pos += n;
        }
        return n;
    }

    @Override
    public long position() {
        return pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
