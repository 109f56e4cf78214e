package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 4 through the CLI: a damaged Parquet file is bad input (exit 1, a located message), never an
 * internal error (exit 4) or a StackOverflowError trace.
 */
class CorruptParquetCliTest {
    @TempDir
    Path dir;

    @Test
    void bitFlippedParquetIsInvalidDataNeverInternalError() throws IOException {
        byte[] good = Files.readAllBytes(Tables.dense(dir.resolve("good.parquet"), 20, 3));
        Path m = dir.resolve("m.parquet");
        int invalid = 0;
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] d = good.clone();
            d[r.nextInt(4, d.length - 8)] ^= (byte) (1 << r.nextInt(8));
            Files.write(m, d);
            Cli c = Cli.run("cat", m.toString());
            assertTrue(c.code() == ExitCode.OK || c.code() == ExitCode.INVALID_DATA, "seed " + seed + ": exit "
                    + c.code() + ": " + c.err());
            if (c.code() == ExitCode.INVALID_DATA) {
                invalid++;
                assertTrue(c.err().startsWith(m + ":"), "seed " + seed + ": " + c.err());
                assertFalse(c.err().contains("LocalInputFile@"), c.err());
            }
        }
        assertTrue(invalid >= 10, "most flips damage the file: " + invalid);
    }

    @Test
    void deeplyNestedFooterIsInvalidData() throws IOException {
        byte[] footer = new byte[200_000];
        Arrays.fill(footer, 0, 100_000, (byte) 0x1c);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(footer);
        o.writeBytes(new byte[] {0x40, 0x0d, 0x03, 0x00});   // 200,000 little-endian
        o.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(dir.resolve("nested.parquet"), o.toByteArray());
        String message = file + ":4: not a readable Parquet file: its footer (file metadata) nests"
                + " Thrift structures too deeply";
        Cli cat = Cli.run("cat", file.toString());
        assertEquals(ExitCode.INVALID_DATA, cat.code(), cat.err());
        assertTrue(cat.err().contains(message), cat.err());
        assertEquals(1, cat.err().lines().count(), "one line, no trace: " + cat.err());
        // inspect prints its report (the damage as a problem line) on stdout and nothing on stderr
        Cli inspect = Cli.run("inspect", file.toString());
        assertEquals(ExitCode.INVALID_DATA, inspect.code(), inspect.out() + inspect.err());
        assertTrue(inspect.out().contains(message), inspect.out());
        assertEquals("", inspect.err());
    }
}
