package io.mlformats.core;

import java.io.Closeable;
import java.nio.ByteBuffer;

/**
 * Immutable, random-access bytes with {@code long} offsets: a {@code byte[]}, a {@link ByteBuffer}, or a file
 * memory-mapped in windows of at most 1 GiB (so files larger than 2 GiB work). Create with {@link ByteSources}.
 *
 * <p>Views returned by {@link #slice(long, int)} share memory with the source when the range lies in one
 * underlying buffer (no copy) and are copies otherwise; either way they are valid until {@link #close()}.
 * Sources are safe for concurrent reads from several threads; {@link #close()} must not race with reads.
 */
public interface ByteSource extends Closeable {

    /** File name or a placeholder such as {@code "<bytes>"}, used in error messages. */
    String name();

    /** Number of bytes. */
    long size();

    /** The byte at {@code offset}. */
    byte get(long offset);

    /** The little-endian 32-bit word starting at {@code offset}. */
    int getIntLE(long offset);

    /** Copies {@code length} bytes starting at {@code offset} into {@code dst}. */
    void copyTo(long offset, byte[] dst, int dstOffset, int length);

    /**
     * A read-only view of {@code length} bytes at {@code offset}, positioned at 0, big-endian like every new
     * buffer. Shares memory with the source when the range lies in one underlying buffer.
     */
    ByteBuffer slice(long offset, int length);

    /**
     * The heap array holding all of this source, or {@code null} if the source is not one heap array.
     * Parsers use it to scan in place; byte {@code i} of the source is {@code array()[arrayOffset() + i]}.
     */
    default byte[] array() {
        return null;
    }

    /** Offset of byte 0 of this source within {@link #array()}. */
    default int arrayOffset() {
        return 0;
    }

    /** A sequential reader over the whole source. */
    default ByteInput input() {
        return input(0, size());
    }

    /** A sequential reader over bytes {@code [from, to)}; its positions are absolute offsets in this source. */
    ByteInput input(long from, long to);

    /**
     * Releases what the source holds. Heap sources hold nothing; a mapped file's mapping is released by the
     * garbage collector once the source and every slice of it are unreachable (Java 17 has no safe unmap), so
     * close() only marks the end of use.
     */
    @Override
    void close();
}
