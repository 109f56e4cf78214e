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
