package io.mlformats.cli;

import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.Conversions;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.DeepArParquetReadOptions;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.jsonlines.JsonTextWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
@Command(name = "inspect", sortOptions = false,
        description = {"Describe INPUT (a file, or a directory of shards): format, records, feature width, nnz, "
                + "labels, dtype, shards and problems found. Bad records are counted, not fatal."},
        footer = {"", "Examples:", "  mlformats inspect train.pbr", "  mlformats inspect --json out/"})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReadFlags read;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Parameters(index = "0", paramLabel = "INPUT", description = "File or directory of shards.")
    Path input;

    /** What a record is called when the input is not feature rows ("series", "pairs", ...). */
    private String noun = "series";

    @Override
    public Integer call() throws Exception {
        List<Path> files = Inputs.expand(List.of(input));
        if (files.isEmpty()) {
            throw UserException.usage(input + ": no files to inspect");
        }
        Format f = Inputs.format(files.get(0), read.from);
        RowStats stats = new RowStats();
        List<String> problems = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        ValueType type = null;
        long skipped = 0;
        ConvertOptions o = ConvertOptions.reading(read.lenient, true, read.multiLabel);
        long series = -1;
        try (Progress progress = Progress.start(spec.commandLine().getErr(), read.quiet, "inspect")) {
            for (Path file : files) {
                Format g = Inputs.format(file, read.from);
                if (g != f) {
                    problems.add(file + ": format " + g + " differs from " + f + " of " + files.get(0));
                    continue;
                }
                if (f == Format.PARQUET && ParquetTables.isDeepAr(file)) {
                    try (DeepArParquetReader r = DeepArParquetReader.open(file, DeepArParquetReadOptions.defaults().withRead(o.readOptions()))) {
                        series = Math.max(series, 0);
                        while (r.next()) {
                            series++;
                        }
                        skipped += collect(r.stats(), problems);
                    }
                    facts.add("DeepAR table: start, target" + " columns");
                    continue;
                }
                if (!Conversions.TABULAR.contains(f)) {
                    noun = Documents.noun(f);
                    try (io.mlformats.core.RecordReader<?> r = Documents.open(f, file, o)) {
                        series = Math.max(series, 0);
                        while (r.next()) {
                            series++;
                        }
                        skipped += collect(r.stats(), problems);
                    }
                    continue;
                }
                try (RowSource src = Conversions.openRows(f, file, o)) {
                    type = src.valueType();
                    if (facts.isEmpty()) {
                        facts.addAll(src.describe());
                    }
                    while (src.next()) {
                        stats.add(src.current());
                        if ((stats.records & 4095) == 0) {
                            progress.update(src.bytesRead(), src.bytesTotal(), stats.records);
                        }
                    }
                    skipped += collect(src.stats(), problems);
                }
            }
        }
        if (stats.nonFiniteLabels > 0) {
            problems.add(stats.nonFiniteLabels + " label(s) are NaN or infinite");
        }
        if (stats.unlabelled > 0 && stats.unlabelled < stats.records) {
            problems.add(stats.unlabelled + " of " + stats.records + " record(s) have no label");
        }
        if (json) {
            printJson(f, files, stats, type, facts, problems, skipped, series);
        } else {
            printText(f, files, stats, type, facts, problems, skipped, series);
        }
        return ExitCode.OK;
    }

    private static long collect(ReadStats s, List<String> problems) {
        for (FormatException e : s.errors()) {
            problems.add(e.getMessage());
        }
        if (s.skipped() > s.errors().size()) {
            problems.add("... and " + (s.skipped() - s.errors().size()) + " more bad record(s)");
        }
        return s.skipped();
    }

    private void printText(Format f, List<Path> files, RowStats s, ValueType type, List<String> facts,
                           List<String> problems, long skipped, long series) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("input:     " + input);
        out.println("format:    " + f);
        if (files.size() > 1 || !files.get(0).equals(input)) {
            out.println("shards:    " + files.size());
        }
        if (series >= 0) {
            out.println(String.format(Locale.ROOT, "%-11s", noun + ":") + series);
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
        for (String fact : facts) {
            out.println("           " + fact);
        }
        out.println("problems:  " + (problems.isEmpty() ? "none" : problems.size()));
        for (String p : problems) {
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

    private void printJson(Format f, List<Path> files, RowStats s, ValueType type, List<String> facts,
                           List<String> problems, long skipped, long series) throws java.io.IOException {
        JsonTextWriter j = new JsonTextWriter(new WriterStream(spec.commandLine().getOut()));
        j.beginObject().key("input").value(input.toString()).key("format").value(f.cliName())
                .key("shards").value((long) files.size());
        if (series >= 0) {
            j.key(noun).value(series);
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
        for (String fact : facts) {
            j.value(fact);
        }
        j.endArray();
        j.key("problems").beginArray();
        for (String p : problems) {
            j.value(p);
        }
        j.endArray().endObject();
        j.endLine();
        j.flush();
    }
}
