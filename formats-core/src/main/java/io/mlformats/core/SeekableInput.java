package io.mlformats.core;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random-access bytes that may live anywhere: a local file, an object store, HDFS, a byte array. The storage SPI
 * of mlformats, in the style of parquet-java's {@code InputFile}: two reading methods, both able to report an
 * I/O error. Implement it to read from a store the library does not know (the Spark module's Hadoop adapter is
 * one); {@link ByteSources#seekable} makes the local ones.
 *
 * <p>Readers take one of these together with a {@link ByteRange} and read the records that start in the range
 * ({@link ByteSources#range}). Implementations must allow {@link #readFully} from several threads at once (each
 * call is positioned; there is no shared file pointer) unless they say otherwise. The caller owns the input:
 * readers opened on it never close it.
 */
public interface SeekableInput extends Closeable {

    /**
     * File name or URI, used in error messages.
     *
     * @return the input's name for messages; never null
     */
    String name();

    /**
     * Number of bytes.
     *
     * @return the total number of bytes in the input
     * @throws IOException if the storage cannot report the length
     */
    long length() throws IOException;

    /**
     * Reads exactly {@code length} bytes starting at {@code position} into {@code dst[offset, offset+length)}.
     *
     * @param position offset in the input of the first byte to read, at least 0
     * @param dst the caller's array receiving the bytes
     * @param offset index in {@code dst} where the first byte goes
     * @param length the exact number of bytes to read
     * @throws java.io.EOFException if fewer than {@code length} bytes exist at {@code position}
     * @throws IOException          if the storage fails
     */
    void readFully(long position, byte[] dst, int offset, int length) throws IOException;

    /** Releases the input (connections, file handles). */
    @Override
    void close() throws IOException;
}
