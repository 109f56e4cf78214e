package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.cli.convert.ShardedRowSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command run in-process: exit codes, error lines, cat output, conversions, sharding, atomicity. */
class CliTest {
    @TempDir
    Path dir;

    @Test
    void helpAndUsageErrors() {
        assertEquals(0, Cli.run("--help").code());
        Cli none = Cli.run();
        assertEquals(ExitCode.USAGE, none.code());
        Cli bad = Cli.run("convert", "--to", "nope", "x", "-o", "y");
        assertEquals(ExitCode.USAGE, bad.code());
        assertTrue(bad.err().contains("unknown format 'nope'"), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace: " + bad.err());
        Cli alg = Cli.run("validate", "--for", "svm", "x");
        assertEquals(ExitCode.USAGE, alg.code());
        assertTrue(alg.err().contains("unknown algorithm 'svm'"), alg.err());
        // Issue 16, item 7: every verb's own --help / -h works without its required options.
        for (String verb : new String[] {"convert", "cat", "inspect", "validate"}) {
            for (String flag : new String[] {"--help", "-h"}) {
                Cli help = Cli.run(verb, flag);
                assertEquals(0, help.code(), verb + " " + flag + ": " + help.err());
                assertTrue(help.out().startsWith("Usage: mlformats " + verb), verb + " " + flag + ": " + help.out());
            }
        }
    }

    @Test
    void missingInputIsIoError() {
        Cli c = Cli.run("cat", dir.resolve("missing.parquet").toString());
        assertEquals(ExitCode.IO, c.code());
        assertEquals("mlformats: no such file: " + dir.resolve("missing.parquet") + "\n", c.err());
    }

    @Test
    void libsvmIsReadNow() throws IOException {
        Path libsvm = Files.writeString(dir.resolve("a.txt"), "1 0:1 3:2.5\n0 1:1\n");
        Cli c = Cli.run("cat", libsvm.toString());
        assertEquals(0, c.code(), c.err());
        assertEquals("{\"label\": 1, \"features\": {\"indices\": [0, 3], \"values\": [1, 2.5]}}\n"
                + "{\"label\": 0, \"features\": {\"indices\": [1], \"values\": [1]}}\n", c.out());
    }

    @Test
    void unsupportedPairIsUsageError() throws IOException {
        Path pq = Tables.dense(dir.resolve("t.parquet"), 3, 2);
        Cli c = Cli.run("convert", "--to", "object2vec", pq.toString(), "-o", dir.resolve("o").toString());
        assertEquals(ExitCode.USAGE, c.code());
        assertTrue(c.err().contains("no conversion from parquet to object2vec"), c.err());
    }

    @Test
    void catPrintsCanonicalJson() throws IOException {
        Path pq = Tables.dense(dir.resolve("t.parquet"), 2, 3);
        Cli c = Cli.run("cat", pq.toString());
        assertEquals(0, c.code(), c.err());
        assertEquals("{\"label\": 0, \"features\": {\"values\": [0, 1, 2]}}\n"
                + "{\"label\": 1, \"features\": {\"values\": [10, 11, 12]}}\n", c.out());
    }

    @Test
    void catSparseAndNonFinite() throws IOException {
        Path pq = dir.resolve("s.parquet");
        try (var w = io.mlformats.parquet.ParquetFeatureWriter.open(pq,
                io.mlformats.parquet.ParquetFeatureWriteOptions.defaults()
                        .withLayout(io.mlformats.parquet.FeatureLayout.SPARSE).withWeight(true))) {
            var r = new io.mlformats.core.vector.LabeledRow();
            r.addLabel(0.1);
            r.setWeight(2);
            var s = io.mlformats.core.vector.SparseVector.of(io.mlformats.core.vector.ValueType.FLOAT32, 4);
            s.append(3, 0.1f);
            s.append(7, Float.NaN);
            s.append(9, Float.NEGATIVE_INFINITY);
            r.setFeatures(s);
            w.write(r);
            w.commit();
        }
        Cli c = Cli.run("cat", pq.toString(), "--weight-column", "weight");
        // --weight-column is a convert option; cat reads the default columns, so no weight is shown.
        assertEquals(ExitCode.USAGE, c.code());
        Cli d = Cli.run("cat", pq.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals("{\"label\": 0.1, \"features\": {\"indices\": [3, 7, 9], "
                + "\"values\": [0.1, \"NaN\", \"-Infinity\"]}}\n", d.out());
    }

    @Test
    void badParquetPrintsPositionNoStackTrace() throws IOException {
        Path bad = Files.write(dir.resolve("bad.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0, 0});
        Cli c = Cli.run("cat", bad.toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        assertTrue(c.err().startsWith(bad + ":0: "), c.err());
        assertFalse(c.err().contains("\tat "), c.err());
    }

    @Test
    void parquetRoundTripsDenseToSparseToDense() throws IOException {
        Path a = Tables.dense(dir.resolve("a.parquet"), 50, 4);
        Path b = dir.resolve("b.parquet");
        Path c = dir.resolve("c.parquet");
        assertEquals(0, Cli.run("convert", "-q", "--to", "parquet", "--sparse", a.toString(), "-o", b.toString()).code());
        assertEquals(0, Cli.run("convert", "-q", "--to", "parquet", "--dense", b.toString(), "-o", c.toString()).code());
        String catA = Cli.run("cat", a.toString()).out();
        assertEquals(50, catA.lines().count());
        assertEquals(catA, Cli.run("cat", c.toString()).out());
        assertTrue(Cli.run("cat", b.toString()).out().contains("\"indices\": [0, 1, 2, 3]"));
    }

    @Test
    void sparseFloat64RoundTripIsBitExact() throws IOException {
        Path a = Tables.sparse(dir.resolve("a.parquet"), 200, 30, 42);
        Path b = dir.resolve("b.parquet");
        Path c = dir.resolve("c.parquet");
        assertEquals(0, Cli.run("convert", "-q", "--to", "parquet", "--dense", a.toString(), "-o", b.toString()).code());
        assertEquals(0, Cli.run("convert", "-q", "--to", "parquet", "--sparse", b.toString(), "-o", c.toString()).code());
        assertEquals(Cli.run("cat", a.toString()).out(), Cli.run("cat", c.toString()).out());
    }

    @Test
    void denseOutputOfSparseInputNeedsWidthOrDeclaredDimension() throws IOException {
        Path a = Tables.sparse(dir.resolve("a.parquet"), 5, 30, 1);
        Path b = dir.resolve("b.parquet");
        // The sparse table records its dimension in the footer, so --dense works without --num-features.
        assertEquals(0, Cli.run("convert", "-q", "--to", "parquet", "--dense", a.toString(), "-o", b.toString()).code());
        Cli c = Cli.run("convert", "-q", "--to", "parquet", "--dense", "--num-features", "3", a.toString(),
                "-o", dir.resolve("narrow.parquet").toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        assertTrue(c.err().contains("cannot write this row: feature index"), c.err());
        assertFalse(Files.exists(dir.resolve("narrow.parquet")), "failed conversion left its output");
        assertNoTempFiles();
    }

    @Test
    void shardsRoundRobinAndContiguousLoseNothing() throws IOException {
        Path a = Tables.dense(dir.resolve("a.parquet"), 103, 2);
        List<String> all = Cli.run("cat", a.toString()).out().lines().toList();
        Path rr = dir.resolve("rr");
        assertEquals(0, Cli.run("convert", "-q", "--to", "parquet", "--shards", "4", a.toString(), "-o",
                rr.toString()).code());
        assertEquals(List.of("part-00000.parquet", "part-00001.parquet", "part-00002.parquet", "part-00003.parquet"),
                names(rr));
        List<String> got = new ArrayList<>();
        for (String n : names(rr)) {
            got.addAll(Cli.run("cat", rr.resolve(n).toString()).out().lines().toList());
        }
        assertEquals(26, Cli.run("cat", rr.resolve("part-00000.parquet").toString()).out().lines().count());
        assertEquals(all.stream().sorted().toList(), got.stream().sorted().toList());

        Path ct = dir.resolve("ct");
        assertEquals(0, Cli.run("convert", "-q", "--to", "parquet", "--max-records-per-shard", "25", a.toString(),
                "-o", ct.toString()).code());
        assertEquals(5, names(ct).size());
        List<String> seq = new ArrayList<>();
        for (String n : names(ct)) {
            seq.addAll(Cli.run("cat", ct.resolve(n).toString()).out().lines().toList());
        }
        assertEquals(all, seq, "contiguous shards concatenate to the input in order");
        assertEquals("part-00004.parquet", ShardedRowSink.shardName(4, "parquet"));
        Cli insp = Cli.run("inspect", ct.toString());
        assertTrue(insp.out().contains("shards:    5"), insp.out());
        assertTrue(insp.out().contains("records:   103"), insp.out());
        assertNoTempFiles();
    }

    @Test
    void shardingRefusesNonEmptyDirectory() throws IOException {
        Path a = Tables.dense(dir.resolve("a.parquet"), 3, 2);
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("keep"), "x");
        Cli c = Cli.run("convert", "--to", "parquet", "--shards", "2", a.toString(), "-o", out.toString());
        assertEquals(ExitCode.IO, c.code());
        assertEquals(List.of("keep"), names(out));
    }

    @Test
    void inspectJsonAndText() throws IOException {
        Path a = Tables.dense(dir.resolve("a.parquet"), 9, 3);
        Cli t = Cli.run("inspect", a.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("format:    parquet"), t.out());
        assertTrue(t.out().contains("labels:    0: 3, 1: 3, 2: 3"), t.out());
        assertTrue(t.out().contains("features:  width 3, dense"), t.out());
        Cli j = Cli.run("inspect", "--json", a.toString());
        assertTrue(j.out().contains("\"records\": 9"), j.out());
        assertTrue(j.out().contains("\"counts\": {\"0\": 3, \"1\": 3, \"2\": 3}"), j.out());
    }

    @Test
    void validateXgboostParquetAndWrongFormat() throws IOException {
        Path a = Tables.dense(dir.resolve("a.parquet"), 9, 3);
        Cli ok = Cli.run("validate", "--for", "xgboost", a.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.err().contains("OK: 9 record(s) valid for xgboost"), ok.err());
        Cli ll = Cli.run("validate", "--for", "linear-learner", a.toString());
        assertEquals(ExitCode.INVALID_DATA, ll.code());
        assertTrue(ll.err().startsWith(a + ":0: linear-learner does not accept parquet"), ll.err());
    }

    @Test
    void validateDeepArParquetFindsPlantedProblems() throws IOException {
        Path f = dir.resolve("d.parquet");
        try (var w = io.mlformats.parquet.DeepArParquetWriter.open(f,
                io.mlformats.parquet.DeepArParquetWriteOptions.defaults().withCat(true))) {
            w.write(new io.mlformats.parquet.DeepArParquetSeries("2020-01-01 00:00:00", new double[] {1, 2},
                    new long[] {0}, null));
            w.write(new io.mlformats.parquet.DeepArParquetSeries("2020-01-01T00:00", new double[] {1},
                    new long[] {2}, null));
            w.write(new io.mlformats.parquet.DeepArParquetSeries("2020-01-01 00:00:00", new double[] {5},
                    new long[] {0, 1}, null));
            w.write(new io.mlformats.parquet.DeepArParquetSeries("2020-01-01 00:00:00", new double[] {},
                    new long[] {1}, null));
            w.commit();
        }
        // The same DeepAR rule set as for JSON Lines (the library's DeepArValidator): a series that breaks a
        // per-series rule is reported and left out of the dataset rules.
        Cli c = Cli.run("validate", "--for", "deepar", f.toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        List<String> lines = c.err().lines().toList();
        assertTrue(lines.get(0).matches(java.util.regex.Pattern.quote(f.toString())
                + ":\\d+: record 1: start '2020-01-01T00:00' is not YYYY-MM-DD or YYYY-MM-DD HH:MM:SS"),
                lines.toString());
        assertTrue(lines.get(1).contains("record 2: ERROR CAT_COUNT_MISMATCH: the series has 2 cat features, "
                + "expected 1 like record 0 of " + f), lines.toString());
        assertTrue(lines.get(2).contains("record 3: ERROR EMPTY_TARGET: target is empty"), lines.toString());
        assertTrue(lines.get(3).contains("ERROR CAT_DOMAIN_INCOMPLETE"), lines.toString());
        assertTrue(lines.get(4).contains("ERROR TOO_FEW_OBSERVATIONS"), lines.toString());
        assertEquals("5 problem(s) found for deepar", lines.get(5));
        Cli cat = Cli.run("cat", f.toString());
        assertEquals("{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2], \"cat\": [0]}",
                cat.out().lines().findFirst().orElseThrow());
    }

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> tmp = s.filter(p -> p.getFileName().toString().contains("tmp")).toList();
            assertEquals(List.of(), tmp);
        }
    }
}
