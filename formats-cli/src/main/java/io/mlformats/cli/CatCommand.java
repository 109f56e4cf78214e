package io.mlformats.cli;

import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.handler.CatOutput;
import io.mlformats.cli.handler.Handlers;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlformats cat}: every record as one canonical JSON object per line (each format's handler prints it). */
@Command(name = "cat", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Print every record of INPUT as one JSON object per line (canonical form, see README).",
                "Errors go to stderr as file:line:offset: message, with a non-zero exit code."},
        footer = {"", "Examples:", "  mlformats cat train.libsvm | head -3", "  mlformats cat train.pbr | jq .label"})
final class CatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReadFlags read;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Input file, a directory (its files, in name "
            + "order) or - for standard input (needs --from).")
    Path input;

    @Override
    public Integer call() throws Exception {
        List<Path> files = Inputs.expand(List.of(input));
        Format f = Inputs.format(files.get(0), read.from);
        CatOutput out = new CatOutput(new WriterStream(spec.commandLine().getOut()));
        ConvertOptions o = read.options(false);
        long skipped = 0;
        for (Path file : files) {
            Format g = Inputs.format(file, read.from);
            if (g != f) {
                throw UserException.usage(file + " is " + g + " but " + files.get(0) + " is " + f);
            }
            ReadStats stats;
            try {
                stats = Handlers.of(f).cat(file, o, out);
            } finally {
                out.flush(); // what was read before an error is printed
            }
            for (FormatException e : stats.errors()) {
                spec.commandLine().getErr().println(Main.inCliWords(e.getMessage()));
            }
            skipped += stats.skipped();
        }
        return skipped > 0 ? ExitCode.INVALID_DATA : ExitCode.OK;
    }
}
