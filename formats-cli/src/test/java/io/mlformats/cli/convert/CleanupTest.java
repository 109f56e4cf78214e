package io.mlformats.cli.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.LabeledRow;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CleanupTest {

    /** A conversion thread writing rows through its guard until it fails, then closing the guard. */
    private static Thread writer(Cleanup.Guard guard, AtomicReference<Throwable> failure) {
        Thread t = new Thread(() -> {
            try (guard) {
                LabeledRow row = new LabeledRow();
                while (true) {
                    guard.write(row);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "conversion");
        t.start();
        return t;
    }

    @Test
    void aSignalDuringAWriteWaitsForTheWriterToAbortOnItsOwnThread() throws Exception {
        Cleanup cleanup = new Cleanup();
        FakeRows.Sink sink = new FakeRows.Sink();
        sink.entered = new CountDownLatch(1);
        sink.release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread conversion = writer(cleanup.register(sink), failure);
        assertTrue(sink.entered.await(10, TimeUnit.SECONDS));
        Thread hook = new Thread(() -> cleanup.stopAll(TimeUnit.SECONDS.toNanos(30)), "hook");
        hook.start();
        hook.join(300);
        assertTrue(hook.isAlive(), "the hook waits while the conversion is inside write()");
        assertEquals(List.of(), sink.events(), "nothing aborted under a running write");
        sink.release.countDown();
        hook.join(10_000);
        conversion.join(10_000);
        assertFalse(hook.isAlive());
        assertFalse(sink.abortedDuringWrite);
        assertSame(conversion, sink.abortedBy, "the conversion thread aborted its own output");
        assertEquals(List.of("write", "abort"), sink.events());
        assertInstanceOf(InterruptedIOException.class, failure.get());
    }

    @Test
    void aWriterThatDoesNotAnswerIsAbortedByTheHookAfterTheBoundedWait() throws Exception {
        Cleanup cleanup = new Cleanup();
        FakeRows.Sink sink = new FakeRows.Sink();
        Cleanup.Guard guard = cleanup.register(sink); // registered, but nobody writes or closes it
        long t0 = System.nanoTime();
        cleanup.stopAll(TimeUnit.MILLISECONDS.toNanos(200));
        long waited = System.nanoTime() - t0;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(150), "waited " + waited);
        assertEquals(List.of("abort"), sink.events());
        assertSame(Thread.currentThread(), sink.abortedBy);
        guard.close();
        assertEquals(List.of("abort"), sink.events(), "abort is idempotent");
    }

    @Test
    void aCommittedOutputIsNotAbortedAndAStoppedOneCannotCommit() throws Exception {
        Cleanup cleanup = new Cleanup();
        FakeRows.Sink done = new FakeRows.Sink();
        try (Cleanup.Guard g = cleanup.register(done)) {
            g.commit();
        }
        FakeRows.Sink late = new FakeRows.Sink();
        Cleanup.Guard lateGuard = cleanup.register(late);
        Thread hook = new Thread(() -> cleanup.stopAll(TimeUnit.SECONDS.toNanos(30)));
        hook.start();
        while (!cleanup.stopping()) {
            Thread.onSpinWait();
        }
        try (lateGuard) {
            lateGuard.commit();
        } catch (InterruptedIOException expected) {
            // the signal came first: the output must not be published
        }
        hook.join(10_000);
        assertFalse(hook.isAlive());
        assertEquals(List.of("commit"), done.events());
        assertEquals(List.of("abort"), late.events());
    }
}
