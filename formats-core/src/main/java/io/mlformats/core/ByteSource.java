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

    /**
     * File name or a placeholder such as {@code "<bytes>"}, used in error messages.
     *
     * @return the source's name for messages; never null
     */
    String name();

    /**
     * Number of bytes.
     *
     * @return the number of bytes in the source, at least 0
     */
    long size();

    /**
     * The byte at {@code offset}.
     *
     * @param offset the byte's offset in the source, in {@code [0, size())}
     * @return the byte at {@code offset}
     */
    byte get(long offset);

    /**
     * The little-endian 32-bit word starting at {@code offset}.
     *
     * @param offset offset of the word's first (least significant) byte, in {@code [0, size() - 4]}
     * @return the four bytes at {@code offset} read as a little-endian {@code int}
     */
    int getIntLE(long offset);

    /**
     * Copies {@code length} bytes starting at {@code offset} into {@code dst}.
     *
     * @param offset offset in the source of the first byte to copy
     * @param dst the caller's array receiving the bytes
     * @param dstOffset index in {@code dst} where the first byte goes
     * @param length number of bytes to copy; {@code [offset, offset + length)} must lie in the source
     */
    void copyTo(long offset, byte[] dst, int dstOffset, int length);

    /**
     * A read-only view of {@code length} bytes at {@code offset}, positioned at 0, big-endian like every new
     * buffer. Shares memory with the source when the range lies in one underlying buffer.
     *
     * @param offset offset in the source of the view's first byte
     * @param length number of bytes in the view; {@code [offset, offset + length)} must lie in the source
     * @return a read-only buffer of {@code length} bytes, valid until {@link #close()}
     */
    ByteBuffer slice(long offset, int length);

    /**
     * The heap array holding all of this source, or {@code null} if the source is not one heap array.
     * Parsers use it to scan in place; byte {@code i} of the source is {@code array()[arrayOffset() + i]}.
     *
     * @return the backing array itself (not a copy; do not modify), or {@code null}
     */
    default byte[] array() {
        return null;
    }

    /**
     * Offset of byte 0 of this source within {@link #array()}.
     *
     * @return the index in {@link #array()} of the source's byte 0; 0 when {@link #array()} is null
     */
    default int arrayOffset() {
        return 0;
    }

    /**
     * A sequential reader over the whole source.
     *
     * @return a new input over {@code [0, size())}; closing it does not close the source
     */
    default ByteInput input() {
        return input(0, size());
    }

    /**
     * A sequential reader over bytes {@code [from, to)}; its positions are absolute offsets in this source.
     *
     * @param from offset of the first byte read, in {@code [0, size()]}
     * @param to offset just past the last byte read, in {@code [from, size()]}
     * @return a new input over the range; closing it does not close the source
     */
    ByteInput input(long from, long to);

    /**
     * Releases what the source holds. Heap sources hold nothing; a mapped file's mapping is released by the
     * garbage collector once the source and every slice of it are unreachable (Java 17 has no safe unmap), so
     * close() only marks the end of use.
     */
    @Override
    void close();
}
