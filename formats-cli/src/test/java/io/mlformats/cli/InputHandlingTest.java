package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 7 (CLI) and item 2's standard input: inputs the command must take or refuse clearly (empty
 * directories, long first lines, binary bytes, mixed channels, CSV headers, streams), inspect's exit codes, the
 * missing-value convention of converted CSV, and messages that never say "null".
 */
class InputHandlingTest {
    @TempDir
    Path dir;

    private static final Path AGARICUS = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("samples/agaricus.train.libsvm");

    @Test
    void anEmptyDirectoryIsAUsageErrorNamingIt() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve(".hidden"), "1 1:1\n");
        for (String[] args : List.of(new String[] {"cat", empty.toString()}, new String[] {"inspect", empty.toString()},
                new String[] {"validate", "--for", "xgboost", empty.toString()},
                new String[] {"convert", "--to", "csv", empty.toString(), "-o", dir.resolve("o.csv").toString()})) {
            Cli c = Cli.run(args);
            assertEquals(ExitCode.USAGE, c.code(), args[0] + ": " + c.err());
            assertEquals("mlformats: " + empty + ": directory has no input files (names starting with '.' or '_' are "
                    + "skipped, as SageMaker does)\n", c.err(), args[0]);
        }
        // cat of a directory prints its files in name order
        Path shards = Files.createDirectory(dir.resolve("shards"));
        Files.writeString(shards.resolve("b.libsvm"), "0 2:1\n");
        Files.writeString(shards.resolve("a.libsvm"), "1 1:1\n");
        Cli cat = Cli.run("cat", shards.toString());
        assertEquals(0, cat.code(), cat.err());
        assertEquals(List.of("{\"label\": 1, \"features\": {\"indices\": [1], \"values\": [1]}}",
                "{\"label\": 0, \"features\": {\"indices\": [2], \"values\": [1]}}"), cat.out().lines().toList());
    }

    @Test
    void aFirstLineLongerThanTheHeadIsDetectedFromItsStart() throws IOException {
        StringBuilder sb = new StringBuilder("1");
        for (int i = 0; i < 12_000; i++) {
            sb.append(",0.123456");   // 12,000 columns: a 108 KB line
        }
        Path wide = Files.writeString(dir.resolve("wide.csv"), sb + "\n" + sb + "\n");
        Cli v = Cli.run("validate", "--for", "linear-learner", wide.toString());
        assertEquals(0, v.code(), v.err());
        assertEquals("OK: 2 record(s) valid for linear-learner\n", v.err());
        Cli i = Cli.run("inspect", wide.toString());
        assertTrue(i.out().contains("format:    csv") && i.out().contains("features:  width 12000"), i.out());
        // a line longer than the whole head (1 MiB) is judged on its start
        StringBuilder huge = new StringBuilder("1");
        while (huge.length() < (3 << 19)) {
            huge.append(",0.5");
        }
        Path h = Files.writeString(dir.resolve("huge.csv"), huge + "\n");
        Cli c = Cli.run("inspect", h.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("format:    csv"), c.out());
        Path svm = Files.writeString(dir.resolve("huge.libsvm"), "1" + " 7:0.5".repeat(200_000) + "\n");
        assertTrue(Cli.run("inspect", svm.toString()).out().contains("format:    libsvm"));
    }

    @Test
    void emptyInputIsSaidOnlyOfEmptyInput() throws IOException {
        Cli empty = Cli.run("cat", Files.createFile(dir.resolve("e")).toString());
        assertEquals(ExitCode.USAGE, empty.code());
        assertTrue(empty.err().contains("empty input"), empty.err());
        Cli comments = Cli.run("cat", Files.writeString(dir.resolve("c"), "# a\n\n# b\n").toString());
        assertEquals(ExitCode.USAGE, comments.code());
        assertFalse(comments.err().contains("empty input"), comments.err());
        assertTrue(comments.err().contains("hold only blank or # comment lines"), comments.err());
    }

    @Test
    void bytesThatAreNotTextAreNotDetectedAsCsv() throws IOException {
        byte[] random = new byte[4096];
        new Random(16).nextBytes(random);
        random[0] = ',';   // commas everywhere would not save it
        Path r = Files.write(dir.resolve("random.bin"), random);
        for (String verb : new String[] {"cat", "inspect"}) {
            Cli c = Cli.run(verb, r.toString());
            assertEquals(ExitCode.USAGE, c.code(), c.err());
            assertTrue(c.err().startsWith("mlformats: " + r + ": cannot detect the format: no known binary magic, "
                    + "and not text (byte 0x"), c.err());
            assertTrue(c.err().contains("give --from FORMAT"), c.err());
        }
        Path nul = Files.write(dir.resolve("nul.csv"), "1,2\n3,\0\n".getBytes(StandardCharsets.US_ASCII));
        Cli c = Cli.run("validate", "--for", "xgboost", nul.toString());
        assertEquals(ExitCode.USAGE, c.code(), c.err());
        assertTrue(c.err().contains("byte 0x00 at offset 6"), c.err());
        Path latin1 = Files.write(dir.resolve("l.csv"), new byte[] {'1', ',', (byte) 0xe9, '\n'});
        assertTrue(Cli.run("cat", latin1.toString()).err().contains("byte 0xe9 at offset 2"));
        // with --from the reader decides, and says where
        Cli from = Cli.run("cat", "--from", "csv", nul.toString());
        assertEquals(ExitCode.INVALID_DATA, from.code(), from.err());
    }

    @Test
    void aChannelMixingFormatsIsAProblemNamingTheFiles() throws IOException {
        Path ch = Files.createDirectory(dir.resolve("train"));
        Files.writeString(ch.resolve("a.libsvm"), "1 1:1\n0 2:1\n");
        Files.writeString(ch.resolve("b.csv"), "1,0,1\n");
        Files.write(ch.resolve("c.pbr"), Golden.bytes("recordio/dense_f32_5x4_label_f32.pbr"));
        Cli v = Cli.run("validate", "--for", "xgboost", ch.toString());
        assertEquals(ExitCode.INVALID_DATA, v.code(), v.err());
        assertTrue(v.err().contains(ch.resolve("b.csv") + ":0: the channel mixes formats: this file is csv but "
                + ch.resolve("a.libsvm") + " is libsvm"), v.err());
        assertTrue(v.err().contains(ch.resolve("c.pbr") + ":0: the channel mixes formats: this file is "
                + "recordio-protobuf"), v.err());
        assertTrue(v.err().endsWith("2 problem(s) found for xgboost\n"), v.err());
    }

    @Test
    void aCsvHeaderNamesTheFlagThatSkipsIt() throws IOException {
        Path csv = Files.writeString(dir.resolve("h.csv"), "label,f0,f1\n1,0.5,2\n0,1,3\n");
        Cli bad = Cli.run("cat", csv.toString());
        assertEquals(ExitCode.INVALID_DATA, bad.code());
        assertTrue(bad.err().contains("line 1 looks like a header") && bad.err().contains("--skip-header"), bad.err());
        Cli cat = Cli.run("cat", "--skip-header", csv.toString());
        assertEquals(0, cat.code(), cat.err());
        assertEquals(2, cat.out().lines().count(), cat.out());
        assertEquals(0, Cli.run("validate", "--for", "linear-learner", "--skip-header", csv.toString()).code());
        Cli insp = Cli.run("inspect", "--skip-header", csv.toString());
        assertTrue(insp.out().contains("records:   2"), insp.out());
        Path out = dir.resolve("h.libsvm");
        Cli conv = Cli.run("convert", "--to", "libsvm", "--skip-header", csv.toString(), "-o", out.toString());
        assertEquals(0, conv.code(), conv.err());
        assertEquals(List.of("1 0:0.5 1:2", "0 0:1 1:3"), Files.readAllLines(out));
    }

    /** Our own CSV must pass our own validate for the algorithm it was converted for. */
    @Test
    void csvConvertedForAnAlgorithmPassesValidateForIt() throws IOException {
        Path ll = dir.resolve("ll.csv");
        Cli c = Cli.run("convert", "--to", "csv", "--index-base", "one", "--for", "linear-learner",
                AGARICUS.toString(), "-o", ll.toString());
        assertEquals(0, c.code(), c.err());
        Cli v = Cli.run("validate", "--for", "linear-learner", ll.toString());
        assertEquals(0, v.code(), v.err());
        assertEquals("OK: 6513 record(s) valid for linear-learner\n", v.err());
        assertFalse(Files.readString(ll).contains(",,"), "absent entries are 0");
        // the default and xgboost keep absent entries missing (empty), as XGBoost reads LibSVM
        Path xg = dir.resolve("xg.csv");
        assertEquals(0, Cli.run("convert", "--to", "csv", "--index-base", "one", "--for", "xgboost",
                AGARICUS.toString(), "-o", xg.toString()).code());
        Path plain = dir.resolve("plain.csv");
        assertEquals(0, Cli.run("convert", "--to", "csv", "--index-base", "one", AGARICUS.toString(), "-o",
                plain.toString()).code());
        assertEquals(Files.readString(plain), Files.readString(xg));
        assertTrue(Files.readString(plain).contains(",,"));
        assertEquals(0, Cli.run("validate", "--for", "xgboost", xg.toString()).code());
        assertEquals(ExitCode.INVALID_DATA, Cli.run("validate", "--for", "linear-learner", plain.toString()).code());
        // --for is checked against the output format
        Cli wrong = Cli.run("convert", "--to", "libsvm", "--for", "linear-learner", AGARICUS.toString(), "-o",
                dir.resolve("x.libsvm").toString());
        assertEquals(ExitCode.USAGE, wrong.code());
        assertTrue(wrong.err().contains("linear-learner does not accept libsvm"), wrong.err());
    }

    @Test
    void inspectExitsOneWhenItReportsProblemsWhateverTheFormat() throws IOException {
        Path good = Files.writeString(dir.resolve("g.libsvm"), "1 1:1\n0 2:1\n");
        assertEquals(0, Cli.run("inspect", good.toString()).code());
        Path rows = Files.writeString(dir.resolve("r.libsvm"), "1 1:1\njunk\n");
        Cli r = Cli.run("inspect", rows.toString());
        assertEquals(ExitCode.INVALID_DATA, r.code(), r.out());
        assertTrue(r.out().contains("problems:  1"), r.out());
        // gzip cut short: the reader cannot go on, the report is still printed
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write("1 1:1\n0 2:1\n".repeat(200).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] all = gz.toByteArray();
        Path cut = Files.write(dir.resolve("cut.libsvm.gz"), java.util.Arrays.copyOf(all, all.length - 12));
        Cli g = Cli.run("inspect", cut.toString());
        assertEquals(ExitCode.INVALID_DATA, g.code(), g.err());
        assertTrue(g.out().contains("format:    libsvm") && g.out().contains("problems:  1"), g.out() + g.err());
        assertTrue(g.out().contains("(the rest of " + cut + " was not read)"), g.out());
        // RecordIO framing damage
        byte[] d = Golden.bytes("recordio/dense_f32_5x4_label_f32.pbr").clone();
        d[62] ^= 0x40;
        Cli f = Cli.run("inspect", Files.write(dir.resolve("damaged.pbr"), d).toString());
        assertEquals(ExitCode.INVALID_DATA, f.code(), f.out() + f.err());
    }

    @Test
    void aMessagelessIoErrorNeverPrintsNull() {
        StringWriter w = new StringWriter();
        assertEquals(ExitCode.IO, Main.handle(new ClosedChannelException(), new PrintWriter(w)));
        assertEquals("mlformats: I/O error: ClosedChannelException\n", w.toString());
        w.getBuffer().setLength(0);
        assertEquals(ExitCode.IO, Main.handle(new IOException((String) null,
                new java.io.EOFException("disk went away")), new PrintWriter(w)));
        assertEquals("mlformats: I/O error: IOException (disk went away)\n", w.toString());
        w.getBuffer().setLength(0);
        assertEquals(ExitCode.INTERRUPTED, Main.handle(new InterruptedIOException(), new PrintWriter(w)));
        assertEquals("mlformats: interrupted\n", w.toString());
        w.getBuffer().setLength(0);
        assertEquals(ExitCode.INTERRUPTED, Main.handle(new java.nio.channels.ClosedByInterruptException(),
                new PrintWriter(w)));
        assertEquals("mlformats: interrupted\n", w.toString());
    }

    @Test
    void recordIoOfFourToSevenBytesIsTruncatedNotEmpty() throws IOException {
        byte[] magic = {0x0a, 0x23, (byte) 0xd7, (byte) 0xce, 0x10, 0, 0};
        for (int n = 4; n <= 7; n++) {
            Path f = Files.write(dir.resolve("t" + n + ".pbr"), java.util.Arrays.copyOf(magic, n));
            Cli c = Cli.run("cat", f.toString());
            assertEquals(ExitCode.INVALID_DATA, c.code(), n + ": " + c.err());
            assertEquals(f + ":0: record 0: truncated header: " + n + " of 8 bytes before the end of the input\n",
                    c.err());
            Cli v = Cli.run("validate", "--for", "linear-learner", f.toString());
            assertEquals(ExitCode.INVALID_DATA, v.code(), v.err());
            assertTrue(v.err().contains("truncated header"), v.err());
        }
    }

    @Test
    void standardInputIsDashAndAStreamNeedsFrom() throws Exception {
        assertEquals(List.of(Inputs.STDIN), Inputs.expand(List.of(Path.of("-"))));
        Cli twice = Cli.run("validate", "--from", "libsvm", "--for", "xgboost", "-", "-");
        assertEquals(ExitCode.USAGE, twice.code());
        assertTrue(twice.err().contains("standard input ('-') can be read only once"), twice.err());
        // a stream's head cannot be read for detection without consuming it: --from is required
        Path pipe = dir.resolve("in.pipe");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        Cli undetected = Cli.run("cat", pipe.toString());
        assertEquals(ExitCode.USAGE, undetected.code());
        assertTrue(undetected.err().contains(pipe + " is a stream (standard input, a pipe or a device) and can be "
                + "read only once, so its format cannot be detected; give --from FORMAT"), undetected.err());
        Cli parquet = Cli.run("inspect", "--from", "parquet", pipe.toString());
        assertEquals(ExitCode.USAGE, parquet.code());
        assertTrue(parquet.err().contains("parquet is read by seeking"), parquet.err());
    }
}
