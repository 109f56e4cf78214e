package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mlformats.testkit.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code validate --for}: every planted problem is found at its line, clean files pass, exit codes. */
class ValidateTest {
    private static final Pattern LINE = Pattern.compile("^.*?:(\\d+):(\\d+): (.*)$");

    @TempDir
    Path dir;

    /** Problem lines of the output as "line: message" (text formats), in order. */
    private static List<String> lines(Cli c) {
        List<String> out = new ArrayList<>();
        for (String l : c.err().lines().toList()) {
            Matcher m = LINE.matcher(l);
            if (m.matches()) {
                out.add(m.group(1) + ": " + m.group(3));
            }
        }
        return out;
    }

    @Test
    void xgboostLibSvmFindsEveryBadLine() throws IOException {
        Path f = Files.writeString(dir.resolve("x.libsvm"), "1 0:1\n0 1:x\n1 2:3\nfoo 1:1\n1 3:1 2:1\n");
        Cli c = Cli.run("validate", "--for", "xgboost", f.toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        List<String> got = lines(c);
        assertEquals(3, got.size(), c.err());
        assertTrue(got.get(0).startsWith("2: record 1: "), got.toString());
        assertTrue(got.get(1).startsWith("4: record 3: "), got.toString());
        assertTrue(got.get(2).startsWith("5: record 4: "), got.toString());
        assertTrue(c.err().endsWith("3 problem(s) found for xgboost\n"), c.err());
        Path ok = Files.writeString(dir.resolve("ok.libsvm"), "1 0:1\n0 1:2\n");
        Cli v = Cli.run("validate", "--for", "xgboost", ok.toString());
        assertEquals(0, v.code(), v.err());
        assertEquals("OK: 2 record(s) valid for xgboost\n", v.err());
    }

    @Test
    void linearLearnerCsvNeedsCompleteConstantRowsAndClassLabels() throws IOException {
        Path f = Files.writeString(dir.resolve("l.csv"), "1,0.5,2\n0,,1\n3,1,1\n1,2,2\n");
        Cli c = Cli.run("validate", "--for", "linear-learner", "--num-classes", "2", f.toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        assertEquals(List.of("2: record 1: feature 0 is missing (empty field or NaN); linear-learner needs every feature"
                + " value present and finite", "3: record 2: label 3 is not an integer in 0..1 (num_classes 2)"),
                lines(c));
        Cli x = Cli.run("validate", "--for", "xgboost", f.toString());
        assertEquals(0, x.code(), "xgboost reads an empty CSV field as missing: " + x.err());
        Cli fm = Cli.run("validate", "--for", "factorization-machines", f.toString());
        assertEquals(ExitCode.INVALID_DATA, fm.code());
        assertTrue(fm.err().contains("factorization-machines does not accept csv"), fm.err());
    }

    @Test
    void recordIoFloat64IsRefusedForLinearLearnerAndWidthMustBeConstant() throws IOException {
        Cli c = Cli.run("validate", "--for", "linear-learner",
                Golden.path("recordio/dense_f64_3x4_label_f64.pbr").toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        assertTrue(c.err().contains("linear-learner takes float32 tensors only"), c.err());
        Cli ok = Cli.run("validate", "--for", "linear-learner",
                Golden.path("recordio/dense_f32_5x4_label_f32.pbr").toString());
        assertEquals(0, ok.code(), ok.err());
        Cli dim = Cli.run("validate", "--for", "knn", "--feature-dim", "5",
                Golden.path("recordio/dense_f32_5x4_label_f32.pbr").toString());
        assertEquals(ExitCode.INVALID_DATA, dim.code());
        assertEquals(5, dim.err().lines().filter(l -> l.contains("record has 4 features, feature_dim is 5")).count(),
                dim.err());
        Cli kmeans = Cli.run("validate", "--for", "kmeans", Golden.path("recordio/dense_f32_3x4_nolabel.pbr").toString());
        assertEquals(0, kmeans.code(), kmeans.err());
        Cli knn = Cli.run("validate", "--for", "knn", Golden.path("recordio/dense_f32_3x4_nolabel.pbr").toString());
        assertEquals(ExitCode.INVALID_DATA, knn.code());
        assertEquals(3, knn.err().lines().filter(l -> l.contains("record has no label; knn needs one")).count());
    }

    @Test
    void deepArJsonFindsEveryInvalidRecordOfTheGoldenFile() {
        Path f = Golden.path("jsonlines/deepar/deepar_invalid_records.jsonl");
        JsonNode expected = Golden.json("jsonlines/deepar/deepar_invalid_records.jsonl.expected.json")
                .get("expected").get("per_line_errors");
        Cli c = Cli.run("validate", "--for", "deepar", f.toString());
        assertEquals(ExitCode.INVALID_DATA, c.code());
        List<String> got = lines(c);
        for (JsonNode e : expected) {
            int line = e.get("line").asInt();
            String code = e.get("error").asString().split(" ")[0];
            assertTrue(got.stream().anyMatch(g -> g.startsWith(line + ": ") && g.contains(code)),
                    "line " + line + " " + code + " in " + got);
        }
    }

    @Test
    void deepArCleanFileNeedsEnoughObservations() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < 3; s++) {
            sb.append("{\"start\": \"2020-01-01 00:00:00\", \"target\": [");
            for (int i = 0; i < 120; i++) {
                sb.append(i == 0 ? "" : ", ").append(i % 7 + s);
            }
            sb.append("], \"cat\": [").append(s % 2).append("]}\n");
        }
        Path f = Files.writeString(dir.resolve("d.jsonl"), sb);
        Cli ok = Cli.run("validate", "--for", "deepar", "--prediction-length", "24", "--time-freq", "H", f.toString());
        assertEquals(0, ok.code(), ok.err());
        Path small = Files.writeString(dir.resolve("s.jsonl"), "{\"start\": \"2020-01-01\", \"target\": [1, 2]}\n");
        Cli few = Cli.run("validate", "--for", "deepar", small.toString());
        assertEquals(ExitCode.INVALID_DATA, few.code());
        assertTrue(few.err().contains("TOO_FEW_OBSERVATIONS"), few.err());
    }

    @Test
    void object2VecBlazingTextAndImages() throws IOException {
        Cli o = Cli.run("validate", "--for", "object2vec",
                Golden.path("jsonlines/object2vec/o2v_train_classification.jsonl").toString());
        assertEquals(0, o.code(), o.err());
        Cli bad = Cli.run("validate", "--for", "object2vec",
                Golden.path("jsonlines/object2vec/o2v_invalid_records.jsonl").toString());
        assertEquals(ExitCode.INVALID_DATA, bad.code());

        Path txt = Files.writeString(dir.resolve("b.txt"), "__label__1 good\nno label here\n__label__2\n");
        Cli bt = Cli.run("validate", "--for", "blazingtext", "--from", "blazingtext", txt.toString());
        assertEquals(ExitCode.INVALID_DATA, bt.code());
        assertEquals(List.of("2: record 1: line has no __label__ token; supervised BlazingText needs one",
                "3: record 2: line has labels but no words"), lines(bt));
        Cli man = Cli.run("validate", "--for", "blazingtext",
                Golden.path("jsonlines/manifest/blazingtext_augmented_manifest.jsonl").toString());
        assertEquals(0, man.code(), man.err());

        Path multi = Golden.path("recordio/images_multi_label.rec");
        assertEquals(0, Cli.run("validate", "--for", "image-classification", multi.toString()).code());
        // The golden file's third record holds labels 0.25, -1.5 and 3: not class ids.
        Cli img = Cli.run("validate", "--for", "image-classification", "--num-classes", "2", multi.toString());
        assertEquals(ExitCode.INVALID_DATA, img.code());
        assertEquals(List.of(multi + ":140: record 2: label 0 is 0.25; expected an integer in 0..1 (num_classes 2)",
                multi + ":140: record 2: label 1 is -1.5; expected an integer in 0..1 (num_classes 2)",
                multi + ":140: record 2: label 2 is 3.0; expected an integer in 0..1 (num_classes 2)",
                "3 problem(s) found for image-classification"), img.err().lines().toList());
        Cli wrong = Cli.run("validate", "--for", "image-classification", "--num-classes", "1",
                Golden.path("recordio/images_single_label.rec").toString());
        assertEquals(ExitCode.INVALID_DATA, wrong.code());
    }

    /** Issue 16, item 1: a record lost to a damaged header must not be approved (nor inspected as "no problems"). */
    @Test
    void aRecordDroppedByFramingIsAProblem() throws IOException {
        byte[] d = Golden.bytes("recordio/dense_f32_5x4_label_f32.pbr").clone();
        d[62] ^= 0x40;
        Path f = Files.write(dir.resolve("damaged.pbr"), d);
        Cli v = Cli.run("validate", "--for", "linear-learner", f.toString());
        assertEquals(ExitCode.INVALID_DATA, v.code(), v.err());
        assertTrue(v.err().contains(f + ":60:"), v.err());
        Cli i = Cli.run("inspect", f.toString());
        assertFalse(i.out().contains("problems: none"), i.out());
    }

    /** Issue 16, item 3: a sparse shape of 2^64-1 is an error, not a row of width 1. */
    @Test
    void aShapeBeyondTheColumnsOfARowIsReported() throws IOException {
        Path f = Files.write(dir.resolve("huge.pbr"), java.util.HexFormat.of().parseHex(
                "0a23d7ce370000000a210a0676616c756573121712150a040000803f1201001a0affffffffff"
                        + "ffffffff0112120a0676616c756573120812060a040000803f00"));
        Cli v = Cli.run("validate", "--for", "linear-learner", f.toString());
        assertEquals(ExitCode.INVALID_DATA, v.code(), v.err());
        assertTrue(v.err().contains("shape [18446744073709551615]"), v.err());
        Cli c = Cli.run("convert", "--to", "csv", f.toString(), "-o", dir.resolve("out.csv").toString());
        assertTrue(c.code() != 0, c.err());
        assertFalse(Files.exists(dir.resolve("out.csv")), "nothing is published");
    }

    /**
     * Issue 16, item 2: piped input (size 0, readable once) was read as empty and approved. A named pipe stands for
     * /dev/stdin and a shell's process substitution.
     */
    @Test
    void pipedInputIsStreamedAndAConversionThatNeedsTwoPassesRefusesIt() throws Exception {
        Path pipe = dir.resolve("in.pipe");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        java.util.concurrent.ExecutorService feeder = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            feeder.submit(() -> Files.writeString(pipe, "junk\n"));
            Cli bad = Cli.run("validate", "--from", "libsvm", "--for", "xgboost", pipe.toString());
            assertEquals(ExitCode.INVALID_DATA, bad.code(), bad.err());
            assertTrue(bad.err().contains("expected a number as label, found 'junk'"), bad.err());

            feeder.submit(() -> Files.writeString(pipe, "1 1:1\n0 2:3\n"));
            Cli ok = Cli.run("validate", "--from", "libsvm", "--for", "xgboost", pipe.toString());
            assertEquals(0, ok.code(), ok.err());
            assertTrue(ok.err().contains("OK: 2 record(s)"), ok.err());

            Path out = dir.resolve("o.csv");
            Cli twoPass = Cli.run("convert", "--from", "libsvm", "--to", "csv", pipe.toString(), "-o", out.toString());
            assertEquals(ExitCode.USAGE, twoPass.code(), twoPass.err());
            assertTrue(twoPass.err().contains("can be read only once"), twoPass.err());
            assertFalse(Files.exists(out));

            feeder.submit(() -> Files.writeString(pipe, "1 1:1\n0 2:3\n"));
            Cli onePass = Cli.run("convert", "--from", "libsvm", "--to", "csv", "--index-base", "zero",
                    "--num-features", "3", pipe.toString(), "-o", out.toString());
            assertEquals(0, onePass.code(), onePass.err());
            assertEquals(List.of("1,,1,", "0,,,3"), Files.readAllLines(out));
        } finally {
            feeder.shutdownNow();
        }
    }
}
