package io.mlformats.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.testkit.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Campaign targets for the CLI's {@code validate} and {@code inspect} (regression mode in every build;
 * JAZZER_FUZZ=1 to fuzz), run in-process on a temporary file as the other CLI tests do. Invariants: no input ends
 * in an internal error (exit 4: an exception the CLI did not expect), and what {@code validate} approves or
 * {@code inspect} reports without problems, {@code cat} reads in full: exit 0 and one output line per counted
 * record. The last input bytes pick the file name's extension, {@code --from} (or detection) and, for validate,
 * the algorithm; the rest is the file.
 */
class CliFuzzTest {
    private static final Pattern OK = Pattern.compile("^OK: (\\d+) record\\(s\\) valid for .*$", Pattern.MULTILINE);
    private static final String[] EXTENSIONS = {"", ".libsvm", ".csv", ".pbr", ".rec", ".parquet", ".jsonl",
        ".txt", ".manifest", ".gz"};

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/cli.dict")
    void validateApprovesOnlyWhatCatReads(FuzzedDataProvider d) throws IOException {
        Algorithm algorithm = Algorithm.values()[(d.consumeByte() & 0xff) % Algorithm.values().length];
        Input in = Input.of(d);
        try {
            List<String> args = in.args("validate", "--for", algorithm.cliName());
            Cli v = Cli.run(args.toArray(String[]::new));
            notInternal(v, args, in);
            if (v.code() == ExitCode.OK) {
                Matcher m = OK.matcher(v.err());
                if (!m.find()) {
                    throw new AssertionError("validate exited 0 without 'OK: N record(s)': " + v.err());
                }
                catReadsAll(in, Long.parseLong(m.group(1)), "validate " + algorithm.cliName() + " approved");
            }
        } finally {
            in.delete();
        }
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/cli.dict")
    void inspectCountsWhatCatReads(FuzzedDataProvider d) throws IOException {
        Input in = Input.of(d);
        try {
            List<String> args = in.args("inspect", "--json");
            Cli c = Cli.run(args.toArray(String[]::new));
            notInternal(c, args, in);
            if (c.code() == ExitCode.OK) {
                JsonNode j = Golden.parseJson(c.out());
                if (j.get("problems").isEmpty() && (j.get("skipped") == null || j.get("skipped").asLong() == 0)) {
                    catReadsAll(in, count(j), "inspect reported no problem");
                }
            }
        } finally {
            in.delete();
        }
    }

    /** The record count of {@code inspect --json}: {@code records}, or the format's noun (series, pairs, ...). */
    private static long count(JsonNode j) {
        if (j.has("records")) {
            return j.get("records").asLong();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = j.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isIntegralNumber() && !e.getKey().equals("shards")) {
                return e.getValue().asLong();
            }
        }
        throw new AssertionError("no record count in " + j);
    }

    private static void catReadsAll(Input in, long records, String why) {
        List<String> args = in.args("cat", "-q");
        Cli cat = Cli.run(args.toArray(String[]::new));
        long lines = cat.out().lines().count();
        if (cat.code() != ExitCode.OK || lines != records) {
            throw new AssertionError(why + " " + records + " record(s) of " + in + ", but cat exited " + cat.code()
                    + " with " + lines + " line(s): " + cat.err());
        }
    }

    /** Fails on an internal error (exit 4: an exception the CLI did not expect). */
    private static void notInternal(Cli c, List<String> args, Input in) {
        if (c.code() == ExitCode.INTERNAL) {
            throw new AssertionError("internal error (exit 4) for " + args + " on " + in + ": " + c.err());
        }
    }

    /** The fuzzer's file, its name and the reading flags. */
    private record Input(Path dir, Path file, Format from, boolean lenient) {
        static Input of(FuzzedDataProvider d) throws IOException {
            int flags = d.consumeByte() & 0xff;
            int format = (d.consumeByte() & 0xff) % (Format.values().length + 1);
            Path dir = Files.createTempDirectory("fuzz");
            Path file = Files.write(dir.resolve("input" + EXTENSIONS[(flags & 0x7f) % EXTENSIONS.length]),
                    d.consumeRemainingAsBytes());
            return new Input(dir, file, format == 0 ? null : Format.values()[format - 1], (flags & 0x80) != 0);
        }

        List<String> args(String... verb) {
            List<String> a = new ArrayList<>(List.of(verb));
            if (from != null) {
                a.add("--from");
                a.add(from.cliName());
            }
            if (lenient) {
                a.add("--lenient");
            }
            a.add(file.toString());
            return a;
        }

        void delete() throws IOException {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
