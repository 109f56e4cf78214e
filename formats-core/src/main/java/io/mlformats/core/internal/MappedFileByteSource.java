package io.mlformats.core.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A file mapped read-only in windows of {@link #WINDOW} bytes, so files beyond 2 GiB work. Reads that straddle a
 * window boundary are assembled byte by byte (rare: at most once per GiB); slices that straddle are copies.
 * The mapping is released by the garbage collector (the JDK offers no safe unmap on Java 17).
 */
public final class MappedFileByteSource implements ByteSource {
    /** 1 GiB windows. */
    public static final int WINDOW_SHIFT = 30;
    public static final long WINDOW = 1L << WINDOW_SHIFT;

    private final String name;
    private final long size;
    private final ByteBuffer[] windows;

    /** Maps {@code path} in 1 GiB windows. */
    public MappedFileByteSource(Path path) throws IOException {
        this(path, WINDOW_SHIFT);
    }

    /**
     * Small windows exercise the straddling paths without 1 GiB files. Not public: tests reach it reflectively
     * through formats-testkit's {@code TestHooks.mappedFile}.
     */
    MappedFileByteSource(Path path, int windowShift) throws IOException {
        this.name = path.toString();
        long window = 1L << windowShift;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            this.size = ch.size();
            int n = (int) ((size + window - 1) >>> windowShift);
            this.windows = new ByteBuffer[n];
            for (int w = 0; w < n; w++) {
                long start = (long) w << windowShift;
                MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min(window, size - start));
                windows[w] = mb.order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        this.shift = windowShift;
        this.mask = window - 1;
    }

    private final int shift;
    private final long mask;

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte get(long i) {
        Objects.checkIndex(i, size);
        return windows[(int) (i >>> shift)].get((int) (i & mask));
    }

    @Override
    public int getIntLE(long i) {
        Objects.checkFromIndexSize(i, 4, size);
        ByteBuffer w = windows[(int) (i >>> shift)];
        int at = (int) (i & mask);
        if (at + 4 <= w.capacity()) {
            return w.getInt(at);
        }
        return (get(i) & 0xff) | (get(i + 1) & 0xff) << 8 | (get(i + 2) & 0xff) << 16 | (get(i + 3) & 0xff) << 24;
    }

    @Override
    public void copyTo(long i, byte[] dst, int dstOffset, int n) {
        Objects.checkFromIndexSize(i, n, size);
        while (n > 0) {
            ByteBuffer w = windows[(int) (i >>> shift)];
            int at = (int) (i & mask);
            int chunk = Math.min(n, w.capacity() - at);
            w.get(at, dst, dstOffset, chunk);
            i += chunk;
            dstOffset += chunk;
            n -= chunk;
        }
    }

    @Override
    public ByteBuffer slice(long i, int n) {
        Objects.checkFromIndexSize(i, n, size);
        ByteBuffer w = windows[(int) (i >>> shift)];
        int at = (int) (i & mask);
        if (at + n <= w.capacity()) {
            return w.slice(at, n).order(ByteOrder.BIG_ENDIAN).asReadOnlyBuffer();
        }
        byte[] copy = new byte[n];
        copyTo(i, copy, 0, n);
        return ByteBuffer.wrap(copy).asReadOnlyBuffer();
    }

    @Override
    public ByteInput input(long from, long to) {
        return new SourceRangeInput(this, from, to);
    }

    @Override
    public void close() {
        // Mapped buffers are released when unreachable; Java 17 has no supported unmap.
    }

    /** Opens a mapped source, turning the checked exception into an unchecked one for stream-style callers. */
    public static MappedFileByteSource openUnchecked(Path p) {
        try {
            return new MappedFileByteSource(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
