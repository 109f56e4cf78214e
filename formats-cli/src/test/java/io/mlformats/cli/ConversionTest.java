package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every conversion between libsvm, csv, recordio-protobuf and parquet round-trips to identical values
 * (A -> B -> A prints the same {@code cat} output as A), on seeded generated inputs; sharding loses and duplicates
 * nothing; failures leave no output.
 */
class ConversionTest {
    private static final List<String> TABULAR = List.of("libsvm", "csv", "recordio-protobuf", "parquet");

    @TempDir
    Path dir;

    /** Random sparse LibSVM rows, 0-based, nonzero float32 values (some tiny, huge, negative), width {@code w}. */
    static String libsvm(SplittableRandom rnd, int rows, int w) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            sb.append(rnd.nextInt(3));
            for (int c = 0; c < w; c++) {
                if (rnd.nextInt(3) == 0 || (r == 0 && c == w - 1)) {
                    sb.append(' ').append(c).append(':').append(value(rnd));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String value(SplittableRandom rnd) {
        float v;
        do {
            v = switch (rnd.nextInt(4)) {
                case 0 -> (float) rnd.nextInt(-5, 6);
                case 1 -> Float.intBitsToFloat(rnd.nextInt() & 0x7f7fffff);
                default -> (float) (rnd.nextDouble() * 200 - 100);
            };
        } while (v == 0 || !Float.isFinite(v));
        return Float.toString(rnd.nextBoolean() ? v : -v);
    }

    /** Random dense CSV rows with zeros and (if {@code missing}) missing (empty) fields. */
    static String csv(SplittableRandom rnd, int rows, int w, boolean missing) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            sb.append(rnd.nextInt(2));
            for (int c = 0; c < w; c++) {
                sb.append(',');
                int k = rnd.nextInt(6);
                if (k == 0) {
                    sb.append('0');
                } else if (k > 1 || r == 0 || !missing) {
                    sb.append(value(rnd));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private Cli convert(String... args) {
        List<String> a = new ArrayList<>(List.of("convert", "-q"));
        a.addAll(List.of(args));
        return Cli.run(a.toArray(String[]::new));
    }

    private String cat(Path p) {
        Cli c = Cli.run("cat", p.toString());
        assertEquals(0, c.code(), p + ": " + c.err());
        return c.out();
    }

    @Test
    void everyPairRoundTripsToIdenticalValues() throws IOException {
        long base = Seeds.base();
        for (int trial = 0; trial < 3; trial++) {
            SplittableRandom rnd = Seeds.forCase(base, trial);
            int w = 3 + rnd.nextInt(12);
            Path dirT = Files.createDirectory(dir.resolve("t" + trial));
            Path lib = Files.writeString(dirT.resolve("start.libsvm"), libsvm(rnd, 40, w));
            Path csv = Files.writeString(dirT.resolve("start.csv"), csv(rnd, 40, w, true));
            // RecordIO has no missing values (absent = 0): its dense start has none, so LibSVM can carry it.
            Path full = Files.writeString(dirT.resolve("full.csv"), csv(rnd, 40, w, false));
            Path pbr = dirT.resolve("start.pbr");
            assertEquals(0, convert("--to", "recordio-protobuf", lib.toString(), "-o", pbr.toString()).code());
            Path pq = dirT.resolve("start.parquet");
            assertEquals(0, convert("--to", "parquet", lib.toString(), "-o", pq.toString()).code());
            Path pbrDense = dirT.resolve("dense.pbr");
            assertEquals(0, convert("--to", "recordio-protobuf", full.toString(), "-o", pbrDense.toString()).code());
            List<Path> starts = List.of(lib, csv, pbr, pq, pbrDense);
            List<String> startFormats = List.of("libsvm", "csv", "recordio-protobuf", "parquet", "recordio-protobuf");
            int pairs = 0;
            for (int s = 0; s < starts.size(); s++) {
                Path a = starts.get(s);
                String fa = startFormats.get(s);
                boolean sparse = s == 0 || s == 2 || s == 3;
                String want = cat(a);
                for (String fb : TABULAR) {
                    if (fb.equals(fa)) {
                        continue;
                    }
                    String tag = s + "-" + fb;
                    Path b = dirT.resolve(tag + ".b");
                    Cli there = convert("--to", fb, "--from", fa, a.toString(), "-o", b.toString());
                    assertEquals(0, there.code(), fa + " -> " + fb + ": " + there.err());
                    Path back = dirT.resolve(tag + ".back");
                    // Formats that can be either dense or sparse are told which way back.
                    boolean either = fa.equals("recordio-protobuf") || fa.equals("parquet");
                    Cli home = either
                            ? convert("--to", fa, "--from", fb, sparse ? "--sparse" : "--dense", b.toString(), "-o",
                                    back.toString())
                            : convert("--to", fa, "--from", fb, b.toString(), "-o", back.toString());
                    assertEquals(0, home.code(), fb + " -> " + fa + ": " + home.err());
                    assertEquals(want, cat(back), "seed " + Seeds.describe(base, trial) + ": " + fa + " -> " + fb
                            + " -> " + fa);
                    pairs++;
                }
            }
            assertEquals(15, pairs);
        }
    }

    @Test
    void csvAndLibSvmValuesAndMissingFields() throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "1,0,,2.5\n0,NaN,3,0.1\n");
        Cli c = Cli.run("cat", csv.toString());
        assertEquals(0, c.code(), c.err());
        assertEquals("{\"label\": 1, \"features\": {\"values\": [0, \"NaN\", 2.5]}}\n"
                + "{\"label\": 0, \"features\": {\"values\": [\"NaN\", 3, 0.1]}}\n", c.out());
        Path lib = dir.resolve("a.libsvm");
        assertEquals(0, convert("--to", "libsvm", csv.toString(), "-o", lib.toString()).code());
        assertEquals("1 0:0 2:2.5\n0 1:3 2:0.1\n", Files.readString(lib), "missing left out, zeros kept");
        Path pbr = dir.resolve("a.pbr");
        assertEquals(0, convert("--to", "recordio-protobuf", "--sparse", lib.toString(), "-o", pbr.toString()).code());
        Path back = dir.resolve("b.csv");
        assertEquals(0, convert("--to", "csv", pbr.toString(), "-o", back.toString()).code());
        assertEquals("1,0,0,2.5\n0,0,3,0.1\n", Files.readString(back), "RecordIO absent entries are zeros");

        Path q = Files.writeString(dir.resolve("q.libsvm"), "2:0.5 qid:7 1:1.5\n1 0:2\n");
        Cli cq = Cli.run("cat", q.toString());
        assertEquals(0, cq.code(), cq.err());
        assertEquals("{\"label\": 2, \"weight\": 0.5, \"qid\": 7, \"features\": {\"indices\": [1], \"values\": [1.5]}}\n"
                + "{\"label\": 1, \"features\": {\"indices\": [0], \"values\": [2]}}\n", cq.out());
        Path ml = Files.writeString(dir.resolve("m.libsvm"), "1,3 0:1\n 2:2\n");
        Cli cm = Cli.run("cat", "--multi-label", "--from", "libsvm", ml.toString());
        assertEquals(0, cm.code(), cm.err());
        assertEquals("{\"label\": [1, 3], \"features\": {\"indices\": [0], \"values\": [1]}}\n"
                + "{\"label\": [], \"features\": {\"indices\": [2], \"values\": [2]}}\n", cm.out());
    }

    @Test
    void rowsTheOutputCannotHoldFailAtTheirLineAndLeaveNothing() throws IOException {
        Path q = Files.writeString(dir.resolve("q.libsvm"), "1 0:1\n1:0.5 0:2\n");
        Path out = dir.resolve("o.pbr");
        Cli c = convert("--to", "recordio-protobuf", q.toString(), "-o", out.toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        assertTrue(c.err().startsWith(q + ":2:6: record 1: cannot write this row: RecordIO-protobuf cannot hold weights"),
                c.err());
        assertFalse(Files.exists(out));
        Path bad = Files.writeString(dir.resolve("bad.libsvm"), "1 0:1\n0 3:x\n");
        Cli d = convert("--to", "csv", "--num-features", "4", bad.toString(), "-o", dir.resolve("o.csv").toString());
        assertEquals(ExitCode.INVALID_DATA, d.code());
        assertTrue(d.err().startsWith(bad + ":2:"), d.err());
        assertFalse(Files.exists(dir.resolve("o.csv")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains("tmp")).toList());
        }
    }

    @Test
    void shardsOfRecordIoAndLibSvmLoseNothingInOrder() throws IOException {
        Path lib = Files.writeString(dir.resolve("a.libsvm"), libsvm(Seeds.forCase(Seeds.base(), 99), 57, 9));
        String all = cat(lib);
        Path rr = dir.resolve("rr");
        assertEquals(0, convert("--to", "libsvm", "--max-records-per-shard", "10", lib.toString(), "-o",
                rr.toString()).code());
        List<String> names;
        try (Stream<Path> s = Files.list(rr)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(6, names.size());
        assertEquals("part-00005.libsvm", names.get(5));
        StringBuilder cat = new StringBuilder();
        for (String n : names) {
            cat.append(cat(rr.resolve(n)));
        }
        assertEquals(all, cat.toString());
        Path pb = dir.resolve("pb");
        assertEquals(0, convert("--to", "recordio-protobuf", "--gzip", "--shards", "3", lib.toString(), "-o",
                pb.toString()).code());
        try (Stream<Path> s = Files.list(pb)) {
            assertEquals(List.of("part-00000.pbr.gz", "part-00001.pbr.gz", "part-00002.pbr.gz"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Cli insp = Cli.run("inspect", pb.toString());
        assertTrue(insp.out().contains("records:   57"), insp.out() + insp.err());
        assertTrue(insp.out().contains("shards:    3"), insp.out());
    }

    @Test
    void deepArAndBlazingTextConversionsRoundTrip() throws IOException {
        Path json = Files.writeString(dir.resolve("s.jsonl"),
                "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, \"NaN\", 0.1], \"cat\": [0, 2]}\n"
                        + "{\"start\": \"2020-02-01 12:30:00\", \"target\": [3.5], \"cat\": [1, 0]}\n");
        Path pq = dir.resolve("s.parquet");
        Cli c = convert("--to", "parquet", json.toString(), "-o", pq.toString());
        assertEquals(0, c.code(), c.err());
        Path back = dir.resolve("back.jsonl");
        assertEquals(0, convert("--to", "deepar", pq.toString(), "-o", back.toString()).code());
        assertEquals(Files.readString(json), Files.readString(back));
        assertEquals(Files.readString(json), cat(json));

        Path txt = Files.writeString(dir.resolve("t.txt"), "__label__1 hello world\n__label__0 __label__2 good bye\n");
        Path man = dir.resolve("t.manifest");
        Cli m = convert("--to", "manifest", txt.toString(), "-o", man.toString());
        assertEquals(0, m.code(), m.err());
        assertEquals("{\"source\": \"hello world\", \"label\": 1}\n{\"source\": \"good bye\", \"label\": [0, 2]}\n",
                Files.readString(man));
        Path txt2 = dir.resolve("t2.txt");
        assertEquals(0, convert("--to", "blazingtext", man.toString(), "-o", txt2.toString()).code());
        assertEquals(Files.readString(txt), Files.readString(txt2));
        assertEquals("{\"labels\": [\"__label__1\"], \"words\": [\"hello\", \"world\"]}", cat(txt).lines().findFirst()
                .orElseThrow());
    }

    @Test
    void agaricusSampleConvertsAndInspects() throws IOException {
        Path sample = Path.of(System.getProperty("user.dir")).getParent().resolve("samples/agaricus.train.libsvm");
        Path out = dir.resolve("agaricus.pbr");
        Cli c = Cli.run("convert", "--to", "recordio-protobuf", "--index-base", "one", sample.toString(), "-o",
                out.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("converted 6513 record(s) from libsvm to recordio-protobuf"), c.err());
        Cli i = Cli.run("inspect", out.toString());
        assertEquals(String.format(Locale.ROOT, "input:     %s%nformat:    recordio-protobuf%nrecords:   6513%n"
                + "dtype:     float32%nfeatures:  width 126, sparse%nnnz:       min 22, mean 22.00, max 22, total 143286%n"
                + "labels:    0: 3373, 1: 3140%n", out), i.out().substring(0, i.out().indexOf("           ")));
    }

    /** {@code --dtype float32} rounds float64 rows to float32 on the way into text (shortest float32 text). */
    @Test
    void dtypeFloat32RoundsFloat64RowsWrittenAsText() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "1,0.123456789,2.5\n");
        Path pbr = dir.resolve("f64.pbr");
        assertEquals(0, Cli.run("convert", "-q", "--to", "recordio-protobuf", "--dtype", "float64", csv.toString(),
                "-o", pbr.toString()).code());
        Path svm = dir.resolve("out.libsvm");
        Cli c = Cli.run("convert", "-q", "--to", "libsvm", "--dtype", "float32", pbr.toString(), "-o", svm.toString());
        assertEquals(0, c.code(), c.err());
        assertEquals(List.of("1 0:0.12345679 1:2.5"), Files.readAllLines(svm));
        Path out = dir.resolve("out.csv");
        Cli d = Cli.run("convert", "-q", "--to", "csv", "--dtype", "float32", pbr.toString(), "-o", out.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals(List.of("1,0.12345679,2.5"), Files.readAllLines(out));
    }
}
