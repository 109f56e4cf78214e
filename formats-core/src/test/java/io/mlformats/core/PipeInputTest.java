package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 2: a pipe has size 0 and can be read once, so it was read as empty (and validated as OK). Named
 * pipes stand for /dev/stdin and a shell's process substitution.
 */
class PipeInputTest {

    /** A FIFO fed by another thread with {@code content}; skipped where mkfifo is not available. */
    static Path fifo(Path dir, byte[] content, ExecutorService feeder) throws Exception {
        Path f = dir.resolve("pipe");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", f.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return null;
        }
        assumeTrue(p.waitFor() == 0 && Files.exists(f), "mkfifo failed");
        feeder.submit(() -> {
            try (OutputStream out = Files.newOutputStream(f)) {
                out.write(content);
            }
            return null;
        });
        return f;
    }

    static String readAll(ByteInput in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[5];
        for (int n; (n = in.read(b, 0, b.length)) >= 0; ) {
            out.write(b, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPipeIsStreamedNotTakenAsEmpty(@TempDir Path dir) throws Exception {
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        try {
            Path pipe = fifo(dir, "1 0:1\n0 3:2\n".getBytes(StandardCharsets.US_ASCII), feeder);
            try (ByteInput in = ByteSources.open(pipe)) {
                assertEquals("1 0:1\n0 3:2\n", readAll(in));
                assertEquals(pipe.toString(), in.name());
            }
        } finally {
            feeder.shutdownNow();
        }
    }

    @Test
    void aGzipPipeIsDecompressed(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write("a\nb\n".getBytes(StandardCharsets.US_ASCII));
        }
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        try {
            Path pipe = fifo(dir, gz.toByteArray(), feeder);
            try (ByteInput in = ByteSources.open(pipe)) {
                assertEquals("a\nb\n", readAll(in));
            }
        } finally {
            feeder.shutdownNow();
        }
    }

}
