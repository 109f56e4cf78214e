package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static String[] run(String... args) throws Exception {
        Process p = jar(args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {Integer.toString(p.waitFor()), out, err};
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
        Process p = jar("convert", "-q", "--to", "parquet", "--dense", "--max-records-per-shard", "20000",
                big.toString(), "-o", out.toString()).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean staged = false;
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> s = Files.walk(dir)) {
                staged = s.anyMatch(f -> f.getFileName().toString().startsWith("part-00001"));
            } catch (IOException raced) {
                staged = false;
            }
            if (staged) {
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(staged && p.isAlive(), "conversion finished before it could be interrupted; enlarge the input");
        p.destroy(); // SIGTERM: shutdown hooks run
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(out), "interrupted conversion published its output");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("big.parquet"), s.map(f -> f.getFileName().toString()).toList());
        }
    }
}
