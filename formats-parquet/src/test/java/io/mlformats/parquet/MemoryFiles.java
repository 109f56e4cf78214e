package io.mlformats.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/** parquet-java {@link InputFile} / {@link OutputFile} over memory: storage that is not a local file. */
final class MemoryFiles {
    private MemoryFiles() {
    }

    /** The 4-byte magic a complete Parquet file ends with (after the footer and its length). */
    static boolean endsWithMagic(byte[] b) {
        return b.length >= 12 && Arrays.equals(Arrays.copyOfRange(b, b.length - 4, b.length), "PAR1".getBytes());
    }

    /** An input over bytes in memory. */
    static final class In implements InputFile {
        private final byte[] bytes;
        private final String name;

        In(byte[] bytes, String name) {
            this.bytes = bytes;
            this.name = name;
        }

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            Cursor c = new Cursor();
            return new DelegatingSeekableInputStream(c) {
                @Override
                public long getPos() {
                    return c.pos;
                }

                @Override
                public void seek(long newPos) {
                    c.pos = (int) newPos;
                }
            };
        }

        @Override
        public String toString() {
            return name;
        }

        private final class Cursor extends java.io.InputStream {
            int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(len, bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        }
    }

    /** An output into memory; optionally fails every write once {@code failAfter} bytes were written. */
    static final class Out implements OutputFile {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long failAfter;
        int creates;
        boolean closed;

        Out() {
            this(Long.MAX_VALUE);
        }

        Out(long failAfter) {
            this.failAfter = failAfter;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            creates++;
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) throws IOException {
                    check(1);
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    check(len);
                    bytes.write(b, off, len);
                }

                @Override
                public void close() {
                    closed = true;
                }

                private void check(int len) throws IOException {
                    if (closed) {
                        throw new IOException("stream closed");
                    }
                    if (bytes.size() + len > failAfter) {
                        throw new IOException("disk full (test)");
                    }
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return "memory:out.parquet";
        }
    }

}
