package io.mlformats.testkit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * Reaches library constructors that exist for tests only and are deliberately not public (so they are no API
 * promise). The testkit depends on the JDK only, hence reflection by name. Thread-safe.
 */
public final class TestHooks {
    private TestHooks() {
    }

    /**
     * A memory-mapped {@code io.mlformats.core.ByteSource} over {@code file} in windows of {@code 2^windowShift}
     * bytes (small windows make reads and slices straddle window boundaries). Cast the result to
     * {@code ByteSource}; the caller closes it.
     *
     * @param <T>         {@code ByteSource}, as the caller names it
     * @param file        the file to map
     * @param windowShift log2 of the window size, e.g. 6 for 64-byte windows
     * @return the mapped source
     */
    @SuppressWarnings("unchecked")
    public static <T extends AutoCloseable> T mappedFile(Path file, int windowShift) {
        try {
            Constructor<?> c = Class.forName("io.mlformats.core.internal.MappedFileByteSource")
                    .getDeclaredConstructor(Path.class, int.class);
            c.setAccessible(true);
            return (T) c.newInstance(file, windowShift);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("mapping " + file + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("formats-core changed: no MappedFileByteSource(Path, int)", e);
        }
    }
}
