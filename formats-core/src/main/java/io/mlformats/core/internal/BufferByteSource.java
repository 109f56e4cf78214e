package io.mlformats.core.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A {@link ByteSource} over the remaining bytes of a {@link ByteBuffer} (heap, direct or mapped). The buffer is
 * duplicated, so the caller's position and limit are left alone.
 */
public final class BufferByteSource implements ByteSource {
    private final String name;
    private final ByteBuffer buffer; // little-endian duplicate, position 0
    private final Runnable onClose;

    public BufferByteSource(String name, ByteBuffer buffer, Runnable onClose) {
        this.name = name;
        this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.onClose = onClose;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return buffer.capacity();
    }

    @Override
    public byte get(long i) {
        return buffer.get(index(i, 1));
    }

    @Override
    public int getIntLE(long i) {
        return buffer.getInt(index(i, 4));
    }

    @Override
    public void copyTo(long i, byte[] dst, int dstOffset, int n) {
        buffer.get(index(i, n), dst, dstOffset, n);
    }

    @Override
    public ByteBuffer slice(long i, int n) {
        return buffer.slice(index(i, n), n).order(ByteOrder.BIG_ENDIAN).asReadOnlyBuffer();
    }

    @Override
    public byte[] array() {
        return buffer.hasArray() && !buffer.isReadOnly() ? buffer.array() : null;
    }

    @Override
    public int arrayOffset() {
        return buffer.hasArray() && !buffer.isReadOnly() ? buffer.arrayOffset() : 0;
    }

    @Override
    public ByteInput input(long from, long to) {
        return new SourceRangeInput(this, from, to);
    }

    @Override
    public void close() {
        if (onClose != null) {
            onClose.run();
        }
    }

    private int index(long i, int n) {
        Objects.checkFromIndexSize(i, n, (long) buffer.capacity());
        return (int) i;
    }
}
