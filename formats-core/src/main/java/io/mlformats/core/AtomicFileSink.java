package io.mlformats.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it appears under its final name complete or not at all: bytes go to a hidden temporary
 * sibling ({@code .name.tmp-XXXX} in the same directory, so the rename stays on one file system), which
 * {@link #commit()} forces to disk and renames over the target; {@link #abort()} deletes it.
 *
 * <p>{@link #close()} without a prior {@link #commit()} aborts: a writer that dies mid-way leaves nothing behind.
 * Not thread-safe.
 *
 * <pre>{@code
 * try (AtomicFileSink sink = AtomicFileSink.open(target)) {
 *     write(sink.stream());
 *     sink.commit();
 * }
 * }</pre>
 */
public final class AtomicFileSink implements Closeable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean done;

    private AtomicFileSink(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        String base = "." + this.target.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        this.temp = dir.resolve(base);
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.stream = Channels.newOutputStream(channel);
    }

    /**
     * Creates the temporary sibling of {@code target}. The target itself is not touched until commit.
     *
     * @param target the path the file is published under on commit; its directory must exist
     * @return a new sink, owned by the caller, who commits or closes it
     * @throws IOException if the temporary file cannot be created
     */
    public static AtomicFileSink open(Path target) throws IOException {
        return new AtomicFileSink(target);
    }

    /**
     * Unbuffered stream into the temporary file; wrap or buffer as needed. Closing it does not commit.
     *
     * @return a new stream writing to the temporary file; its close() does nothing
     */
    public OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                stream.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                stream.write(b, off, len);
            }

            @Override
            public void close() {
                // The sink decides: commit() or abort().
            }
        };
    }

    /**
     * The channel into the temporary file.
     *
     * @return the sink's own channel (not a copy); do not close it, {@link #commit()} and {@link #abort()} do
     */
    public FileChannel channel() {
        return channel;
    }

    /**
     * The final path.
     *
     * @return the absolute path the file is published under on commit
     */
    public Path target() {
        return target;
    }

    /**
     * The temporary path bytes go to until commit.
     *
     * @return the absolute path of the hidden temporary file
     */
    public Path tempPath() {
        return temp;
    }

    /**
     * Forces the data to disk and renames the temporary file over the target.
     *
     * @throws IOException if forcing or renaming fails; the temporary file is then deleted
     * @throws IllegalStateException if already committed or aborted
     */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already " + (Files.exists(target) ? "committed" : "aborted"));
        }
        done = true;
        try {
            channel.force(true);
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteTemp();
            throw e;
        }
    }

    /** Deletes the temporary file; the target is left as it was. Idempotent. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        deleteTemp();
    }

    private void deleteTemp() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Deleting matters more than a close failure.
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Nothing more can be done; the name is hidden and marked .tmp.
        }
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}
