package io.mlformats.cli;

import io.mlformats.cli.convert.Cleanup;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.Converter;
import io.mlformats.cli.convert.DocumentConversions;
import io.mlformats.cli.convert.IndexBase;
import io.mlformats.cli.convert.RowSink;
import io.mlformats.cli.convert.ShardedRowSink;
import io.mlformats.cli.convert.SinkFactory;
import io.mlformats.cli.handler.DocumentConversion;
import io.mlformats.cli.handler.Handlers;
import io.mlformats.core.FormatException;
import io.mlformats.core.vector.ValueType;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlformats convert}: one format into another, streaming, atomic output, optional sharding. */
@Command(name = "convert", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Convert INPUT... (concatenated) into OUTPUT in another format.",
                "Tabular formats convert to each other (libsvm, csv, recordio-protobuf, parquet); deepar <-> parquet; "
                        + "blazingtext <-> manifest. The output appears only when the conversion succeeded."},
        footer = {"", "Examples:",
                "  mlformats convert --to recordio-protobuf train.libsvm -o train.pbr",
                "  mlformats convert --to parquet --dense --num-features 127 train.libsvm -o train.parquet",
                "  mlformats convert --to recordio-protobuf --max-records-per-shard 100000 big.libsvm -o out/"})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = ReadFlags.FormatConverter.class,
            description = "Output format: libsvm, csv, recordio-protobuf, parquet, deepar, blazingtext, manifest.")
    Format to;

    @Mixin
    ReadFlags read;

    @Option(names = "--for", paramLabel = "ALGORITHM", converter = ValidateCommand.AlgorithmConverter.class,
            description = "The algorithm the output is for (names as validate --for): its rules decide how absent "
                    + "sparse entries are written to CSV (xgboost: empty = missing; linear-learner, "
                    + "factorization-machines, knn, kmeans, pca: 0). Default: absent entries stay missing (empty).")
    Algorithm algorithm;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Input files (a directory: its files, sorted; "
            + "- for standard input, with --from).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "Output file, or directory when sharding.")
    Path output;

    @Option(names = "--index-base", paramLabel = "zero|one|auto", defaultValue = "zero",
            converter = IndexBaseConverter.class,
            description = "Numbering of sparse input indices (default: ${DEFAULT-VALUE}); output is 0-based.")
    IndexBase indexBase;

    @Option(names = "--num-features", paramLabel = "N", defaultValue = "0",
            description = "Number of features (required for dense output of sparse input when not declared).")
    long numFeatures;

    @ArgGroup(exclusive = true)
    Density density;

    static final class Density {
        @Option(names = "--dense", description = "Write dense feature vectors.")
        boolean dense;
        @Option(names = "--sparse", description = "Write sparse feature vectors.")
        boolean sparse;
    }

    @Option(names = "--dtype", paramLabel = "float32|float64", converter = DtypeConverter.class,
            description = "Feature value type of the output (default: float32 for recordio-protobuf, else as read).")
    ValueType dtype;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "Label column (Parquet name, CSV 0-based index; 'none' for no label).")
    String labelColumn;

    @Option(names = "--weight-column", paramLabel = "NAME", description = "Weight column (Parquet name, CSV index).")
    String weightColumn;

    @ArgGroup(exclusive = true)
    Sharding sharding;

    static final class Sharding {
        @Option(names = "--shards", paramLabel = "N",
                description = "Write N shards part-00000.<ext>... in OUTPUT/ (records dealt round-robin).")
        Integer shards;
        @Option(names = "--max-records-per-shard", paramLabel = "N",
                description = "Write shards of at most N consecutive records in OUTPUT/.")
        Long maxPerShard;
    }

    @Option(names = "--force",
            description = "Replace OUTPUT if it exists (without it an existing OUTPUT is refused, exit 3). With "
                    + "--shards/--max-records-per-shard: replace a directory that holds only shard files (part-*).")
    boolean force;

    @Option(names = "--gzip", description = "Gzip the output (text and RecordIO formats); adds .gz to shard names.")
    boolean gzip;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads (accepted; this build converts on one streaming thread: reading, "
                    + "converting and writing are one pass over the bytes).")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw UserException.usage("--threads must be >= 1");
        }
        ConvertOptions o = new ConvertOptions(indexBase, numFeatures,
                density == null ? null : density.dense ? Boolean.TRUE : Boolean.FALSE, dtype, labelColumn,
                weightColumn, gzip, threads, read.lenient, read.skipErrors, read.multiLabel, read.skipHeader,
                algorithm == null ? null : algorithm.tabular(), read.limits());
        List<Path> files = Inputs.expand(inputs);
        if (files.isEmpty()) {
            throw UserException.usage("no input files");
        }
        Format from = Inputs.format(files.get(0), read.from);
        for (Path f : files.subList(1, files.size())) {
            Format g = Inputs.format(f, read.from);
            if (g != from) {
                throw UserException.usage(f + " is " + g + " but " + files.get(0) + " is " + from);
            }
        }
        Handlers.Conversion c = Handlers.conversion(from, to);
        if (algorithm != null && (!c.rows() || algorithm.tabular() == null)) {
            throw UserException.usage("--for applies to feature-row conversions for xgboost, linear-learner, "
                    + "factorization-machines, knn, kmeans or pca, not " + from + " -> " + to + " for "
                    + algorithm.cliName());
        }
        if (algorithm != null && !Handlers.accepting(algorithm).contains(to)) {
            throw UserException.usage(algorithm.cliName() + " does not accept " + to + " (accepts "
                    + Handlers.accepting(algorithm) + ")");
        }
        c.to().checkOutput(o);
        if (sharding == null && !force && Files.exists(output)) {
            throw new UserException(ExitCode.IO, "output exists: " + output + " (use --force to replace it)");
        }
        PrintWriter err = spec.commandLine().getErr();
        long[] counts = c.rows() ? rows(c, files, o, err) : documents(c.document(), files, o, err);
        if (!read.quiet) {
            err.println("converted " + counts[0] + " record(s) from " + from + " to " + to + " -> " + output
                    + (counts[1] > 0 ? "; skipped " + counts[1] + " bad record(s)" : ""));
        }
        return ExitCode.OK;
    }

    /**
     * Feature rows from every input into one sink (or shards), committed only if everything succeeded
     * ({@link Converter#copyAll}).
     *
     * @return records converted and records skipped
     */
    private long[] rows(Handlers.Conversion c, List<Path> files, ConvertOptions options, PrintWriter err)
            throws Exception {
        ConvertOptions o = c.from().resolve(to, files, options);
        long[] counts = new long[2];
        try (Progress progress = Progress.start(err, read.quiet, "convert")) {
            counts[0] = Converter.copyAll(files, file -> c.from().openRows(file, o),
                    first -> Cleanup.process().register(
                            openSink(c.to().rowSinks(o, first.valueType(), first.declaredWidth())), refused()),
                    progress, src -> {
                        counts[1] += src.stats().skipped();
                        if (!read.quiet) {
                            for (FormatException e : src.stats().errors()) {
                                err.println(Main.inCliWords(e.getMessage()));
                            }
                        }
                    });
        }
        return counts;
    }

    /**
     * The single output file that must still not exist when it is published (checked again then, while this
     * process holds the output's lock, so another convert that published meanwhile is not overwritten), or null.
     */
    private Path refused() {
        return sharding == null && !force ? output : null;
    }

    private RowSink openSink(SinkFactory factory) throws java.io.IOException {
        String suffix = to.extension() + (gzip ? ".gz" : "");
        if (sharding != null && sharding.shards != null) {
            return ShardedRowSink.roundRobin(output, factory, suffix, sharding.shards, force);
        }
        if (sharding != null && sharding.maxPerShard != null) {
            return ShardedRowSink.contiguous(output, factory, suffix, sharding.maxPerShard, force);
        }
        return factory.open(output);
    }

    /** DeepAR JSON Lines <-> Parquet, BlazingText text <-> manifest: one output file, no sharding. */
    private long[] documents(DocumentConversion d, List<Path> files, ConvertOptions o, PrintWriter err)
            throws Exception {
        if (sharding != null) {
            throw UserException.usage("--shards and --max-records-per-shard apply to feature-row conversions "
                    + "(libsvm, csv, recordio-protobuf, parquet)");
        }
        long[] counts = new long[2];
        List<Cleanup.Guard> guards = new ArrayList<>();
        DocumentConversions.Listener listener = new DocumentConversions.Listener() {
            @Override
            public Cleanup.Guard output(RowSink abortable) {
                Cleanup.Guard g = Cleanup.process().register(abortable, refused());
                guards.add(g);
                return g;
            }

            @Override
            public void finished(io.mlformats.core.ReadStats stats) {
                counts[1] += stats.skipped();
                if (!read.quiet) {
                    for (FormatException e : stats.errors()) {
                        err.println(Main.inCliWords(e.getMessage()));
                    }
                }
            }
        };
        try {
            counts[0] = d.run().convert(files, output, o, listener);
        } finally {
            for (Cleanup.Guard g : guards) {
                g.close();
            }
        }
        return counts;
    }

    static final class IndexBaseConverter implements picocli.CommandLine.ITypeConverter<IndexBase> {
        @Override
        public IndexBase convert(String v) {
            return switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "zero", "0" -> IndexBase.ZERO;
                case "one", "1" -> IndexBase.ONE;
                case "auto" -> IndexBase.AUTO;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected zero, one or auto, got '" + v + "'");
            };
        }
    }

    static final class DtypeConverter implements picocli.CommandLine.ITypeConverter<ValueType> {
        @Override
        public ValueType convert(String v) {
            return switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "float32", "f32", "float" -> ValueType.FLOAT32;
                case "float64", "f64", "double" -> ValueType.FLOAT64;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected float32 or float64, got '" + v + "'");
            };
        }
    }
}
