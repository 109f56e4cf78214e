package io.mlformats.core;

import java.io.Closeable;
import java.io.IOException;

/**
 * Forward-only bytes: a range of a {@link ByteSource}, an {@link java.io.InputStream}, or a decompressed gzip
 * stream. Readers of text and framed formats consume this type, so every reader works on files, streams and
 * in-memory data alike. Create with {@link ByteSources}. Not thread-safe.
 */
public interface ByteInput extends Closeable {

    /**
     * File name or a placeholder such as {@code "<stream>"}, used in error messages.
     *
     * @return the input's name for messages; never null
     */
    String name();

    /**
     * Reads up to {@code length} bytes into {@code dst}.
     *
     * @param dst the caller's array receiving the bytes
     * @param offset index in {@code dst} where the first byte goes
     * @param length the most bytes to read, at least 0
     * @return the number of bytes read (at least 1 unless {@code length} is 0), or -1 at the end of the input
     * @throws FormatException for damaged compressed input or an exceeded decompression limit
     */
    int read(byte[] dst, int offset, int length) throws IOException;

    /**
     * Absolute offset of the next byte {@link #read} returns (in the decompressed input).
     *
     * @return the absolute offset of the next byte to be read, counted in the whole (decompressed) input
     */
    long position();

    /**
     * The random-access source this input reads from, or {@code null} for streams. When not null, the bytes
     * {@link #read} returns are {@code source().get(position())...}, so callers may slice the source instead
     * of copying (zero-copy).
     *
     * @return the source this input reads from, or {@code null} when there is none
     */
    default ByteSource source() {
        return null;
    }

    /**
     * Offset where this input ends in {@link #source()}, or -1 for streams.
     *
     * @return the exclusive end offset of this input in {@link #source()}, or -1 without a source
     */
    default long end() {
        return -1;
    }

    /**
     * Moves the input forward by {@code n} bytes without returning them.
     *
     * @param n the number of bytes to skip, at least 0
     * @return the number of bytes skipped, smaller than {@code n} only at the end of the input
     * @throws IOException if reading the input fails
     */
    default long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        long done = 0;
        while (done < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    void close() throws IOException;
}
