package io.mlformats.cli.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Aborts the outputs of a conversion when the JVM is shut down by a signal (Ctrl-C, SIGTERM) before it finished,
 * so an interrupted conversion leaves no partial file. One per process; thread-safe.
 */
public final class Cleanup {
    private static final List<RowSink> ACTIVE = new ArrayList<>();
    private static boolean hooked;

    private Cleanup() {
    }

    /** Registers {@code sink} until {@link #done}. */
    public static synchronized void register(RowSink sink) {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::abortAll, "mlformats-cleanup"));
        }
        ACTIVE.add(sink);
    }

    public static synchronized void done(RowSink sink) {
        ACTIVE.remove(sink);
    }

    private static synchronized void abortAll() {
        for (RowSink s : ACTIVE) {
            s.abort();
        }
        ACTIVE.clear();
    }
}
