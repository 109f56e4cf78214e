package io.mlformats.core.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/** A {@link ByteSource} over a range of a heap array. The array is not copied; the caller must not change it. */
public final class HeapByteSource implements ByteSource {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final byte[] array;
    private final int offset;
    private final int length;

    public HeapByteSource(String name, byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        this.name = name;
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public byte get(long i) {
        return array[offset + Objects.checkIndex((int) checkLong(i, 1), length)];
    }

    @Override
    public int getIntLE(long i) {
        checkRange(i, 4);
        return (int) INT_LE.get(array, offset + (int) i);
    }

    @Override
    public void copyTo(long i, byte[] dst, int dstOffset, int n) {
        checkRange(i, n);
        System.arraycopy(array, offset + (int) i, dst, dstOffset, n);
    }

    @Override
    public ByteBuffer slice(long i, int n) {
        checkRange(i, n);
        return ByteBuffer.wrap(array, offset + (int) i, n).slice().asReadOnlyBuffer();
    }

    @Override
    public byte[] array() {
        return array;
    }

    @Override
    public int arrayOffset() {
        return offset;
    }

    @Override
    public ByteInput input(long from, long to) {
        return new SourceRangeInput(this, from, to);
    }

    @Override
    public void close() {
        // Nothing to release: the array belongs to the caller.
    }

    private void checkRange(long i, int n) {
        Objects.checkFromIndexSize(i, n, (long) length);
    }

    private long checkLong(long i, int n) {
        Objects.checkFromIndexSize(i, n, (long) length);
        return i;
    }
}
