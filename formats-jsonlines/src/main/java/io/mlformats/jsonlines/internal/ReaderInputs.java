package io.mlformats.jsonlines.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.RecordStarts;
import io.mlformats.core.SeekableInput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The inputs behind the four reader factories of every reader of this module, made in one place: a file (the
 * reader owns what is opened), the lines that start in a range of a seekable input (the reader owns the range
 * input, never the seekable input), and a caller's forward-only input (borrowed: closing the reader leaves it
 * open). Stateless and thread-safe.
 */
public final class ReaderInputs {
    private ReaderInputs() {
    }

    /** A local file: gzip detected by content, plain files mapped; closed by the reader. */
    public static ByteInput file(Path file, ReadLimits limits) throws IOException {
        return ByteSources.open(file, limits);
    }

    /** The lines of {@code input} that start in {@code range}; closing it does not close {@code input}. */
    public static ByteInput range(SeekableInput input, ByteRange range, ReadLimits limits) throws IOException {
        return ByteSources.range(input, range, RecordStarts.LINES, limits);
    }

    /** {@code input} with a close that does nothing: the caller owns it. */
    public static ByteInput borrowed(ByteInput input) {
        return new Borrowed(input);
    }

    /** Delegates everything but {@link #close()} (zero-copy slicing through {@link #source()} is kept). */
    private static final class Borrowed implements ByteInput {
        private final ByteInput in;

        Borrowed(ByteInput in) {
            this.in = java.util.Objects.requireNonNull(in, "input");
        }

        @Override
        public String name() {
            return in.name();
        }

        @Override
        public int read(byte[] dst, int offset, int length) throws IOException {
            return in.read(dst, offset, length);
        }

        @Override
        public long position() {
            return in.position();
        }

        @Override
        public ByteSource source() {
            return in.source();
        }

        @Override
        public long end() {
            return in.end();
        }

        @Override
        public long skip(long n) throws IOException {
            return in.skip(n);
        }

        @Override
        public void close() {
            // The caller owns the input.
        }
    }
}
