package io.mlformats.core.internal;

import io.mlformats.core.SeekableInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file read with positioned {@link FileChannel} reads (no shared file pointer; thread-safe). */
public final class FileSeekableInput implements SeekableInput {
    private final Path path;
    private final FileChannel channel;

    public FileSeekableInput(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public long length() throws IOException {
        return channel.size();
    }

    @Override
    public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dst, offset, length);
        long p = position;
        while (b.hasRemaining()) {
            int r = channel.read(b, p);
            if (r < 0) {
                throw new EOFException(path + ": " + length + " bytes at offset " + position
                        + " lie beyond the end (" + channel.size() + " bytes)");
            }
            p += r;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
