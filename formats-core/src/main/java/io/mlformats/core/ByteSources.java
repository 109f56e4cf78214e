package io.mlformats.core;

import io.mlformats.core.internal.BufferByteSource;
import io.mlformats.core.internal.FileSeekableInput;
import io.mlformats.core.internal.GzipInput;
import io.mlformats.core.internal.HeapByteSource;
import io.mlformats.core.internal.MappedFileByteSource;
import io.mlformats.core.internal.SeekableRangeInput;
import io.mlformats.core.internal.SourceSeekableInput;
import io.mlformats.core.internal.StreamInput;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Factories for {@link ByteSource} (random access) and {@link ByteInput} (forward-only).
 *
 * <p>Gzip is detected by content ({@code 1f 8b}), never by file name: {@link #open(Path, ReadLimits)} and
 * {@link #stream(InputStream, String, ReadLimits)} decompress transparently, read concatenated members fully,
 * and bound the output by the limits.
 *
 * <p>Ownership: what is made from a {@link Path} belongs to the caller, who closes it. What is made over a caller's
 * array, buffer, {@link ByteSource} or {@link SeekableInput} never closes it. The input made by {@link #stream}
 * wraps the stream and closes it when closed itself. All methods are thread-safe.
 */
public final class ByteSources {
    /** Name used in messages for anonymous streams. */
    public static final String STREAM = "<stream>";
    /** Name used in messages for anonymous byte arrays. */
    public static final String BYTES = "<bytes>";

    private ByteSources() {
    }

    /**
     * A source over {@code bytes} (not copied; do not modify it while the source is in use).
     *
     * @param bytes the whole array to expose, named {@link #BYTES} in messages; it stays the caller's
     * @return a random-access source backed directly by {@code bytes}
     */
    public static ByteSource of(byte[] bytes) {
        return of(bytes, BYTES);
    }

    /**
     * A source over {@code bytes} named {@code name} in messages (not copied).
     *
     * @param bytes the whole array to expose; not copied, so it must not change while the source is in use
     * @param name the name reported in error messages and {@link ByteSource#name()}
     * @return a random-access source backed directly by {@code bytes}
     */
    public static ByteSource of(byte[] bytes, String name) {
        return new HeapByteSource(name, bytes, 0, bytes.length);
    }

    /**
     * A source over {@code bytes[offset, offset+length)} named {@code name} in messages (not copied).
     *
     * @param bytes the backing array; not copied, so it must not change while the source is in use
     * @param offset index in {@code bytes} of the source's first byte (source position 0)
     * @param length number of bytes exposed, starting at {@code offset}
     * @param name the name reported in error messages and {@link ByteSource#name()}
     * @return a random-access source of {@code length} bytes backed directly by {@code bytes}
     */
    public static ByteSource of(byte[] bytes, int offset, int length, String name) {
        return new HeapByteSource(name, bytes, offset, length);
    }

    /**
     * A source over the remaining bytes of {@code buffer} (heap, direct or mapped); the buffer is not copied.
     *
     * @param buffer the buffer whose bytes from its position to its limit are exposed; it stays the caller's and
     *        its contents must not change while the source is in use
     * @param name the name reported in error messages and {@link ByteSource#name()}
     * @return a random-access source whose position 0 is the buffer's current position
     */
    public static ByteSource of(ByteBuffer buffer, String name) {
        return new BufferByteSource(name, buffer, null);
    }

    /**
     * Memory-maps {@code file} read-only, in windows of at most 1 GiB. No decompression.
     *
     * @param file the file to map; its path string is the source's name
     * @return a random-access source over the raw file bytes, owned by the caller, who closes it
     * @throws IOException if the file cannot be opened or mapped
     */
    public static ByteSource map(Path file) throws IOException {
        return new MappedFileByteSource(file);
    }

    /**
     * Opens a file for sequential reading with default limits; see {@link #open(Path, ReadLimits)}.
     *
     * @param file the file to read, plain or gzip-compressed
     * @return a forward-only input over the (decompressed) bytes, owned by the caller, who closes it
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static ByteInput open(Path file) throws IOException {
        return open(file, ReadLimits.defaults());
    }

    /**
     * Opens a file for sequential reading: a gzip file is decompressed as a stream; a pipe, FIFO or device
     * ({@code /dev/stdin}, a shell's {@code <(...)}) is streamed once, gzip detected by content; any other file is
     * mapped, so the returned input's {@link ByteInput#source()} allows zero-copy slicing.
     *
     * @param file the file to read, plain or gzip-compressed; its path string is the input's name
     * @param limits bounds on decompressed output (used only when the file is gzip)
     * @return a forward-only input over the (decompressed) bytes, owned by the caller, who closes it
     * @throws IOException if the file cannot be opened, mapped or its gzip header read
     */
    public static ByteInput open(Path file, ReadLimits limits) throws IOException {
        if (!Files.isRegularFile(file) || isGzip(file)) {
            // A pipe, FIFO or device (/dev/stdin, <(...)) has no size and can be read only once, and gzip is a
            // stream anyway: read it through one stream, gzip detected by content. FileInputStream, because the
            // channel-backed stream of Files.newInputStream fails available() on a pipe ("Illegal seek").
            InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file)
                    : new java.io.FileInputStream(file.toFile());
            try {
                return stream(new BufferedInputStream(in, 1 << 16), file.toString(), limits);
            } catch (IOException | RuntimeException e) {
                in.close();   // the gzip header check failed: nobody else will close the file
                throw e;
            }
        }
        if (Files.size(file) == 0) {
            return of(new byte[0], file.toString()).input();
        }
        return map(file).input();
    }

    /**
     * Sequential reading of a stream named {@link #STREAM}, with default limits.
     *
     * @param in the stream to read, plain or gzip-compressed; closed when the returned input is closed
     * @return a forward-only input over the (decompressed) bytes of {@code in}
     * @throws IOException if reading the first two bytes or the gzip header fails
     */
    public static ByteInput stream(InputStream in) throws IOException {
        return stream(in, STREAM, ReadLimits.defaults());
    }

    /**
     * Sequential reading of {@code in}, decompressing it when it starts with the gzip magic.
     *
     * @param in the stream to read; closed when the returned input is closed
     * @param name the name reported in error messages
     * @param limits bounds on decompressed output (used only when the stream is gzip)
     * @return a forward-only input over the (decompressed) bytes of {@code in}
     * @throws IOException if reading the first two bytes or the gzip header fails
     */
    public static ByteInput stream(InputStream in, String name, ReadLimits limits) throws IOException {
        byte[] head = new byte[2];
        int n = 0;
        while (n < 2) {
            int r = in.read(head, n, 2 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return new GzipInput(name, in, head, n, limits);
        }
        return new StreamInput(name, in, head, n);
    }

    /**
     * Sequential reading of a random-access source, decompressing it when it starts with the gzip magic (then
     * the result has no {@link ByteInput#source()}).
     *
     * @param source the source to read from position 0; it stays the caller's and is not closed
     * @param limits bounds on decompressed output (used only when the source is gzip)
     * @return a forward-only input over the (decompressed) bytes of {@code source}
     * @throws IOException if reading the source or the gzip header fails
     */
    public static ByteInput input(ByteSource source, ReadLimits limits) throws IOException {
        if (source.size() >= 2 && (source.get(0) & 0xff) == 0x1f && (source.get(1) & 0xff) == 0x8b) {
            return stream(new SourceInputStream(source.input()), source.name(), limits);
        }
        return source.input();
    }

    /**
     * A local file as a {@link SeekableInput} (positioned channel reads; the caller closes it).
     *
     * @param file the file to open for positioned reads; no decompression
     * @return a seekable input over the raw file bytes, owned by the caller
     * @throws IOException if the file cannot be opened
     */
    public static SeekableInput seekable(Path file) throws IOException {
        return new FileSeekableInput(file);
    }

    /**
     * A byte array as a {@link SeekableInput} (not copied).
     *
     * @param bytes the whole array to expose; it stays the caller's and must not change while in use
     * @param name the name reported in error messages and {@link SeekableInput#name()}
     * @return a seekable input backed directly by {@code bytes}
     */
    public static SeekableInput seekable(byte[] bytes, String name) {
        return new SourceSeekableInput(of(bytes, name), true);
    }

    /**
     * A {@link ByteSource} as a {@link SeekableInput}; ranges read over it stay zero-copy. Closing the result does
     * not close the source.
     *
     * @param source the source to expose; it stays the caller's
     * @return a seekable input reading through {@code source}
     */
    public static SeekableInput seekable(ByteSource source) {
        return new SourceSeekableInput(source, false);
    }

    /**
     * Sequential reading of the records of {@code input} that start in {@code range}, by the format's rule
     * {@code starts}: the result begins at the first record start at or after {@code range.start()} and ends at
     * the first record start at or after {@code range.end()}. Positions are offsets in the whole input.
     *
     * <p>A gzip input cannot be split: a range that does not cover all of it is refused; a full range is read
     * decompressed, bounded by {@code limits}. The input stays the caller's: closing the result does not close it.
     *
     * @param input the whole input; it stays the caller's and is not closed with the result
     * @param range the byte range, in offsets of the whole input, whose starting records are read
     * @param starts the format's rule for finding the next record start at or after an offset
     * @param limits bounds on decompressed output (used only when the input is gzip)
     * @return a forward-only input over the records that start in {@code range}
     * @throws IOException if reading the input fails
     * @throws IllegalArgumentException for a partial range of a gzip input
     */
    public static ByteInput range(SeekableInput input, ByteRange range, RecordStarts starts, ReadLimits limits)
            throws IOException {
        long length = input.length();
        boolean gzip = false;
        if (length >= 2) {
            byte[] head = new byte[2];
            input.readFully(0, head, 0, 2);
            gzip = (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        }
        if (gzip) {
            if (!range.coversAll(length)) {
                throw new IllegalArgumentException(input.name() + " is gzip-compressed and cannot be read from a "
                        + "byte range " + range + "; read it whole");
            }
            return stream(new NonClosingStream(new SeekableRangeInput(input, 0, length, 1 << 16)), input.name(),
                    limits);
        }
        long from = starts.next(input, Math.min(range.start(), length));
        long to = Math.max(from, starts.next(input, Math.min(range.end(), length)));
        if (input instanceof SourceSeekableInput s) {
            return s.source().input(from, to);
        }
        return new SeekableRangeInput(input, from, to, 1 << 18);
    }

    /**
     * Adapts a {@link ByteInput} to an {@link InputStream} (for handing bytes to JDK or third-party decoders).
     *
     * @param input the input to read from its current position
     * @return a stream reading through {@code input}; closing the stream closes {@code input}
     */
    public static InputStream asInputStream(ByteInput input) {
        return new SourceInputStream(input);
    }

    /**
     * True if the file starts with the gzip magic {@code 1f 8b}.
     *
     * @param file the file whose first two bytes are checked
     * @return {@code true} if the file starts with {@code 1f 8b}; {@code false} otherwise, including for files
     *         shorter than two bytes
     * @throws IOException if the file cannot be opened or read
     */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** An input stream over a range input whose close does nothing (the seekable input is the caller's). */
    private static final class NonClosingStream extends InputStream {
        private final ByteInput input;

        NonClosingStream(ByteInput input) {
            this.input = input;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return input.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return input.read(b, off, len);
        }
    }

    private static final class SourceInputStream extends InputStream {
        private final ByteInput input;
        private final byte[] one = new byte[1];

        SourceInputStream(ByteInput input) {
            this.input = input;
        }

        @Override
        public int read() throws IOException {
            return input.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return input.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            input.close();
        }
    }
}
