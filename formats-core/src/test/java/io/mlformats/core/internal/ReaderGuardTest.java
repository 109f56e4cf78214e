package io.mlformats.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReaderGuardTest {

    private static Throwable inThread(String name, Runnable r) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name);
        t.start();
        t.join();
        return failure.get();
    }

    @Test
    void ownerIsTheThreadOfTheFirstEnter() throws InterruptedException {
        ReaderGuard g = new ReaderGuard("TestReader");
        assertEquals(null, inThread("first", g::enter), "the first enter() claims the guard");
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, inThread("second", g::enter));
        assertEquals("TestReader is used from thread 'second' but was first read in thread 'first': readers are"
                + " not thread-safe; use one reader per thread (for one file, one reader per byte range)",
                e.getMessage());
        assertThrows(IllegalStateException.class, g::enter, "the test thread is not the owner either");
        g.checkOpen();   // other threads may still ask whether it is open
    }

    @Test
    void closeFailsEveryLaterUseInEveryThread() throws InterruptedException {
        ReaderGuard g = new ReaderGuard("TestReader");
        g.enter();
        g.enter();
        assertFalse(g.isClosed());
        assertEquals("none", g.noCurrent("none").getMessage());
        assertEquals(null, inThread("closer", g::close), "close() is allowed from any thread");
        assertTrue(g.isClosed());
        String closed = "TestReader is closed: it returns no records after close()";
        assertEquals(closed, assertThrows(IllegalStateException.class, g::enter).getMessage());
        assertEquals(closed, assertThrows(IllegalStateException.class, g::checkOpen).getMessage());
        assertEquals(closed, g.noCurrent("none").getMessage());
        assertEquals(closed, assertInstanceOf(IllegalStateException.class, inThread("other", g::enter)).getMessage());
        g.close();
        assertTrue(g.isClosed());
    }

    @Test
    void closedBeforeAnyUse() {
        ReaderGuard g = new ReaderGuard("TestReader");
        g.close();
        assertThrows(IllegalStateException.class, g::enter);
    }
}
