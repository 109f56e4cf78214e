package io.mlformats.core.internal;

import io.mlformats.core.ByteSource;
import io.mlformats.core.SeekableInput;
import java.io.EOFException;
import java.io.IOException;

/**
 * A {@link ByteSource} (heap array or mapped file) seen as a {@link SeekableInput}; ranges over it stay zero-copy
 * because {@code ByteSources.range} reads the source directly. Owns the source when {@code owns} is set.
 */
public final class SourceSeekableInput implements SeekableInput {
    private final ByteSource source;
    private final boolean owns;

    public SourceSeekableInput(ByteSource source, boolean owns) {
        this.source = source;
        this.owns = owns;
    }

    /** The source read from. */
    public ByteSource source() {
        return source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public long length() {
        return source.size();
    }

    @Override
    public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
        if (position < 0 || position > source.size() - length) {
            throw new EOFException(source.name() + ": " + length + " bytes at offset " + position
                    + " lie beyond the end (" + source.size() + " bytes)");
        }
        source.copyTo(position, dst, offset, length);
    }

    @Override
    public void close() {
        if (owns) {
            source.close();
        }
    }
}
