package io.mlformats.core.internal;

/**
 * The misuse check every reader shares: use after {@link #close()}, and use from a second thread. Readers are not
 * thread-safe; a reader shared between threads used to return wrong counts or report corruption in valid files,
 * and a closed reader kept returning records. {@link #enter()} at the top of a reader's {@code next()} makes both
 * an {@link IllegalStateException}.
 *
 * <p>The owner is the thread of the first {@code next()}. {@link #enter()} costs one field compare on the hot path:
 * {@code owner == Thread.currentThread()}; closing replaces the owner with a marker that is no thread, so the
 * same compare also catches use after close. The check is at the public reader only: internal worker threads
 * (parallel LibSVM loading) each use their own reader.
 *
 * <p>Detecting another thread is best effort (the field is not volatile: a thread that races the first
 * {@code next()} may go unnoticed); use after close in the closing thread is always detected. {@link #close()} may
 * be called from any thread. Not thread-safe otherwise, like the reader that owns it.
 */
public final class ReaderGuard {
    /** The owner after close: no thread is ever this object. */
    private static final Object CLOSED = new Object();

    private final String reader;
    private Object owner;
    private String ownerName;

    /**
     * A guard for one reader.
     *
     * @param reader the reader's name for messages, e.g. {@code "LibSvmReader"}
     */
    public ReaderGuard(String reader) {
        this.reader = reader;
    }

    /**
     * Called first in {@code next()}: claims the reader for the calling thread on the first call, then checks
     * that the reader is open and used by that thread.
     *
     * @throws IllegalStateException after {@link #close()}, or from a thread other than the first caller's
     */
    public void enter() {
        if (owner != Thread.currentThread()) {
            claim();
        }
    }

    private void claim() {
        Thread t = Thread.currentThread();
        if (owner == CLOSED) {
            throw closed();
        }
        if (owner == null) {
            owner = t;
            ownerName = t.getName();
            return;
        }
        throw new IllegalStateException(reader + " is used from thread '" + t.getName() + "' but was first read in"
                + " thread '" + ownerName + "': readers are not thread-safe; use one reader per thread (for one"
                + " file, one reader per byte range)");
    }

    /**
     * For a reader's other accessors of record data ({@code current()} and the like): fails after close.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void checkOpen() {
        if (owner == CLOSED) {
            throw closed();
        }
    }

    /**
     * Whether {@link #close()} was called (for a reader's own "no current record" message).
     *
     * @return true once the reader is closed
     */
    public boolean isClosed() {
        return owner == CLOSED;
    }

    /**
     * The exception for a reader's accessor with no current record: "closed" once closed, else
     * {@code noCurrent}.
     *
     * @param noCurrent the reader's message for "before the first record or after the last"
     * @return the exception to throw
     */
    public IllegalStateException noCurrent(String noCurrent) {
        return owner == CLOSED ? closed() : new IllegalStateException(noCurrent);
    }

    /** Marks the reader closed; every later {@link #enter()} and {@link #checkOpen()} fails. Idempotent. */
    public void close() {
        owner = CLOSED;
    }

    private IllegalStateException closed() {
        return new IllegalStateException(reader + " is closed: it returns no records after close()");
    }
}
