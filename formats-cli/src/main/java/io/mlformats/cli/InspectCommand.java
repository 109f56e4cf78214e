package io.mlformats.cli;

import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.handler.FormatHandler;
import io.mlformats.cli.handler.Handlers;
import io.mlformats.cli.handler.Inspection;
import io.mlformats.cli.handler.RowStats;
import io.mlformats.core.vector.ValueType;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlformats inspect}: what a file (or a directory of shards) holds, and the problems in it. */
@Command(name = "inspect", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Describe INPUT (a file, or a directory of shards): format, records, feature width, nnz, "
                + "labels, dtype, shards and problems found. Bad records are counted, not fatal; the exit code is 1 "
                + "when problems were found, 0 when none."},
        footer = {"", "Examples:", "  mlformats inspect train.pbr", "  mlformats inspect --json out/"})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReadFlags read;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Parameters(index = "0", paramLabel = "INPUT", description = "File, directory of shards, or - for standard "
            + "input (with --from).")
    Path input;

    @Override
    public Integer call() throws Exception {
        List<Path> files = Inputs.expand(List.of(input));
        Format f = Inputs.format(files.get(0), read.from);
        FormatHandler handler = Handlers.of(f);
        ConvertOptions o = read.options(true);
        Inspection in;
        try (Progress progress = Progress.start(spec.commandLine().getErr(), read.quiet, "inspect")) {
            in = new Inspection(progress);
            for (Path file : files) {
                Format g = Inputs.format(file, read.from);
                if (g != f) {
                    in.problem(file + ": format " + g + " differs from " + f + " of " + files.get(0));
                    continue;
                }
                try {
                    handler.inspect(file, o, in);
                } catch (io.mlformats.core.FormatException e) {
                    // Damage a reader cannot read past (framing, gzip, a Parquet footer) ends this file's
                    // reading; it is a problem of the report like a bad record, not the end of the report.
                    in.problem(Main.inCliWords(e.getMessage()) + " (the rest of " + Inputs.name(file) + " was not read)");
                }
            }
        }
        RowStats stats = in.rows();
        if (stats.nonFiniteLabels > 0) {
            in.problem(stats.nonFiniteLabels + " label(s) are NaN or infinite");
        }
        if (stats.unlabelled > 0 && stats.unlabelled < stats.records) {
            in.problem(stats.unlabelled + " of " + stats.records + " record(s) have no label");
        }
        if (json) {
            printJson(f, files, in);
        } else {
            printText(f, files, in);
        }
        // The report is printed whatever it found; the exit code says whether it found problems (as validate's).
        return in.problems().isEmpty() ? ExitCode.OK : ExitCode.INVALID_DATA;
    }

    private void printText(Format f, List<Path> files, Inspection in) {
        RowStats s = in.rows();
        ValueType type = in.type();
        long skipped = in.skipped();
        long series = in.documents();
        PrintWriter out = spec.commandLine().getOut();
        out.println("input:     " + input);
        out.println("format:    " + f);
        if (files.size() > 1 || !files.get(0).equals(input)) {
            out.println("shards:    " + files.size());
        }
        if (series >= 0) {
            out.println(String.format(Locale.ROOT, "%-11s", in.noun() + ":") + series);
        } else {
            out.println("records:   " + s.records + (skipped > 0 ? " (+" + skipped + " bad, skipped)" : ""));
            out.println("dtype:     " + (type == null ? "-" : type == ValueType.FLOAT32 ? "float32" : "float64"));
            out.println("features:  width " + (s.records == 0 ? 0 : s.maxWidth)
                    + (s.records > 0 && s.minWidth != s.maxWidth ? " (rows vary: " + s.minWidth + ".." + s.maxWidth + ")" : "")
                    + ", " + (s.sparseRows > 0 ? "sparse" : "dense"));
            if (s.records > 0) {
                out.println(String.format(Locale.ROOT, "nnz:       min %d, mean %.2f, max %d, total %d",
                        s.nnzMin, s.nnzMean(), s.nnzMax, s.nnzTotal));
            }
            out.println("labels:    " + labelsText(s));
            if (s.weighted > 0) {
                out.println("weights:   " + s.weighted + " record(s) weighted");
            }
        }
        for (String fact : in.facts()) {
            out.println("           " + fact);
        }
        out.println("problems:  " + (in.problems().isEmpty() ? "none" : in.problems().size()));
        for (String p : in.problems()) {
            out.println("  " + p);
        }
        out.flush();
    }

    private static String labelsText(RowStats s) {
        if (s.records == 0 || s.unlabelled == s.records) {
            return "none";
        }
        if (s.labelsContinuous) {
            return String.format(Locale.ROOT, "continuous, min %s, max %s", num(s.labelMin), num(s.labelMax));
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Double, Long> e : s.labelCounts().entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(num(e.getKey())).append(": ").append(e.getValue());
        }
        return sb.append(s.multiLabel > 0 ? " (" + s.multiLabel + " multi-label rows)" : "").toString();
    }

    private static String num(double v) {
        return io.mlformats.core.text.NumberFormatter.toString(v);
    }

    private void printJson(Format f, List<Path> files, Inspection in) throws java.io.IOException {
        RowStats s = in.rows();
        ValueType type = in.type();
        long skipped = in.skipped();
        long series = in.documents();
        JsonTextWriter j = new JsonTextWriter(new WriterStream(spec.commandLine().getOut()));
        j.beginObject().key("input").value(input.toString()).key("format").value(f.cliName())
                .key("shards").value((long) files.size());
        if (series >= 0) {
            j.key(in.noun()).value(series);
        } else {
            j.key("records").value(s.records).key("skipped").value(skipped)
                    .key("dtype").value(type == null ? null : type == ValueType.FLOAT32 ? "float32" : "float64")
                    .key("feature_width").value(s.records == 0 ? 0 : s.maxWidth)
                    .key("sparse").value(s.sparseRows > 0);
            j.key("nnz").beginObject().key("min").value(s.records == 0 ? 0 : s.nnzMin)
                    .key("mean").value(s.nnzMean()).key("max").value(s.nnzMax).key("total").value(s.nnzTotal)
                    .endObject();
            j.key("labels").beginObject().key("unlabelled").value(s.unlabelled)
                    .key("continuous").value(s.labelsContinuous);
            if (s.records > s.unlabelled) {
                j.key("min").value(s.labelMin).key("max").value(s.labelMax);
            }
            j.key("counts").beginObject();
            for (Map.Entry<Double, Long> e : s.labelCounts().entrySet()) {
                j.key(num(e.getKey())).value(e.getValue());
            }
            j.endObject().endObject();
            j.key("weighted").value(s.weighted);
        }
        j.key("details").beginArray();
        for (String fact : in.facts()) {
            j.value(fact);
        }
        j.endArray();
        j.key("problems").beginArray();
        for (String p : in.problems()) {
            j.value(p);
        }
        j.endArray().endObject();
        j.endLine();
        j.flush();
    }
}
