package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 5: under {@code -Xmx64m} (smaller than the default limits allow a record to be), inputs that used
 * to end in an {@code OutOfMemoryError} stack trace end in one located message and a documented exit code. Two
 * child JVMs: the real {@link Main#main} for the gzip RecordIO record (exit code through {@code System.exit}), and
 * {@link Driver} running the other reproducers through {@link Main#run} one after another in one JVM.
 */
class OutOfMemoryTest {
    private static final int LINE_BYTES = 60_000_000;
    private static final int PART_BYTES = 128 << 20;
    private static final int ROW_BYTES = 12_000_000;

    @TempDir
    Path dir;

    @Test
    void smallHeapEndsInALocatedMessageAndAnExitCodeNotAStackTrace() throws Exception {
        Path csv = line("wide.csv", "1", ",0");
        Path libsvm = line("wide.libsvm", "1", " 1:0");
        Path json = line("wide.jsonl", "{\"start\": \"2020-01-01 00:00:00\", \"target\": [0", ",0");
        Files.write(json, "]}\n".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        Path map = mapRecord();
        // Lines the window holds (16 MiB) whose decoded values (4 to 12 bytes each per 2 bytes of text) do not fit.
        Path rowCsv = line("row.csv", "1", ",1", ROW_BYTES);
        Path rowJson = line("row.jsonl", "{\"start\": \"2020-01-01 00:00:00\", \"target\": [0", ",1", ROW_BYTES);
        Files.write(rowJson, "]}\n".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        Path gz = threePartGzip();

        Child main = java(Main.class.getName(), "cat", "--from", "recordio", gz.toString());
        assertNoTrace(main);
        assertEquals(ExitCode.OUT_OF_MEMORY, main.code, main.err);
        assertTrue(main.err.startsWith(gz + ":0: record 0: record payload needs a buffer of "), main.err);
        assertTrue(main.err.contains("raise the heap (-Xmx"), main.err);
        assertTrue(main.err.contains("lower the limit maxRecordBytes = 268435456"), main.err);

        Child d = java(Driver.class.getName(),
                "cat", "--from", "csv", csv.toString(), "--",
                "cat", "--from", "libsvm", libsvm.toString(), "--",
                "cat", "--from", "deepar", json.toString(), "--",
                "cat", "--from", "recordio", map.toString(), "--",
                "cat", "--from", "csv", rowCsv.toString(), "--",
                "cat", "--from", "deepar", rowJson.toString());
        assertNoTrace(d);
        assertEquals(0, d.code, d.err);
        List<String[]> cases = Driver.parse(d.out);
        assertEquals(6, cases.size(), d.out);
        for (int i = 0; i < 3; i++) {
            Path p = List.of(csv, libsvm, json).get(i);
            String err = cases.get(i)[1];
            assertEquals(String.valueOf(ExitCode.OUT_OF_MEMORY), cases.get(i)[0], err);
            // file:line:offset: the line starts at offset 0 of line 1.
            assertTrue(err.startsWith(p + ":1:0: line 1 (longer than "), err);
            // How far the window grows before the heap refuses depends on the heap, not on the input.
            assertTrue(err.matches("(?s).*\\) needs a buffer of \\d+ bytes and the Java heap cannot provide it.*"), err);
            assertTrue(err.contains("lower the limit maxLineBytes = 67108864"), err);
        }
        for (int i = 4; i < 6; i++) {
            Path p = List.of(rowCsv, rowJson).get(i - 4);
            String e = cases.get(i)[1];
            assertEquals(String.valueOf(ExitCode.OUT_OF_MEMORY), cases.get(i)[0], e);
            assertTrue(e.startsWith(p + ":1:0: record 0: "), e);
            assertTrue(e.contains("Java heap") && e.contains("raise the heap (-Xmx"), e);
        }
        String err = cases.get(3)[1];
        assertEquals(String.valueOf(ExitCode.INVALID_DATA), cases.get(3)[0], err);
        // Entry 10,001 starts at payload byte 20,000, after the 8-byte RecordIO header.
        assertTrue(err.startsWith(map + ":20008: record 0: the features map with more than 10000 entries exceeds the limit"
                + " maxMapEntries = 10000"), err);
    }

    private static void assertNoTrace(Child c) {
        assertFalse(c.err.contains("OutOfMemoryError"), c.err);
        assertFalse(c.err.contains("\tat "), c.err);
    }

    /** One line of {@code head} then {@code unit} repeated to {@link #LINE_BYTES}, then a newline. */
    private Path line(String name, String head, String unit) throws IOException {
        return line(name, head, unit, LINE_BYTES);
    }

    private Path line(String name, String head, String unit, int bytes) throws IOException {
        Path p = dir.resolve(name);
        byte[] block = unit.repeat(1 << 16 / unit.length()).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 20)) {
            o.write(head.getBytes(StandardCharsets.US_ASCII));
            for (long n = head.length(); n < bytes; n += block.length) {
                o.write(block);
            }
            if (!name.endsWith(".jsonl")) {
                o.write('\n');
            }
        }
        return p;
    }

    /** One RecordIO-protobuf record whose features map has a million empty entries (2 bytes each). */
    private Path mapRecord() throws IOException {
        int entries = 1_000_000;
        byte[] payload = new byte[2 * entries];
        for (int i = 0; i < payload.length; i += 2) {
            payload[i] = 0x0A; // field 1 (features), length-delimited, length 0
        }
        Path p = dir.resolve("map.pbr");
        try (OutputStream o = Files.newOutputStream(p)) {
            o.write(header(0, payload.length));
            o.write(payload);
        }
        return p;
    }

    /** One 3-part RecordIO record of 3 x 128 MiB of zeros, gzip-compressed (about 400 KB). */
    private Path threePartGzip() throws IOException {
        Path p = dir.resolve("parts.pbr.gz");
        byte[] zeros = new byte[1 << 20];
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            for (int cflag = 1; cflag <= 3; cflag++) {
                o.write(header(cflag, PART_BYTES));
                for (int n = 0; n < PART_BYTES; n += zeros.length) {
                    o.write(zeros);
                }
            }
        }
        return p;
    }

    private static byte[] header(int cflag, int length) {
        int lrec = cflag << 29 | length;
        return new byte[] {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE,
            (byte) lrec, (byte) (lrec >>> 8), (byte) (lrec >>> 16), (byte) (lrec >>> 24)};
    }

    private record Child(int code, String out, String err) {
    }

    private Child java(String mainClass, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(Arrays.asList(args));
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 60 s: " + cmd);
        }
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err).strip());
    }

    /**
     * Runs {@link Main#run} for each group of arguments (groups separated by {@code --}), printing
     * {@code === EXIT code} and the command's stderr for each; anything thrown out of {@code run} goes to this
     * process's stderr with its stack trace, where the test looks for it.
     */
    public static final class Driver {
        private Driver() {
        }

        /**
         * Entry point of the child JVM.
         *
         * @param args argument groups separated by {@code --}
         */
        public static void main(String[] args) {
            List<String> group = new ArrayList<>();
            for (int i = 0; i <= args.length; i++) {
                if (i < args.length && !args[i].equals("--")) {
                    group.add(args[i]);
                    continue;
                }
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Main.run(group.toArray(new String[0]), new PrintStream(OutputStream.nullOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                System.out.println("=== EXIT " + code);
                System.out.println(err.toString(StandardCharsets.UTF_8).strip());
                group.clear();
            }
        }

        static List<String[]> parse(String out) {
            List<String[]> cases = new ArrayList<>();
            Matcher m = Pattern.compile("(?s)=== EXIT (\\d+)\\R(.*?)(?=\\R=== EXIT |\\s*\\z)").matcher(out);
            while (m.find()) {
                cases.add(new String[] {m.group(1), m.group(2)});
            }
            return cases;
        }
    }
}
