package io.mlformats.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fault-injection checks every file writer of the library must pass (issue 16): an exception in the middle, a
 * full disk, a failing publish and a second concurrent writer of the same file each leave a file already at the
 * target exactly as it was and no temporary file behind, and the I/O errors name the target. A module adapts its
 * writer to {@link Factory}; {@link #check} runs every case in a fresh directory of its own.
 */
public final class WriterFaults {
    private static final byte[] OLD = "an existing file that no failed write may touch\n".getBytes(StandardCharsets.UTF_8);

    private WriterFaults() {
    }

    /** Opens a writer of one format on a path. */
    @FunctionalInterface
    public interface Factory {
        /**
         * Opens the writer.
         *
         * @param target the file to write (published on commit)
         * @return the writer, adapted
         * @throws IOException if opening fails (for the second writer of a file: it must)
         */
        Writer open(Path target) throws IOException;
    }

    /** A step of a writer that may fail. */
    @FunctionalInterface
    public interface IoAction {
        /**
         * Runs the step.
         *
         * @throws IOException if it fails
         */
        void run() throws IOException;
    }

    /**
     * A writer of one format reduced to what the checks need.
     *
     * @param writeRecord writes one more record (any valid record of the format)
     * @param commit      commits (publishes) the file
     * @param close       closes the writer: aborts unless committed
     * @return the adapted writer
     */
    public static Writer writer(IoAction writeRecord, IoAction commit, Runnable close) {
        return new Writer(writeRecord, commit, close);
    }

    /** A writer of one format reduced to what the checks need; see {@link #writer}. */
    public static final class Writer implements AutoCloseable {
        private final IoAction writeRecord;
        private final IoAction commit;
        private final Runnable close;

        private Writer(IoAction writeRecord, IoAction commit, Runnable close) {
            this.writeRecord = writeRecord;
            this.commit = commit;
            this.close = close;
        }

        void writeRecord() throws IOException {
            writeRecord.run();
        }

        void commit() throws IOException {
            commit.run();
        }

        @Override
        public void close() {
            close.run();
        }
    }

    /**
     * Runs every fault against the writer.
     *
     * @param dir     an empty directory the checks may use (a test's {@code @TempDir})
     * @param name    file name to write, with the format's extension
     * @param records records that make the file larger than the writer's buffers (a full disk must be hit while
     *                writing or committing)
     * @param writers the writer under test
     * @throws IOException if preparing a case fails
     */
    public static void check(Path dir, String name, int records, Factory writers) throws IOException {
        exceptionInTheMiddle(Files.createDirectory(dir.resolve("exception")).resolve(name), writers);
        diskFull(Files.createDirectory(dir.resolve("disk-full")).resolve(name), records, writers);
        failingPublish(Files.createDirectory(dir.resolve("publish")).resolve(name), writers);
        secondWriter(Files.createDirectory(dir.resolve("concurrent")).resolve(name), writers);
    }

    private static void exceptionInTheMiddle(Path target, Factory writers) throws IOException {
        List<String> before = existing(target);
        IllegalStateException bug = new IllegalStateException("the caller failed");
        assertEquals(bug, assertThrows(IllegalStateException.class, () -> {
            try (Writer w = writers.open(target)) {
                for (int i = 0; i < 100; i++) {
                    w.writeRecord();
                }
                throw bug;
            }
        }));
        assertUntouched(target, before);
    }

    private static void diskFull(Path target, int records, Factory writers) throws IOException {
        List<String> before = existing(target);
        IOException e;
        try (FaultInjection f = FaultInjection.diskFull(target.getParent(), 4096)) {
            e = assertThrows(IOException.class, () -> {
                try (Writer w = writers.open(target)) {
                    for (int i = 0; i < records; i++) {
                        w.writeRecord();
                    }
                    w.commit();
                }
            }, "a full disk must fail the write or the commit");
        }
        assertTrue(e.getMessage() != null && e.getMessage().contains(target.toString()),
                "the error names the target: " + e);
        assertTrue(chain(e).contains(FaultInjection.NO_SPACE), "the error says the disk is full: " + chain(e));
        assertUntouched(target, before);
    }

    private static void failingPublish(Path target, Factory writers) throws IOException {
        List<String> before = existing(target);
        try (FaultInjection f = FaultInjection.failPublish(target); Writer w = writers.open(target)) {
            w.writeRecord();
            IOException e = assertThrows(IOException.class, w::commit);
            assertTrue(e.getMessage().contains(target.toString()), "the error names the target: " + e);
        }
        assertUntouched(target, before);
    }

    private static void secondWriter(Path target, Factory writers) throws IOException {
        List<String> before = existing(target);
        try (Writer first = writers.open(target)) {
            first.writeRecord();
            IOException e = assertThrows(IOException.class, () -> writers.open(target).close(),
                    "a second writer of the same file must fail");
            assertTrue(e.getMessage().contains(target.toString()), "the error names the target: " + e);
            first.writeRecord();
            first.commit();
        }
        assertNotEquals(0, Files.size(target));
        assertFalse(java.util.Arrays.equals(OLD, Files.readAllBytes(target)), "the first writer published");
        List<String> after = names(target.getParent());
        assertTrue(after.containsAll(before) && after.stream().noneMatch(n -> n.contains(".mlformats-")),
                "no temporary file left: " + after);
    }

    /** Puts an existing file at {@code target}; returns the directory listing every case must end with. */
    private static List<String> existing(Path target) throws IOException {
        Files.write(target, OLD);
        return names(target.getParent());
    }

    private static void assertUntouched(Path target, List<String> before) throws IOException {
        assertArrayEquals(OLD, Files.readAllBytes(target), "the existing file is untouched");
        assertEquals(before, names(target.getParent()), "no temporary file left");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t).append(" <- ");
        }
        return b.toString();
    }
}
