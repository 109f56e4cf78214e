package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it (integration-test phase, after package). */
@Tag("jar")
class ShadedJarTest {
    @TempDir
    Path dir;

    private static ProcessBuilder jar(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("mlformats.jar")));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    private static final long TIMEOUT_SECONDS = 120;
    private static int runs;

    /**
     * Runs the jar with stdout and stderr redirected to files (no pipe to fill and block the child), waiting at
     * most {@link #TIMEOUT_SECONDS}; returns {exit code, stdout, stderr}.
     */
    private String[] run(String... args) throws Exception {
        int n = runs++;
        Path out = dir.resolve(".out-" + n);
        Path err = dir.resolve(".err-" + n);
        Process p = jar(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "mlformats " + String.join(" ", args)
                    + " did not finish in " + TIMEOUT_SECONDS + " s");
            return new String[] {Integer.toString(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8)};
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Waits, without polling, until a file whose name starts with {@code prefix} appears in a hidden staging
     * directory created in {@code parent}; false if none did in {@code seconds}.
     */
    private static boolean awaitStaged(WatchService watcher, Path parent, String prefix, long seconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try (Stream<Path> s = Files.list(parent)) { // staging directories that exist already
                for (Path d : s.filter(Files::isDirectory).toList()) {
                    d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
                    try (Stream<Path> files = Files.list(d)) {
                        if (files.anyMatch(f -> f.getFileName().toString().startsWith(prefix))) {
                            return true;
                        }
                    }
                }
            } catch (NoSuchFileException raced) {
                // a staging directory went away between listing and registering: look again
            }
            long left = deadline - System.nanoTime();
            WatchKey key = left > 0 ? watcher.poll(left, TimeUnit.NANOSECONDS) : null;
            if (key == null) {
                return false;
            }
            key.pollEvents();
            key.reset();
        }
    }

    @Test
    void versionComesFromTheBuildAndTheJarCarriesItsLicense() throws Exception {
        String[] r = run("--version");
        assertEquals("0", r[0], r[2]);
        assertEquals("mlformats " + System.getProperty("mlformats.version"), r[1].strip());
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(System.getProperty("mlformats.jar"))) {
            assertTrue(jar.getEntry("META-INF/LICENSE") != null, "LICENSE in the jar");
            assertTrue(jar.getEntry("META-INF/NOTICE") != null, "NOTICE in the jar");
        }
    }

    @Test
    void readsParquetWithBundledHadoopAndPrintsNoLogging() throws Exception {
        Path a = Tables.dense(dir.resolve("a.parquet"), 4, 2);
        String[] r = run("cat", a.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals("", r[2], "no SLF4J or Hadoop noise on stderr");
        assertEquals(4, r[1].lines().count());
        String[] bad = run("cat", dir.resolve("none").toString());
        assertEquals("3", bad[0]);
        assertEquals("mlformats: no such file: " + dir.resolve("none") + "\n", bad[2]);
    }

    @Test
    void readmeFirstCommandsWork() throws Exception {
        Path sample = Path.of(System.getProperty("user.dir")).getParent().resolve("samples/agaricus.train.libsvm");
        Path pbr = dir.resolve("agaricus.pbr");
        String[] c = run("convert", "--to", "recordio-protobuf", "--index-base", "one", sample.toString(), "-o",
                pbr.toString());
        assertEquals("0", c[0], c[2]);
        assertEquals("converted 6513 record(s) from libsvm to recordio-protobuf -> " + pbr + "\n", c[2]);
        String[] i = run("inspect", pbr.toString());
        assertEquals("0", i[0], i[2]);
        assertTrue(i[1].contains("records:   6513"), i[1]);
        assertTrue(i[1].contains("labels:    0: 3373, 1: 3140"), i[1]);
        String[] v = run("validate", "--for", "linear-learner", pbr.toString());
        assertEquals("0", v[0], v[2]);
        String[] bad = run("validate", "--for", "factorization-machines", sample.toString());
        assertEquals("1", bad[0], bad[2]);
    }

    @Test
    void interruptedConversionLeavesNothing() throws Exception {
        Path big = Tables.sparse(dir.resolve("big.parquet"), 300_000, 40, 7);
        Path out = dir.resolve("out");
        Path log = dir.resolve(".convert-log");
        Process p;
        boolean staged;
        try (WatchService watcher = dir.getFileSystem().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            p = jar("convert", "-q", "--to", "parquet", "--dense", "--max-records-per-shard", "20000",
                    big.toString(), "-o", out.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            staged = awaitStaged(watcher, dir, "part-00001", 60);
        }
        try {
            assertTrue(staged && p.isAlive(), "conversion finished before it could be interrupted; enlarge the input");
            p.destroy(); // SIGTERM: shutdown hooks run
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        Files.delete(log);
        assertFalse(Files.exists(out), "interrupted conversion published its output");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("big.parquet"), s.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** Issue 16, item 2: {@code -} reads standard input as a stream (a pipe here), with {@code --from}. */
    @Test
    void dashReadsStandardInput() throws Exception {
        Path out = dir.resolve(".stdin-out");
        Path err = dir.resolve(".stdin-err");
        Process p = jar("validate", "--from", "libsvm", "--for", "xgboost", "-").redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        try {
            try (java.io.OutputStream in = p.getOutputStream()) {
                in.write("1 1:1\n0 2:3\n".getBytes(StandardCharsets.US_ASCII));
            }
            assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(err));
            assertEquals("OK: 2 record(s) valid for xgboost\n", Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }
}
