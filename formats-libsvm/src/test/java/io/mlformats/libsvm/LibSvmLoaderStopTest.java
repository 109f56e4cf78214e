package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link LibSvmLoader#loadParallel}: a failing part fails the load with the error the one-thread load reports,
 * an interrupt stops it, and in both cases no task of the load is still running afterwards.
 */
class LibSvmLoaderStopTest {

    private static byte[] text(int lines, int... badLines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            boolean bad = false;
            for (int b : badLines) {
                bad |= b == i;
            }
            sb.append(bad ? "x 1:1" : (i % 2) + " 0:" + i + " 3:0.5").append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs every task on a thread of its own and remembers the threads. */
    private static final class TrackingExecutor implements Executor {
        final List<Thread> threads = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            Thread t = new Thread(task, "tracked-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }

        /** True if any task is still running (after a short grace period for the thread to end). */
        synchronized boolean anyAlive() throws InterruptedException {
            for (Thread t : threads) {
                t.join(5_000);
            }
            return threads.stream().anyMatch(Thread::isAlive);
        }
    }

    @Test
    void aFailingPartFailsTheLoadWithTheOneThreadError() throws Exception {
        byte[] data = text(200_000, 120_000);
        LibSvmReadOptions o = LibSvmReadOptions.defaults();
        FormatException expected = assertThrows(FormatException.class, () -> LibSvmLoader.load(data, o));
        assertEquals(120_001, expected.position().line());
        ByteSource src = ByteSources.of(data);
        TrackingExecutor executor = new TrackingExecutor();
        FormatException e = assertThrows(FormatException.class,
                () -> new LibSvmLoader(o).loadParallel(src, 4, executor));
        assertEquals(expected.getMessage(), e.getMessage());
        assertEquals(3, executor.threads.size());
        assertFalse(executor.anyAlive(), "no task of the load keeps running");

        FormatException pooled = assertThrows(FormatException.class,
                () -> new LibSvmLoader(o).loadParallel(src, 3));
        assertEquals(expected.getMessage(), pooled.getMessage());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("libsvm-load-")) {
                t.join(5_000);
                assertFalse(t.isAlive(), "the pool's threads are shut down: " + t.getName());
            }
        }
    }

    @Test
    void aLaterFailureDoesNotStopAnEarlierPartThatFailsToo() throws Exception {
        // With 4 parts, part 3 fails at its first lines, long before part 1 reaches its bad line near its end:
        // part 1 must still finish, because its error comes first in the file.
        byte[] data = text(100_000, 48_000, 75_100);
        LibSvmReadOptions o = LibSvmReadOptions.defaults();
        TrackingExecutor executor = new TrackingExecutor();
        FormatException e = assertThrows(FormatException.class,
                () -> new LibSvmLoader(o).loadParallel(ByteSources.of(data), 4, executor));
        assertEquals(48_001, e.position().line());
        assertFalse(executor.anyAlive());
    }

    @Test
    void anInterruptedCallerStopsTheLoad() throws Exception {
        byte[] data = text(50_000);
        List<Runnable> queued = new ArrayList<>();
        Executor neverRuns = queued::add; // a busy executor: the parts never start while the caller waits
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> statusKept = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                new LibSvmLoader(LibSvmReadOptions.defaults()).loadParallel(ByteSources.of(data), 3, neverRuns);
            } catch (Throwable t) {
                thrown.set(t);
            }
            statusKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (caller.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Thread.State.WAITING, caller.getState(), "the caller waits for the other parts");
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive(), "the interrupted load returned");
        assertTrue(thrown.get() instanceof InterruptedIOException, String.valueOf(thrown.get()));
        assertTrue(statusKept.get(), "the interrupt status is kept");
        assertEquals(2, queued.size());
        for (Runnable r : queued) {
            long t0 = System.nanoTime();
            r.run(); // a part that runs after the load stopped returns at once, parsing nothing
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        }
    }

    @Test
    void partsAndResultMatchTheOneThreadLoad() throws IOException {
        byte[] data = text(30_000);
        LibSvmReadOptions o = LibSvmReadOptions.defaults();
        TrackingExecutor executor = new TrackingExecutor();
        assertEquals(LibSvmLoader.load(data, o), new LibSvmLoader(o).loadParallel(ByteSources.of(data), 5, executor));
        assertEquals(LibSvmLoader.load(data, o), new LibSvmLoader(o).loadParallel(ByteSources.of(data), 2));
    }
}
