package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, fault injection: a writer process killed by SIGKILL at a random point publishes nothing, holds off no
 * one after its death, and the next writer of the same file takes its temporary file over. One child JVM.
 */
class KilledWriterTest {

    /** The child: writes zeros through an {@link OutputTarget} until killed (at most 1 GiB), never commits. */
    public static void main(String[] args) throws IOException {
        try (OutputTarget t = OutputTarget.file(Path.of(args[0]), false)) {
            OutputStream out = t.stream();
            byte[] chunk = new byte[1 << 20];
            out.write(chunk);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            for (int i = 0; i < 1024; i++) {
                out.write(chunk);
            }
            t.commit(); // not reached in the test: the parent kills the child long before
        }
    }

    @Test
    void aKilledWriterPublishesNothingAndItsTemporaryFileIsTakenOverNextTime(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("k.pbr");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                KilledWriterTest.class.getName(), target.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("writing", r.readLine());
            // While the child writes, the file is its: a second writer fails and says so.
            FileSystemException busy = assertThrows(FileSystemException.class, () -> AtomicFileSink.open(target));
            assertTrue(busy.getMessage().contains("another process"), busy.getMessage());
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 300));
            assertFalse(Files.exists(target));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(target), "the final name never appears");
        assertEquals(List.of(".k.pbr.mlformats-tmp"), AtomicFileSinkTest.names(dir), "what SIGKILL leaves");
        byte[] data = "1 0:1\n".getBytes(StandardCharsets.UTF_8);
        try (AtomicFileSink next = AtomicFileSink.open(target)) {
            assertTrue(next.removedStaleTemp());
            next.stream().write(data);
            next.commit();
        }
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(List.of("k.pbr"), AtomicFileSinkTest.names(dir));
    }
}
