package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.AtomicFileSink;
import io.mlformats.testkit.FaultInjection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 6: {@code convert -o} onto an existing file (refused without {@code --force}, exit 3), two
 * converts of one output (the second fails), an output that appears while converting, a symbolic link as output,
 * a full disk, and {@code --force} with sharding.
 */
class OutputTest {
    private static final byte[] OLD = "someone's file\n".getBytes(StandardCharsets.UTF_8);
    private static final String ROWS = "1 0:1 1:2 2:3\n0 0:4 1:5 2:6\n1 0:7 1:8 2:9\n";
    private static final String CSV = "1,1,2,3\n0,4,5,6\n1,7,8,9\n";

    @TempDir
    Path dir;

    private Path input() throws IOException {
        return Files.writeString(dir.resolve("in.libsvm"), ROWS);
    }

    private static Cli convert(Object... args) {
        List<String> a = new ArrayList<>(List.of("convert", "-q", "--to", "csv", "--num-features", "3"));
        for (Object o : args) {
            a.add(o.toString());
        }
        return Cli.run(a.toArray(String[]::new));
    }

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anExistingOutputIsRefusedWithExit3AndKept() throws IOException {
        Path out = Files.write(dir.resolve("o.csv"), OLD);
        Cli r = convert(input(), "-o", out);
        assertEquals(ExitCode.IO, r.code(), r.err());
        assertEquals("mlformats: output exists: " + out + " (use --force to replace it)\n", r.err());
        assertArrayEquals(OLD, Files.readAllBytes(out));
    }

    @Test
    void forceReplacesAnExistingOutput() throws IOException {
        Path out = Files.write(dir.resolve("o.csv"), OLD);
        Cli r = convert(input(), "-o", out, "--force");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertEquals(CSV, Files.readString(out));
        assertEquals(List.of("in.libsvm", "o.csv"), names(dir));
    }

    @Test
    void aSymbolicLinkOutputStaysALink() throws IOException {
        Path real = Files.write(dir.resolve("real.csv"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("o.csv"), real.getFileName());
        assertEquals(ExitCode.IO, convert(input(), "-o", link).code(), "an existing destination is refused");
        Cli r = convert(input(), "-o", link, "--force");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(CSV, Files.readString(real));
    }

    @Test
    void aSecondConvertOfOneOutputFailsWithExit3EvenWithForce() throws IOException {
        Path out = dir.resolve("o.csv");
        try (AtomicFileSink first = AtomicFileSink.open(out)) { // a convert in progress
            first.stream().write(OLD);
            Cli r = convert(input(), "-o", out, "--force");
            assertEquals(ExitCode.IO, r.code(), r.err());
            assertTrue(r.err().startsWith("mlformats: I/O error: " + out) && r.err().contains("another writer"),
                    r.err());
            first.commit();
        }
        assertArrayEquals(OLD, Files.readAllBytes(out), "the first convert's output");
        assertEquals(List.of("in.libsvm", "o.csv"), names(dir));
    }

    /**
     * Two converts at once, in one JVM: the first streams from a pipe, so it is still writing when the second starts
     * (the second fails); then another program creates the output before the first finishes: the first, without
     * --force, refuses to publish over it.
     */
    @Test
    void concurrentConvertsAndAnOutputThatAppearsMeanwhile() throws Exception {
        Path pipe = dir.resolve("pipe");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "mkfifo is not available");
            return;
        }
        Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        Path out = dir.resolve("o.csv");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (OutputStream feed = openAsync(pool, pipe)) {
            Future<Cli> first = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "first-convert");
                t.setDaemon(true);
                return t;
            }).submit(() -> convert("--from", "libsvm", pipe, "-o", out));
            OutputStream w = feed;
            byte[] rows = ROWS.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 40_000; i++) { // more than any reader buffers: the conversion is under way
                w.write(rows);
            }
            w.flush();
            Path temp = dir.resolve(".o.csv.mlformats-tmp");
            for (int i = 0; i < 500 && !Files.exists(temp); i++) {
                Thread.sleep(10);
            }
            assertTrue(Files.exists(temp), "the first convert opened its output");

            Cli second = convert(input(), "-o", out);
            assertEquals(ExitCode.IO, second.code(), second.err());
            assertTrue(second.err().contains("another writer"), second.err());

            Files.write(out, OLD); // another program
            w.close();
            Cli r = first.get(30, TimeUnit.SECONDS);
            assertEquals(ExitCode.IO, r.code(), r.err());
            assertEquals("mlformats: output exists: " + out
                    + " (it appeared while converting; use --force to replace it)\n", r.err());
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(OLD, Files.readAllBytes(out));
        assertEquals(List.of("in.libsvm", "o.csv", "pipe"), names(dir));
    }

    /** Opens the pipe for writing (which blocks until a reader opens it) on another thread. */
    private static OutputStream openAsync(ExecutorService pool, Path pipe) throws Exception {
        Future<OutputStream> f = pool.submit(() -> Files.newOutputStream(pipe));
        return new OutputStream() {
            private OutputStream out() throws IOException {
                try {
                    return f.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void write(int b) throws IOException {
                out().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out().flush();
            }

            @Override
            public void close() throws IOException {
                if (f.isDone()) {
                    out().close();
                } else {
                    f.cancel(true);
                }
            }
        };
    }

    @Test
    void aFullDiskNamesTheOutputAndLeavesNoFile() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            big.append(i % 2).append(" 0:").append(i).append(" 2:1.5\n");
        }
        Path in = Files.writeString(dir.resolve("big.libsvm"), big);
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Path out = outDir.resolve("o.csv");
        Cli r;
        try (FaultInjection f = FaultInjection.diskFull(outDir, 4096)) {
            r = convert(in, "-o", out);
        }
        assertEquals(ExitCode.IO, r.code(), r.err());
        assertTrue(r.err().contains(out.toString()) && r.err().contains(FaultInjection.NO_SPACE), r.err());
        assertEquals(List.of(), names(outDir));
    }

    @Test
    void forceReplacesADirectoryOfShardsOnly() throws IOException {
        Path out = dir.resolve("shards");
        Path in = input();
        assertEquals(ExitCode.OK, convert(in, "-o", out, "--shards", "3").code());
        assertEquals(List.of("part-00000.csv", "part-00001.csv", "part-00002.csv"), names(out));
        assertEquals(ExitCode.IO, convert(in, "-o", out, "--shards", "2").code(), "not without --force");
        Cli r = convert(in, "-o", out, "--shards", "2", "--force");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertEquals(List.of("part-00000.csv", "part-00001.csv"), names(out));
        assertEquals(List.of("in.libsvm", "shards"), names(dir));

        Files.write(out.resolve("notes.txt"), OLD);
        Cli refused = convert(in, "-o", out, "--shards", "2", "--force");
        assertEquals(ExitCode.IO, refused.code(), refused.err());
        assertTrue(refused.err().contains("notes.txt"), refused.err());
        assertArrayEquals(OLD, Files.readAllBytes(out.resolve("notes.txt")));
    }

    @Test
    void shardStagingLeftByAKilledConvertIsRemovedByTheNext() throws IOException {
        // PIDs above Linux's pid_max (2^22) belong to no process: what a convert killed by SIGKILL leaves.
        Path dead = Files.createDirectories(dir.resolve(".shards.mlformats-tmp-999999999-5eed"));
        Files.write(dead.resolve("part-00000.csv"), OLD);
        Path live = Files.createDirectories(dir.resolve(".shards.mlformats-tmp-" + ProcessHandle.current().pid() + "-1"));
        Cli r = convert(input(), "-o", dir.resolve("shards"), "--shards", "2");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertEquals(List.of(live.getFileName().toString(), "in.libsvm", "shards"), names(dir),
                "the dead process's staging directory is gone, a live one's is kept");
    }
}
