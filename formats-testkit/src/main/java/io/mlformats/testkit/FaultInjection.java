package io.mlformats.testkit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Faults in the files the library writes (through core's {@code AtomicFileSink}, which every file writer uses):
 * a disk that fills up, a publish step that fails. Installed through core's internal test seam
 * ({@code io.mlformats.core.internal.OutputFaults}) by reflection, as the testkit depends on the JDK only. A fault
 * applies only to files under the given directory (a test's {@code @TempDir}), so other tests are unaffected; one
 * fault at a time. Close the returned handle (try-with-resources) to remove it.
 */
public final class FaultInjection implements AutoCloseable {
    /** The message of the injected disk-full error, as the JDK reports ENOSPC on Linux. */
    public static final String NO_SPACE = "No space left on device";

    private FaultInjection() {
    }

    /**
     * Every file written under {@code dir} fails with {@link IOException} {@value #NO_SPACE} once {@code bytes}
     * bytes were written to it (the write that would cross the limit fails, nothing of it is written).
     *
     * @param dir   directory whose files fail
     * @param bytes bytes each file may take
     * @return the handle that removes the fault
     */
    public static FaultInjection diskFull(Path dir, long bytes) {
        Path d = dir.toAbsolutePath().normalize();
        Path r;
        try {
            r = d.toRealPath();
        } catch (IOException e) {
            r = d;
        }
        Path realDir = r;
        return install((target, out) -> target.startsWith(d) || target.startsWith(realDir)
                ? new Full(out, bytes) : out, null);
    }

    /**
     * Publishing {@code target} (the rename of its finished temporary file) fails with an {@link IOException}.
     *
     * @param target the final path whose publish fails
     * @return the handle that removes the fault
     */
    public static FaultInjection failPublish(Path target) {
        Path t = real(target.toAbsolutePath().normalize());
        return install(null, p -> {
            if (p.equals(t)) {
                throw new UncheckedIOException(new IOException("injected publish failure"));
            }
        });
    }

    private static Path real(Path p) {
        try {
            return p.getParent().toRealPath().resolve(p.getFileName());
        } catch (IOException e) {
            return p;
        }
    }

    private static FaultInjection install(BiFunction<Path, OutputStream, OutputStream> streams,
                                          Consumer<Path> publishes) {
        invoke("install", new Class<?>[] {BiFunction.class, Consumer.class}, streams, publishes);
        return new FaultInjection();
    }

    private static void invoke(String name, Class<?>[] types, Object... args) {
        try {
            Method m = Class.forName("io.mlformats.core.internal.OutputFaults").getMethod(name, types);
            m.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("formats-core changed: no OutputFaults." + name, e);
        }
    }

    /** Removes the fault. */
    @Override
    public void close() {
        invoke("clear", new Class<?>[0]);
    }

    /** A stream onto a disk with {@code left} bytes free. */
    private static final class Full extends FilterOutputStream {
        private long left;

        Full(OutputStream out, long left) {
            super(out);
            this.left = left;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException(NO_SPACE);
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
