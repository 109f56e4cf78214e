package io.mlformats.cli;

import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.Conversions;
import io.mlformats.cli.convert.IndexBase;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.core.FormatException;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.parquet.DeepArParquetSeries;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlformats cat}: every record as one canonical JSON object per line. */
@Command(name = "cat", sortOptions = false,
        description = {"Print every record of INPUT as one JSON object per line (canonical form, see README).",
                "Errors go to stderr as file:line:offset: message, with a non-zero exit code."},
        footer = {"", "Example:", "  mlformats cat train.parquet | head -3"})
final class CatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReadFlags read;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Input file.")
    Path input;

    @Override
    public Integer call() throws Exception {
        Format f = Inputs.format(Inputs.expand(java.util.List.of(input)).get(0), read.from);
        JsonOut j = new JsonOut(new WriterStream(spec.commandLine().getOut()));
        ConvertOptions o = new ConvertOptions(IndexBase.ZERO, 0, null, null, null, null, false, 1, read.lenient,
                read.skipErrors);
        long skipped;
        if (f == Format.PARQUET && ParquetTables.isDeepAr(input)) {
            try (DeepArParquetReader r = DeepArParquetReader.open(input, o.readOptions())) {
                while (r.next()) {
                    SeriesJson.write(j, r.current());
                }
                skipped = report(r.stats());
            }
        } else if (Conversions.TABULAR.contains(f)) {
            try (RowSource src = Conversions.openRows(f, input, o)) {
                while (src.next()) {
                    RowJson.write(j, src.current(), src.valueType());
                }
                skipped = report(src.stats());
            }
        } else {
            throw UserException.notAvailable(f, "reading");
        }
        j.flush();
        return skipped > 0 ? ExitCode.INVALID_DATA : ExitCode.OK;
    }

    private long report(io.mlformats.core.ReadStats stats) {
        for (FormatException e : stats.errors()) {
            spec.commandLine().getErr().println(e.getMessage());
        }
        return stats.skipped();
    }

    /** DeepAR series in their JSON Lines form. */
    static final class SeriesJson {
        private SeriesJson() {
        }

        static void write(JsonOut j, DeepArParquetSeries s) throws java.io.IOException {
            j.beginObject().name("start").value(s.start()).name("target").beginArray();
            for (double v : s.target()) {
                j.value(v);
            }
            j.endArray();
            if (s.cat() != null) {
                j.name("cat").beginArray();
                for (long c : s.cat()) {
                    j.value(c);
                }
                j.endArray();
            }
            if (s.dynamicFeat() != null) {
                j.name("dynamic_feat").beginArray();
                for (double[] row : s.dynamicFeat()) {
                    j.beginArray();
                    for (double v : row) {
                        j.value(v);
                    }
                    j.endArray();
                }
                j.endArray();
            }
            j.endObject();
            j.endLine();
        }
    }
}
