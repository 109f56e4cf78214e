package io.mlformats.cli.convert;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Aborts the outputs of a conversion when the JVM is shut down by a signal (Ctrl-C, SIGTERM) before it finished,
 * so an interrupted conversion leaves no partial file, without racing the thread that writes them.
 *
 * <p>A conversion {@link #register registers} each output and writes, commits and aborts it through the returned
 * {@link Guard}, on its own thread. On a signal the shutdown hook only raises a stop flag and waits: the
 * conversion's next {@link Guard#write write} (or {@link Guard#checkStop()}) throws, the conversion closes its
 * guard, which aborts the output on the conversion's thread. Only if that does not happen within a bounded wait
 * (the conversion is blocked in I/O) does the hook abort the output itself. A commit in progress when the signal
 * arrives completes (the output is whole) and the hook does not abort it. Thread-safe.
 */
public final class Cleanup {
    private static final long DEFAULT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Cleanup PROCESS = new Cleanup();

    private final Set<Guard> active = new LinkedHashSet<>();
    private volatile boolean stopping;
    private boolean hooked;

    /** A registry not tied to the JVM's shutdown (tests call {@link #stopAll} on it). */
    Cleanup() {
    }

    /** The process-wide registry, whose shutdown hook is installed on first use. */
    public static Cleanup process() {
        return PROCESS;
    }

    /**
     * Registers {@code sink}: until the returned guard is closed, a signal aborts it. Write, commit and abort the
     * output through the guard.
     */
    public Guard register(RowSink sink) {
        return register(sink, null);
    }

    /**
     * Registers {@code sink} as {@link #register(RowSink)} does; its commit refuses to publish if {@code refused}
     * (not null) exists by then ({@link FileAlreadyExistsException}): {@code convert} without {@code --force}.
     * The output's writer holds the lock of that file from open to commit, so no other writer of this library can
     * publish it between this check and the rename.
     */
    public Guard register(RowSink sink, Path refused) {
        Guard g = new Guard(sink, refused);
        synchronized (this) {
            if (this == PROCESS && !hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(DEFAULT_WAIT_NANOS),
                        "mlformats-cleanup"));
            }
            active.add(g);
        }
        return g;
    }

    /** True once a signal asked every conversion to stop. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * The shutdown hook: raises the stop flag, then waits up to {@code waitNanos} in all for every registered
     * output to be committed or aborted by its conversion; what is still open after that is aborted here.
     */
    void stopAll(long waitNanos) {
        stopping = true;
        List<Guard> guards;
        synchronized (this) {
            guards = new ArrayList<>(active);
        }
        long deadline = System.nanoTime() + waitNanos;
        for (Guard g : guards) {
            g.awaitOrAbort(deadline);
        }
    }

    /**
     * An output of a running conversion, written through this guard on the conversion's thread. Closing it
     * without a successful {@link #commit()} aborts the output.
     */
    public final class Guard implements RowSink, AutoCloseable {
        private final RowSink sink;
        private final Path refused;
        /** Committed or aborted; guarded by this. */
        private boolean settled;

        private Guard(RowSink sink, Path refused) {
            this.sink = sink;
            this.refused = refused;
        }

        /**
         * Throws if a signal asked the conversion to stop; conversions call it between records they do not write
         * through {@link #write}.
         *
         * @throws InterruptedIOException when stopping
         */
        public void checkStop() throws InterruptedIOException {
            if (stopping) {
                throw new InterruptedIOException("interrupted by a signal; the output was discarded");
            }
        }

        /** Writes a row, unless a signal asked to stop. */
        @Override
        public void write(io.mlformats.core.vector.LabeledRow row) throws IOException {
            checkStop();
            sink.write(row);
        }

        /** Commits the output (under the guard's lock: a signal arriving now waits for it), unless stopping. */
        @Override
        public void commit() throws IOException {
            commit(sink::commit);
        }

        /** Runs {@code commit}, the publishing step of an output written elsewhere, like {@link #commit()}. */
        public synchronized void commit(Commit commit) throws IOException {
            checkStop();
            if (refused != null && Files.exists(refused)) {
                throw new FileAlreadyExistsException(refused.toString(), null,
                        "it appeared while converting; use --force to replace it");
            }
            commit.run();
            settled = true;
            notifyAll();
        }

        /** Aborts the output (idempotent). */
        @Override
        public synchronized void abort() {
            if (!settled) {
                settled = true;
                sink.abort();
                notifyAll();
            }
        }

        /** Aborts the output unless it was committed, and unregisters it. */
        @Override
        public void close() {
            abort();
            synchronized (Cleanup.this) {
                active.remove(this);
            }
        }

        private synchronized void awaitOrAbort(long deadline) {
            long left;
            while (!settled && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            abort(); // the conversion did not answer in time (or was committed: then a no-op)
        }
    }

    /** A publishing step that may fail. */
    @FunctionalInterface
    public interface Commit {
        /** Publishes. */
        void run() throws IOException;
    }
}
