package io.mlformats.core;

import io.mlformats.core.internal.OutputFaults;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that it appears under its final name complete or not at all, and so that two writers of one
 * file cannot both succeed.
 *
 * <ul>
 *   <li><b>Temporary file</b>: bytes go to the hidden sibling {@code .NAME.mlformats-tmp} (same directory, so the
 *       rename stays on one file system). {@link #commit()} forces it to disk, renames it over the target and
 *       forces the directory; {@link #abort()} (and {@link #close()} without commit) deletes it.</li>
 *   <li><b>One writer per file</b>: from open to commit/abort the sink holds an exclusive lock on its temporary
 *       file ({@link FileChannel#tryLock()}, the operating system's lock). A second sink for the same file fails
 *       when it opens, with a {@link FileSystemException} naming the target: in this process at once, in another
 *       process because the lock is held. Where the file system has no locks, a second writer fails on the
 *       temporary file's existence instead (and so does a writer after a killed one: the message says to remove
 *       the temporary file).</li>
 *   <li><b>Killed writers</b>: a process that dies, even by {@code SIGKILL}, releases its lock, so the next sink
 *       for the same target recognises the temporary file it left as stale, takes it over and empties it
 *       ({@link #removedStaleTemp()} tells); nothing is ever published from it.</li>
 *   <li><b>Symbolic links</b>: if the target is a symbolic link, the file is published at the link's final
 *       destination (the temporary file beside it), so the link stays a link.</li>
 *   <li><b>Existing file</b>: replaced, or refused with {@link PublishMode#CREATE_NEW}.</li>
 *   <li><b>Durability</b>: data is forced to disk before the rename and the directory after it, so after
 *       {@code commit()} returns the new file survives a power loss; where a directory cannot be forced (not
 *       every file system or OS allows it) that step is skipped.</li>
 *   <li><b>Errors</b>: an {@link IOException} from writing through {@link #stream()} or from committing names the
 *       target and the temporary file.</li>
 * </ul>
 *
 * <p>Not thread-safe.
 *
 * <pre>{@code
 * try (AtomicFileSink sink = AtomicFileSink.open(target)) {
 *     write(sink.stream());
 *     sink.commit();
 * }
 * }</pre>
 */
public final class AtomicFileSink implements Closeable {
    private static final int OPEN_ATTEMPTS = 20;
    /**
     * Real paths being written by sinks of this JVM. Checked before the temporary file is touched: on Linux,
     * closing any descriptor of a file releases every lock this process holds on it, so a second sink here must
     * not even open the first one's temporary file.
     */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path real;
    private final Path temp;
    private final PublishMode mode;
    private boolean removedStale;
    private FileChannel channel;
    private OutputStream stream;
    private boolean done;
    private boolean committed;
    private boolean registered;

    private AtomicFileSink(Path target, PublishMode mode) throws IOException {
        this.target = target.toAbsolutePath();
        this.mode = Objects.requireNonNull(mode, "mode");
        this.real = resolveLinks(this.target);
        this.temp = real.resolveSibling("." + real.getFileName() + ".mlformats-tmp");
        if (!WRITING.add(real)) {
            throw new FileSystemException(this.target.toString(), null,
                    "another writer in this process is writing it");
        }
        registered = true;
        try {
            openTemp();
            if (mode == PublishMode.CREATE_NEW && Files.exists(real)) {
                throw exists();
            }
            stream = OutputFaults.wrap(real, Channels.newOutputStream(channel));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                deleteTemp();
            }
            release();
            throw e;
        }
    }

    /**
     * Opens a sink that replaces an existing file on commit ({@link PublishMode#REPLACE}). The target itself is not
     * touched until commit.
     *
     * @param target the path the file is published under on commit; its directory must exist
     * @return a new sink, owned by the caller, who commits or closes it
     * @throws IOException if the temporary file cannot be created, or another writer holds the target's lock
     */
    public static AtomicFileSink open(Path target) throws IOException {
        return new AtomicFileSink(target, PublishMode.REPLACE);
    }

    /**
     * Opens a sink publishing as {@code mode} says. The target itself is not touched until commit.
     *
     * @param target the path the file is published under on commit; its directory must exist
     * @param mode whether commit replaces an existing file or refuses to
     * @return a new sink, owned by the caller, who commits or closes it
     * @throws FileAlreadyExistsException if {@code mode} is {@link PublishMode#CREATE_NEW} and the target exists
     * @throws IOException if the temporary file cannot be created, or another writer holds the target's lock
     */
    public static AtomicFileSink open(Path target, PublishMode mode) throws IOException {
        return new AtomicFileSink(target, mode);
    }

    /**
     * Creates and locks the temporary file, or takes over a stale one. A file found under the temporary name is
     * taken only if its lock can be had and the name still refers to the locked file afterwards (its writer may
     * have renamed or deleted it meanwhile, then releasing the lock): file keys before opening and after locking
     * must agree.
     */
    private void openTemp() throws IOException {
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            BasicFileAttributes before = attributes(temp);
            FileChannel ch;
            if (before == null) {
                try {
                    ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                boolean lost;
                try {
                    lost = ch.tryLock() == null; // another writer took our new file over: it won
                } catch (IOException e) {
                    lost = false; // no locks on this file system: CREATE_NEW was the only check
                }
                if (lost) {
                    closeQuietly(ch);
                    throw busy();
                }
                channel = ch;
                return;
            }
            if (!before.isRegularFile()) { // never write through a link someone put under our name
                throw new FileSystemException(target.toString(), temp.toString(),
                        "the temporary name is taken by something that is not a regular file; remove it");
            }
            try {
                ch = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue;
            }
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (IOException e) {
                closeQuietly(ch);
                throw new FileSystemException(target.toString(), temp.toString(), "another writer is writing "
                        + "it, or one was killed and left its temporary file (this file system has no locks to "
                        + "tell): remove the temporary file if no writer is running");
            }
            if (lock == null) {
                closeQuietly(ch);
                throw busy();
            }
            BasicFileAttributes after = attributes(temp);
            if (after != null && Objects.equals(before.fileKey(), after.fileKey())) {
                ch.truncate(0);
                removedStale = true;
                channel = ch;
                return;
            }
            closeQuietly(ch); // the name moved on: try again
        }
        throw new FileSystemException(target.toString(), temp.toString(),
                "could not create the temporary file: other writers keep replacing it");
    }

    private FileSystemException busy() {
        return new FileSystemException(target.toString(), null,
                "another process is writing it (its temporary file " + temp + " is locked)");
    }

    private FileAlreadyExistsException exists() {
        return new FileAlreadyExistsException(target.toString(), null, "exists and may not be replaced");
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Lets other sinks of this JVM write the target again. Idempotent. */
    private void release() {
        if (registered) {
            registered = false;
            WRITING.remove(real);
        }
    }

    /** Follows symbolic links from {@code p} to the path they end at (which need not exist). */
    private static Path resolveLinks(Path p) throws IOException {
        Path cur = p;
        for (int i = 0; i < 40; i++) {
            if (!Files.isSymbolicLink(cur)) {
                Path dir = cur.getParent();
                return dir.toRealPath().resolve(cur.getFileName());
            }
            cur = cur.getParent().resolve(Files.readSymbolicLink(cur));
        }
        throw new FileSystemException(p.toString(), null, "too many levels of symbolic links");
    }

    /**
     * Unbuffered stream into the temporary file; wrap or buffer as needed. Closing it does not commit. Its
     * {@link IOException}s name the target and the temporary file.
     *
     * @return a new stream writing to the temporary file; its close() does nothing
     */
    public OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    stream.write(b);
                } catch (IOException e) {
                    throw located("writing", e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    stream.write(b, off, len);
                } catch (IOException e) {
                    throw located("writing", e);
                }
            }

            @Override
            public void close() {
                // The sink decides: commit() or abort().
            }
        };
    }

    /** {@code e} with the target and temporary file in its message (file-system exceptions already name them). */
    private IOException located(String doing, IOException e) {
        String m = e.getMessage();
        if (m != null && m.contains(temp.toString()) || e instanceof FileSystemException || e instanceof java.io.InterruptedIOException
                || e instanceof java.nio.channels.ClosedByInterruptException) {
            return e;
        }
        return new IOException(doing + " " + target + " failed (temporary file " + temp + "): " + e.getMessage(), e);
    }

    /**
     * The channel into the temporary file. Exceptions from writing to it directly are the JDK's (without the
     * paths {@link #stream()} adds).
     *
     * @return the sink's own channel (not a copy); do not close it, {@link #commit()} and {@link #abort()} do
     */
    public FileChannel channel() {
        return channel;
    }

    /**
     * The final path.
     *
     * @return the absolute path the file is published under on commit, as given (a symbolic link stays one)
     */
    public Path target() {
        return target;
    }

    /**
     * The temporary path bytes go to until commit.
     *
     * @return the absolute path of the hidden temporary file, beside the target's final destination
     */
    public Path tempPath() {
        return temp;
    }

    /**
     * The publish mode this sink was opened with.
     *
     * @return whether commit replaces an existing file
     */
    public PublishMode mode() {
        return mode;
    }

    /**
     * True if opening this sink deleted a temporary file a killed writer of the same target had left.
     *
     * @return whether a stale temporary file was removed
     */
    public boolean removedStaleTemp() {
        return removedStale;
    }

    /**
     * Forces the data to disk, publishes the temporary file under the target name (replacing an existing file, or
     * refusing to with {@link PublishMode#CREATE_NEW}) and forces the directory; the lock is held until the file
     * is published.
     *
     * @throws FileAlreadyExistsException with {@link PublishMode#CREATE_NEW} if the target exists by now
     * @throws IOException if forcing or publishing fails; the temporary file is then deleted and the target left
     *                     as it was. The message names the target and the temporary file.
     * @throws IllegalStateException if already committed or aborted
     */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException(committed ? "already committed" : "already aborted");
        }
        done = true;
        try {
            try {
                channel.force(true);
            } catch (IOException e) {
                throw located("flushing", e);
            }
            OutputFaults.beforePublish(real);
            if (mode == PublishMode.REPLACE) {
                try {
                    Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                publishNew();
            }
            committed = true;
            closeQuietly(channel); // releases the lock: the temporary name is free again
            forceDirectory(real.getParent());
        } catch (IOException e) {
            if (!committed) {
                deleteTemp();
            }
            throw located("publishing", e);
        } catch (RuntimeException e) {
            if (!committed) {
                deleteTemp();
            }
            throw e;
        } finally {
            release();
        }
    }

    /** Publishes without replacing: a hard link fails atomically if the name exists; else check, then rename. */
    private void publishNew() throws IOException {
        try {
            Files.createLink(real, temp);
            deleteQuietly(temp); // if this fails, the next open takes the name over
            return;
        } catch (FileAlreadyExistsException e) {
            throw exists();
        } catch (UnsupportedOperationException | FileSystemException e) {
            // No hard links here: check, then rename (another program may create the file in between).
        }
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            throw exists();
        }
        Files.move(temp, real);
    }

    /** Makes the rename durable where the OS lets a directory be forced (Linux, macOS); ignored elsewhere. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open a directory; some file systems refuse fsync on one. The file itself is forced.
        }
    }

    /** Deletes the temporary file and releases the lock; the target is left as it was. Idempotent. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        deleteTemp();
        release();
    }

    /** Unlinks the temporary file, then closes it (releasing the lock: a waiting writer then sees a new name). */
    private void deleteTemp() {
        deleteQuietly(temp);
        closeQuietly(channel);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Deleting or unlocking matters more than a close failure.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Nothing more can be done; the name is hidden and marked mlformats-tmp, the next open removes it.
        }
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}
