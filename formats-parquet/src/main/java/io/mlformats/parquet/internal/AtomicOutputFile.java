package io.mlformats.parquet.internal;

import io.mlformats.core.AtomicFileSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over an {@link AtomicFileSink}: Parquet writes the temporary sibling; the owner
 * commits the sink after the Parquet writer closed successfully, or aborts it. Closing the stream Parquet gets
 * flushes but neither commits nor aborts. Not thread-safe.
 */
public final class AtomicOutputFile implements OutputFile {
    private final AtomicFileSink sink;

    /** An output file writing into {@code sink}'s temporary file. */
    public AtomicOutputFile(AtomicFileSink sink) {
        this.sink = sink;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        return new CountingStream(new BufferedOutputStream(sink.stream(), 1 << 16));
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
        return sink.target().toString();
    }

    private static final class CountingStream extends PositionOutputStream {
        private final OutputStream out;
        private long pos;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            pos += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
