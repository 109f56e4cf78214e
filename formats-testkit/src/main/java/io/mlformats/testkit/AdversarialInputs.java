package io.mlformats.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Input shapes that break readers which assume convenient reads (the Okio habit): one byte per read, a split
 * at every offset, direct and read-only buffers, gzip (one or several members).
 */
public final class AdversarialInputs {
    private AdversarialInputs() {
    }

    /**
     * A stream that returns at most one byte per {@code read} call and reports {@code available() == 0}.
     *
     * @param data the bytes to deliver (not copied)
     * @return a new stream over {@code data}
     */
    public static InputStream oneBytePerRead(byte[] data) {
        return new ChunkedInputStream(new ByteArrayInputStream(data), 1);
    }

    /**
     * A stream that returns at most {@code chunk} bytes per read and reports {@code available() == 0}.
     *
     * @param data  the bytes to deliver (not copied)
     * @param chunk the most bytes one read returns, {@code >= 1}
     * @return a new stream over {@code data}
     */
    public static InputStream chunked(byte[] data, int chunk) {
        return new ChunkedInputStream(new ByteArrayInputStream(data), chunk);
    }

    /**
     * A stream that returns {@code data[0, split)} in the first read and the rest afterwards: running a reader
     * over every split point checks every buffer-boundary case.
     *
     * @param data  the bytes to deliver (not copied)
     * @param split the length of the first read, {@code 0 <= split <= data.length}
     * @return a new stream over {@code data}
     */
    public static InputStream splitAt(byte[] data, int split) {
        return new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < data.length ? data[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (pos >= data.length) {
                    return -1;
                }
                int lim = pos < split ? split : data.length;
                int n = Math.min(len, lim - pos);
                if (n == 0) {
                    n = Math.min(len, data.length - pos);
                }
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    /**
     * A direct buffer holding a copy of {@code data}.
     *
     * @param data the bytes to copy
     * @return a new direct buffer, positioned at 0, limit {@code data.length}
     */
    public static ByteBuffer direct(byte[] data) {
        ByteBuffer b = ByteBuffer.allocateDirect(Math.max(1, data.length));
        b.put(data).flip();
        return b;
    }

    /**
     * gzip of {@code data} as one member.
     *
     * @param data the bytes to compress
     * @return the compressed bytes
     */
    public static byte[] gzip(byte[] data) {
        return gzipMembers(data, 1);
    }

    /**
     * gzip of {@code data} cut into {@code members} concatenated members.
     *
     * @param data    the bytes to compress
     * @param members how many members to cut them into, {@code >= 1}
     * @return the concatenated compressed members
     */
    public static byte[] gzipMembers(byte[] data, int members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int per = Math.max(1, (data.length + members - 1) / Math.max(1, members));
        try {
            int off = 0;
            do {
                int n = Math.min(per, data.length - off);
                try (GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out))) {
                    gz.write(data, off, n);
                }
                off += n;
            } while (off < data.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code data} to a new file in {@code dir} (for mapped-file variants).
     *
     * @param dir  an existing directory, typically a JUnit temporary one
     * @param name the file name
     * @param data the content
     * @return the file written
     */
    public static Path file(Path dir, String name, byte[] data) {
        try {
            return Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ChunkedInputStream extends FilterInputStream {
        private final int chunk;

        ChunkedInputStream(InputStream in, int chunk) {
            super(in);
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
        }

        @Override
        public int available() {
            return 0;
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
