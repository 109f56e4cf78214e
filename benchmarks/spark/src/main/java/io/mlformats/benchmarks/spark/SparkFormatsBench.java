package io.mlformats.benchmarks.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import io.mlformats.benchmarks.spark.Interleaved.Result;
import io.mlformats.benchmarks.spark.Interleaved.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Spark benchmark (design: the project's Spark notes, section F): mlformats' data sources and SQL functions
 * against Spark's own {@code libsvm} source and a sagemaker-spark-like writer ({@link SageMakerSparkLikeFormat}),
 * in one JVM, at {@code local[1]} and {@code local[2]}, 2 warm-up + 7 measured passes per variant with the variants
 * of a group interleaved; medians, ratios, rows/s, MB/s, GC time, allocation and output bytes, printed as Markdown.
 *
 * <pre>
 *   benchmarks/spark-bench.sh [--rows N] [--dense-rows N] [--masters local[1],local[2]] [--warmup 2] [--passes 7]
 *                             [--dir bench-data/spark] [--groups read,write,udf] [--report FILE]
 * </pre>
 *
 * Groups: {@code read} (sparse and dense files into the {@code noop} sink), {@code write} (a cached DataFrame into
 * files; our RecordIO-protobuf part files are checked byte for byte against the sagemaker-spark-like writer's),
 * {@code udf} ({@code to_recordio_protobuf}, {@code to_libsvm} into {@code noop}, and the allocation of
 * {@code to_recordio_protobuf} per row against its output bytes).
 */
public final class SparkFormatsBench {
    private final Settings s;
    private final BenchData data;
    private final StringBuilder report = new StringBuilder();
    private final List<String> identity = new ArrayList<>();
    private boolean identical = true;

    /**
     * The command line.
     *
     * @param rows rows of the sparse "video attributes" set
     * @param denseRows rows of the dense set
     * @param masters Spark masters, one session each, in turn
     * @param warmup warm-up rounds
     * @param passes measured rounds
     * @param dir where the input files are kept (and outputs written, under {@code out/})
     * @param groups the groups to run
     * @param reportFile where the Markdown report is written, or null
     * @param seed the data's seed
     */
    record Settings(long rows, long denseRows, List<String> masters, int warmup, int passes, Path dir,
                    List<String> groups, Path reportFile, long seed) {
        static Settings parse(String... args) {
            long rows = 1_000_000;
            long dense = -1;
            List<String> masters = List.of("local[1]", "local[2]");
            int warmup = 2;
            int passes = 7;
            Path dir = Path.of("bench-data/spark");
            List<String> groups = List.of("read", "write", "udf");
            Path report = null;
            long seed = 42;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + args[i]);
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--rows" -> rows = Long.parseLong(v.replace("_", ""));
                    case "--dense-rows" -> dense = Long.parseLong(v.replace("_", ""));
                    case "--masters" -> masters = List.of(v.split(","));
                    case "--warmup" -> warmup = Integer.parseInt(v);
                    case "--passes" -> passes = Integer.parseInt(v);
                    case "--dir" -> dir = Path.of(v);
                    case "--groups" -> groups = List.of(v.split(","));
                    case "--report" -> report = Path.of(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (passes < 1 || warmup < 0 || rows < 1) {
                throw new IllegalArgumentException("--passes >= 1, --warmup >= 0, --rows >= 1");
            }
            return new Settings(rows, dense >= 0 ? dense : Math.max(1, rows / 4), masters, warmup, passes, dir,
                    groups, report, seed);
        }
    }

    SparkFormatsBench(Settings s) {
        this.s = s;
        this.data = new BenchData(s.dir(), s.rows(), s.denseRows(), s.seed());
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws Exception if a pass fails or the byte-identity check fails
     */
    public static void main(String[] args) throws Exception {
        SparkFormatsBench b = new SparkFormatsBench(Settings.parse(args));
        String md = b.run();
        System.out.println();
        System.out.println(md);
        if (!b.identical) {
            System.err.println("FAILED: our RecordIO-protobuf part files differ from the sagemaker-spark-like writer's");
            System.exit(1);
        }
    }

    /** Generates the data if needed, runs every master and group; returns the Markdown report. */
    String run() throws Exception {
        long t0 = System.nanoTime();
        data.generate();
        line("Spark benchmark, %s; java %s, %d CPUs; data generated in %.1f s (cached across runs)",
                Instant.now().toString().substring(0, 16).replace('T', ' '), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t0) / 1e9);
        line("");
        line("- sparse \"video attributes\": %,d rows x %,d dims, LibSVM 1-based %s, 0-based %s, RecordIO-protobuf %s",
                s.rows(), BenchData.DIMS, mb(data.sparseOneBased()), mb(data.sparseZeroBased()),
                mb(data.sparseRecordIo()));
        line("- dense: %,d rows x %d, LibSVM 1-based %s, RecordIO-protobuf %s", s.denseRows(), BenchData.DENSE_DIMS,
                mb(data.denseOneBased()), mb(data.denseRecordIo()));
        line("- %d warm-up + %d measured passes per variant, interleaved; medians", s.warmup(), s.passes());
        for (String master : s.masters()) {
            SparkSession spark = session(master);
            try {
                line("");
                line("### %s", master);
                if (s.groups().contains("read")) {
                    readGroups(spark);
                }
                if (s.groups().contains("write")) {
                    writeGroups(spark);
                }
                if (s.groups().contains("udf")) {
                    udfGroup(spark);
                }
            } finally {
                spark.stop();
            }
        }
        if (!identity.isEmpty()) {
            line("");
            line("Byte identity, our `recordio-protobuf` vs the sagemaker-spark-like writer (last pass):");
            identity.forEach(x -> line("- %s", x));
        }
        String md = report.toString();
        if (s.reportFile() != null) {
            Files.createDirectories(s.reportFile().toAbsolutePath().getParent());
            Files.writeString(s.reportFile(), md);
        }
        return md;
    }

    private static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("mlformats-spark-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    private void readGroups(SparkSession spark) throws Exception {
        String one = data.sparseOneBased().toString();
        String zero = data.sparseZeroBased().toString();
        long dims = BenchData.DIMS;
        table("read, sparse (into `noop`)", s.rows(), List.of(
                read("Spark `libsvm`, numFeatures given", data.sparseOneBased(),
                        () -> spark.read().format("libsvm").option("numFeatures", dims).load(one)),
                read("`sagemaker-libsvm` indexBase=one, numFeatures given", data.sparseOneBased(),
                        () -> OurSpark.readLibSvm(spark, one, "one", dims)),
                read("`sagemaker-libsvm` 0-based file, numFeatures given", data.sparseZeroBased(),
                        () -> OurSpark.readLibSvm(spark, zero, "zero", dims)),
                read("Spark `libsvm`, numFeatures inferred", data.sparseOneBased(),
                        () -> spark.read().format("libsvm").load(one)),
                read("`sagemaker-libsvm` indexBase=one, numFeatures inferred", data.sparseOneBased(),
                        () -> OurSpark.readLibSvm(spark, one, "one", 0)),
                read("`recordio-protobuf`", data.sparseRecordIo(),
                        () -> OurSpark.readRecordIo(spark, data.sparseRecordIo().toString()))),
                Map.of(1, 0, 2, 0, 4, 3));
        String dense = data.denseOneBased().toString();
        table("read, dense (into `noop`)", s.denseRows(), List.of(
                read("Spark `libsvm`, numFeatures given", data.denseOneBased(),
                        () -> spark.read().format("libsvm").option("numFeatures", BenchData.DENSE_DIMS)
                                .load(dense)),
                read("`sagemaker-libsvm` indexBase=one, numFeatures given", data.denseOneBased(),
                        () -> OurSpark.readLibSvm(spark, dense, "one", BenchData.DENSE_DIMS)),
                read("`recordio-protobuf`", data.denseRecordIo(),
                        () -> OurSpark.readRecordIo(spark, data.denseRecordIo().toString()))),
                Map.of(1, 0));
    }

    private interface Source {
        Dataset<Row> get();
    }

    private static Variant read(String name, Path file, Source source) throws IOException {
        return new Variant(name, () -> {
            noop(source.get());
            return 0;
        }, Files.size(file));
    }

    private static void noop(Dataset<Row> df) {
        df.write().format("noop").mode(SaveMode.Overwrite).save();
    }

    private void writeGroups(SparkSession spark) throws Exception {
        Dataset<Row> sparse = spark.read().format("libsvm").option("numFeatures", BenchData.DIMS)
                .load(data.sparseOneBased().toString()).cache();
        sparse.count();
        writeGroup(spark, "write, sparse (cached DataFrame into files)", "sparse", sparse, s.rows());
        sparse.unpersist(true);
        Dataset<Row> dense = spark.read().format("libsvm").option("numFeatures", BenchData.DENSE_DIMS)
                .option("vectorType", "dense").load(data.denseOneBased().toString()).cache();
        dense.count();
        writeGroup(spark, "write, dense (cached DataFrame into files)", "dense", dense, s.denseRows());
        dense.unpersist(true);
    }

    private void writeGroup(SparkSession spark, String title, String set, Dataset<Row> df, long rows)
            throws Exception {
        Path out = s.dir().resolve("out").resolve(spark.sparkContext().master().replaceAll("[^a-z0-9]", ""))
                .resolve(set);
        Path spark1 = out.resolve("spark-libsvm");
        Path ours1 = out.resolve("sagemaker-libsvm");
        Path ours2 = out.resolve("recordio-protobuf");
        Path peer2 = out.resolve("sagemaker-spark-like");
        List<Result> r = table(title, rows, List.of(
                new Variant("baseline: the cached DataFrame into `noop`", () -> {
                    noop(df);
                    return 0;
                }, 0),
                write("Spark `libsvm`", spark1,
                        () -> df.write().format("libsvm").mode(SaveMode.Overwrite).save(spark1.toString())),
                write("`sagemaker-libsvm` (0-based)", ours1, () -> OurSpark.writeLibSvm(df, ours1.toString())),
                write("sagemaker-spark-like writer", peer2, () -> df.write()
                        .format(SageMakerSparkLikeFormat.class.getName()).mode(SaveMode.Overwrite)
                        .save(peer2.toString())),
                write("`recordio-protobuf` (float32)", ours2, () -> OurSpark.writeRecordIo(df, ours2.toString()))),
                Map.of(2, 1, 4, 3));
        double scan = r.get(0).median();
        line("");
        line("Above the baseline (the time of the writing itself): `sagemaker-libsvm` **%.2fx** Spark `libsvm`; "
                + "`recordio-protobuf` **%.2fx** the sagemaker-spark-like writer.",
                (r.get(1).median() - scan) / (r.get(2).median() - scan),
                (r.get(3).median() - scan) / (r.get(4).median() - scan));
        compareParts(set + " " + spark.sparkContext().master(), ours2, peer2);
    }

    private static Variant write(String name, Path dir, Runnable body) {
        return new Variant(name, () -> {
            body.run();
            return dataBytes(dir);
        }, 0);
    }

    private void udfGroup(SparkSession spark) throws Exception {
        OurSpark.registerFunctions(spark);
        spark.udf().register("bench_nop", (UDF2<Object, Object, Integer>) (l, f) -> 0, DataTypes.IntegerType);
        Dataset<Row> df = spark.read().format("libsvm").option("numFeatures", BenchData.DIMS)
                .load(data.sparseOneBased().toString()).cache();
        df.count();
        Column label = col("label");
        Column features = col("features");
        long frameBytes = df.select(sum(length(OurSpark.toRecordIoProtobuf(label, features)))).first().getLong(0);
        long lineBytes = df.select(sum(length(OurSpark.toLibSvm(label, features)))).first().getLong(0);
        List<Result> r = table("SQL functions, sparse (cached DataFrame into `noop`)", s.rows(), List.of(
                new Variant("baseline: a no-op Java UDF2 of (label, features)", () -> {
                    noop(df.select(org.apache.spark.sql.functions.call_udf("bench_nop", label, features)));
                    return 0;
                }, 0),
                new Variant("`to_recordio_protobuf(label, features)`", () -> {
                    noop(df.select(OurSpark.toRecordIoProtobuf(label, features)));
                    return frameBytes;
                }, 0),
                new Variant("`to_libsvm(label, features)`", () -> {
                    noop(df.select(OurSpark.toLibSvm(label, features)));
                    return lineBytes;
                }, 0)), Map.of());
        double base = r.get(0).medianAllocated();
        line("");
        line("Allocation per row above the no-op UDF (all threads, medians): `to_recordio_protobuf` %.0f B for %.1f "
                + "output B/row; `to_libsvm` %.0f B for %.1f output B/row (a Java String).",
                (r.get(1).medianAllocated() - base) / s.rows(), (double) frameBytes / s.rows(),
                (r.get(2).medianAllocated() - base) / s.rows(), (double) lineBytes / s.rows());
        directAllocation(df);
        df.unpersist(true);
    }

    /** Calls the function class directly on one thread: allocated bytes per call against output bytes per call. */
    private void directAllocation(Dataset<Row> df) throws Exception {
        List<Row> rows = df.limit(20_000).collectAsList();
        UDF2<Object, Object, byte[]> f = OurSpark.newToRecordIoProtobuf();
        long out = 0;
        for (int warm = 0; warm < 20; warm++) {
            for (Row row : rows) {
                out += f.call(row.get(0), row.get(1)).length;
            }
        }
        int rounds = 10;
        long a0 = Interleaved.currentThreadAllocated();
        out = 0;
        for (int round = 0; round < rounds; round++) {
            for (Row row : rows) {
                out += f.call(row.get(0), row.get(1)).length;
            }
        }
        long a = Interleaved.currentThreadAllocated() - a0;
        long calls = (long) rounds * rows.size();
        line("");
        line("`ToRecordIoProtobuf.call` on one thread (ThreadMXBean, %,d calls on the same ml vectors): %.1f B "
                + "allocated per row for %.1f output B per row (the returned byte[] itself has a 16 B header).",
                calls, (double) a / calls, (double) out / calls);
    }

    /**
     * Runs a group and appends its table. {@code baselines} maps a variant's index to the index of the variant it
     * is compared with (ratio = baseline median / variant median: above 1 means faster).
     */
    private List<Result> table(String title, long rows, List<Variant> variants, Map<Integer, Integer> baselines)
            throws Exception {
        System.err.printf("%s: %s ...%n", Instant.now(), title);
        List<Result> r = Interleaved.run(variants, s.warmup(), s.passes());
        line("");
        line("%s, %,d rows:", title, rows);
        line("");
        line("| variant | median s | range s | rows/s | MB/s | GC ms | alloc B/row | output bytes | speed-up |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < r.size(); i++) {
            Result x = r.get(i);
            double med = x.median();
            long bytes = x.variant().inputBytes() > 0 ? x.variant().inputBytes() : x.outputBytes();
            Integer b = baselines.get(i);
            String ratio = b == null ? "" : String.format(Locale.ROOT, "**%.2fx** vs %s", r.get(b).median() / med,
                    r.get(b).variant().name());
            line("| %s | %.3f | %s | %,.0f | %s | %.0f | %.0f | %s | %s |", x.variant().name(), med, x.range(),
                    rows / med, bytes > 0 ? String.format(Locale.ROOT, "%.1f", bytes / 1e6 / med) : "",
                    x.medianGcMillis(), x.medianAllocated() / rows,
                    x.outputBytes() > 0 ? String.format(Locale.ROOT, "%,d", x.outputBytes()) : "", ratio);
        }
        System.err.println(report.substring(report.lastIndexOf("\n" + "| variant")));
        return r;
    }

    /** Compares the part files of two output directories pairwise (by part number). */
    private void compareParts(String what, Path ours, Path theirs) throws IOException {
        List<Path> a = dataFiles(ours);
        List<Path> b = dataFiles(theirs);
        if (a.size() != b.size()) {
            identical = false;
            identity.add(what + ": DIFFERENT file counts " + a.size() + " vs " + b.size());
            return;
        }
        long bytes = 0;
        for (int i = 0; i < a.size(); i++) {
            long m = Files.mismatch(a.get(i), b.get(i));
            if (m != -1) {
                identical = false;
                identity.add(what + ": DIFFERENT, " + a.get(i).getFileName() + " vs " + b.get(i).getFileName()
                        + " first differ at byte " + m);
                return;
            }
            bytes += Files.size(a.get(i));
        }
        identity.add(String.format(Locale.ROOT, "%s: identical, %d part files, %,d bytes", what, a.size(), bytes));
    }

    /** The part files of a Spark output directory, sorted by name (so by part number). */
    static List<Path> dataFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    private static long dataBytes(Path dir) {
        try {
            long n = 0;
            for (Path p : dataFiles(dir)) {
                n += Files.size(p);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mb(Path p) throws IOException {
        return String.format(Locale.ROOT, "%.1f MB", Files.size(p) / 1e6);
    }

    private void line(String fmt, Object... args) {
        report.append(String.format(Locale.ROOT, fmt, args)).append('\n');
    }

    /** For tests: whether every byte-identity check passed, and what they found. */
    Map<String, Object> checks() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identical", identical);
        m.put("identity", List.copyOf(identity));
        return m;
    }
}
