package io.mlformats.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Fault-injection seam of {@link io.mlformats.core.AtomicFileSink}, for tests only; not API (the testkit's
 * {@code FaultInjection} installs it). With nothing installed (always, outside tests) it costs one volatile read
 * per opened file and per publish. Thread-safe.
 */
public final class OutputFaults {
    private static volatile BiFunction<Path, OutputStream, OutputStream> streams;
    private static volatile Consumer<Path> publishes;

    private OutputFaults() {
    }

    /**
     * Installs the hooks (null for none), replacing what was installed.
     *
     * @param streamHook wraps the raw stream into the temporary file of the given target
     * @param publishHook runs just before the file for the given target is published; it fails the publish by
     *                    throwing {@link UncheckedIOException}
     */
    public static void install(BiFunction<Path, OutputStream, OutputStream> streamHook, Consumer<Path> publishHook) {
        streams = streamHook;
        publishes = publishHook;
    }

    /** Removes the hooks. */
    public static void clear() {
        install(null, null);
    }

    /**
     * The stream the sink writes to: {@code out}, or what the installed hook makes of it.
     *
     * @param target the final path of the file being written
     * @param out the stream into its temporary file
     * @return {@code out} or its wrapper
     */
    public static OutputStream wrap(Path target, OutputStream out) {
        BiFunction<Path, OutputStream, OutputStream> h = streams;
        return h == null ? out : h.apply(target, out);
    }

    /**
     * Runs the publish hook, if any.
     *
     * @param target the final path about to be published
     * @throws IOException what the hook threw
     */
    public static void beforePublish(Path target) throws IOException {
        Consumer<Path> h = publishes;
        if (h != null) {
            try {
                h.accept(target);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
