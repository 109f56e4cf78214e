package io.mlformats.examples.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import io.mlformats.core.validate.TabularAlgorithm;
import io.mlformats.core.validate.ValidationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The example job: a table of videos turned into SageMaker training channels.
 *
 * <ol>
 *   <li>generates the table ({@link VideoTable}, deterministic by seed) and splits it into train and validation;</li>
 *   <li>assembles features with Spark ML ({@code StringIndexer}, {@code OneHotEncoder}, {@code VectorAssembler}),
 *       fitted on the training rows;</li>
 *   <li>writes XGBoost-ready LibSVM shards ({@code sagemaker-libsvm}, zero-based) to {@code OUT/xgboost/train} and
 *       {@code OUT/xgboost/validation}, and Linear-Learner-ready RecordIO-protobuf shards ({@code recordio-protobuf},
 *       float32) to {@code OUT/linear-learner/train} and {@code OUT/linear-learner/validation}: the layout of
 *       SageMaker's channels, ready for {@code aws s3 sync};</li>
 *   <li>validates the DataFrames for XGBoost and Linear Learner before writing ({@code MlFormatsValidation}, one
 *       Spark job each), and every channel's files after writing (the library's validators), printing the
 *       reports;</li>
 *   <li>reads every channel back and checks that it holds exactly the rows written (row count and a fingerprint
 *       of every label and feature value: float32-rounded for RecordIO-protobuf);</li>
 *   <li>prints a summary: rows, shards, bytes and seconds per step.</li>
 * </ol>
 *
 * <p>Arguments: {@code [--rows N] [--out DIR] [--shards N] [--seed N] [--master URL]}. Run it with
 * {@code examples/spark-video-channels/run-local.sh} or {@code spark-submit} (see the module's README text).
 */
public final class VideoChannels {
    /** The channels written, in order: directory under the output, SageMaker algorithm. */
    private static final String[][] CHANNELS = {
        {"xgboost/train", "xgboost"}, {"xgboost/validation", "xgboost"},
        {"linear-learner/train", "linear-learner"}, {"linear-learner/validation", "linear-learner"}};

    private VideoChannels() {
    }

    /**
     * The job's settings.
     *
     * @param rows rows of the video table
     * @param out the output directory (a Hadoop path: local, {@code hdfs://} or {@code s3://})
     * @param shards files per channel
     * @param seed the seed of the table and of the split
     * @param validationFraction the share of rows in the validation channels
     * @param master the Spark master when the job starts its own session, or null
     */
    public record Options(long rows, String out, int shards, long seed, double validationFraction, String master) {
        /**
         * Parses command-line arguments.
         *
         * @param args {@code --rows N --out DIR --shards N --seed N --master URL}, all optional
         * @return the options
         * @throws IllegalArgumentException for an unknown or malformed argument
         */
        public static Options parse(String... args) {
            long rows = 1_000_000;
            String out = "video-channels";
            int shards = 4;
            long seed = 42;
            String master = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--rows" -> rows = Long.parseLong(v.replace("_", ""));
                    case "--out" -> out = v;
                    case "--shards" -> shards = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--master" -> master = v;
                    default -> throw new IllegalArgumentException(
                            "unknown argument " + a + " (expected --rows, --out, --shards, --seed, --master)");
                }
            }
            if (rows < 10 || shards < 1) {
                throw new IllegalArgumentException("--rows must be >= 10 and --shards >= 1");
            }
            return new Options(rows, out, shards, seed, 0.2, master);
        }
    }

    /**
     * One written channel.
     *
     * @param name the channel's path under the output directory, e.g. {@code xgboost/train}
     * @param algorithm the SageMaker algorithm it is for
     * @param rows rows written
     * @param files the data files (shards)
     * @param bytes bytes of the data files
     * @param frameReport the library validator's report over the DataFrame before it was written
     * @param report the library validator's report over the files
     * @param readBackRows rows read back through the data source
     * @param readBackEqual whether the rows read back are the rows written (count and value fingerprint)
     */
    public record Channel(String name, String algorithm, long rows, List<String> files, long bytes,
                          ValidationReport frameReport, ValidationReport report, long readBackRows,
                          boolean readBackEqual) {
    }

    /**
     * What a run did.
     *
     * @param rows rows of the table
     * @param trainRows rows in the train channels
     * @param validationRows rows in the validation channels
     * @param numFeatures width of the feature vectors
     * @param channels the four channels
     * @param seconds seconds per step, in order
     */
    public record Summary(long rows, long trainRows, long validationRows, long numFeatures, List<Channel> channels,
                          Map<String, Double> seconds) {
        /**
         * Whether every channel validated without errors and read back equal.
         *
         * @return true if the run's checks all passed
         */
        public boolean ok() {
            return channels.stream().allMatch(c -> !c.frameReport().hasErrors() && !c.report().hasErrors()
                    && c.readBackEqual()
                    && c.readBackRows() == c.rows());
        }
    }

    /**
     * Runs the job in a session of its own ({@code --master}, else {@code spark.master} as spark-submit sets it,
     * else {@code local[*]}); exits with status 1 if a check failed.
     *
     * @param args see {@link Options#parse}
     * @throws IOException if listing or validating the output fails
     */
    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        SparkSession.Builder b = SparkSession.builder().appName("mlformats-video-channels");
        if (o.master() != null || !new SparkConf().contains("spark.master")) {
            b.master(o.master() != null ? o.master() : "local[*]")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = b.getOrCreate();
        boolean ok;
        try {
            ok = run(spark, o, System.out).ok();
        } finally {
            spark.stop();
        }
        if (!ok) {
            System.err.println("FAILED: a channel did not validate or did not read back equal (see above)");
            System.exit(1);
        }
    }

    /**
     * Runs the job in {@code spark}.
     *
     * @param spark the session (its Hadoop configuration is changed: no {@code _SUCCESS} files in the channels)
     * @param o the options
     * @param log where progress, reports and the summary go
     * @return the summary
     * @throws IOException if listing or validating the output fails
     */
    public static Summary run(SparkSession spark, Options o, PrintStream log) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        // SageMaker reads every object under a channel prefix: an empty _SUCCESS file, or the .crc checksum files
        // of Hadoop's local file system (which `aws s3 sync` would upload), would be read as shards.
        hadoop.set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        if (new Path(o.out()).getFileSystem(hadoop) instanceof LocalFileSystem local) {
            local.setWriteChecksum(false); // the cached instance the local-mode tasks write through
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        Timer t = new Timer(seconds, log);

        int partitions = Math.max(1, spark.sparkContext().defaultParallelism());
        Dataset<Row> table = VideoTable.generate(spark, o.rows(), o.seed(), partitions).cache();
        long rows = t.step("generate " + o.rows() + " video rows", table::count);

        Dataset<Row>[] split = table.randomSplit(new double[] {1 - o.validationFraction(), o.validationFraction()},
                o.seed());
        PipelineModel features = t.step("fit StringIndexer + OneHotEncoder + VectorAssembler",
                () -> pipeline().fit(split[0]));
        Dataset<Row> train = labelled(features.transform(split[0])).cache();
        Dataset<Row> validation = labelled(features.transform(split[1])).cache();
        long trainRows = t.step("assemble features", () -> train.count());
        long validationRows = validation.count();
        long numFeatures = AttributeGroup.fromStructField(train.schema().apply("features")).size();
        log.printf("features: %d (%d numeric + one-hot %s)%n", numFeatures, VideoTable.NUMERIC.length,
                String.join(", ", VideoTable.CATEGORICAL));

        // "Would SageMaker accept these channels?", asked before anything is written (one Spark job each).
        Map<String, ValidationReport> frameReports = new LinkedHashMap<>();
        for (String[] c : CHANNELS) {
            Dataset<Row> rowsOf = c[0].endsWith("/train") ? train : validation;
            ValidationReport r = t.step("validate the DataFrame for " + c[0] + " (" + c[1] + ")", () ->
                    ChannelFormats.validateFrame(rowsOf, TabularAlgorithm.of(c[1]), numFeatures));
            log.println("  " + r.toString().replace("\n", "\n  "));
            frameReports.put(c[0], r);
        }

        String out = o.out().endsWith("/") ? o.out() : o.out() + "/";
        t.step("write xgboost/ (sagemaker-libsvm)", () -> {
            ChannelFormats.writeXgboost(train, out + "xgboost/train", o.shards());
            ChannelFormats.writeXgboost(validation, out + "xgboost/validation", o.shards());
            return null;
        });
        t.step("write linear-learner/ (recordio-protobuf)", () -> {
            ChannelFormats.writeLinearLearner(train, out + "linear-learner/train", o.shards());
            ChannelFormats.writeLinearLearner(validation, out + "linear-learner/validation", o.shards());
            return null;
        });

        List<Channel> channels = new ArrayList<>();
        for (String[] c : CHANNELS) {
            String dir = out + c[0];
            boolean xgb = c[1].equals("xgboost");
            Dataset<Row> written = c[0].endsWith("/train") ? train : validation;
            ValidationReport report = t.step("validate the files of " + c[0] + " (" + c[1] + ")", () ->
                    ChannelFormats.validateFiles(hadoop, dir, TabularAlgorithm.of(c[1]), numFeatures));
            log.println("  " + report.toString().replace("\n", "\n  "));
            Dataset<Row> back = xgb ? ChannelFormats.readXgboost(spark, dir, numFeatures)
                    : ChannelFormats.readLinearLearner(spark, dir);
            Row[] prints = t.step("read back " + c[0], () ->
                    new Row[] {fingerprint(written, !xgb), fingerprint(back, !xgb)});
            List<String> files = new ArrayList<>();
            long bytes = 0;
            for (Path p : ChannelFormats.dataFiles(hadoop, dir)) {
                files.add(p.getName());
                bytes += p.getFileSystem(hadoop).getFileStatus(p).getLen();
            }
            boolean equal = prints[0].equals(prints[1]);
            log.printf("  written %s%n  read    %s -> %s%n", describe(prints[0]), describe(prints[1]),
                    equal ? "equal" : "DIFFERENT");
            channels.add(new Channel(c[0], c[1], prints[0].getLong(0), files, bytes, frameReports.get(c[0]), report,
                    prints[1].getLong(0), equal));
        }
        train.unpersist();
        validation.unpersist();
        table.unpersist();
        Summary s = new Summary(rows, trainRows, validationRows, numFeatures, channels, seconds);
        print(s, out, log);
        return s;
    }

    /** The feature pipeline: categorical columns indexed and one-hot encoded, then everything assembled. */
    private static Pipeline pipeline() {
        String[] cat = VideoTable.CATEGORICAL;
        String[] idx = suffixed(cat, "_idx");
        String[] vec = suffixed(cat, "_vec");
        String[] inputs = new String[VideoTable.NUMERIC.length + vec.length];
        System.arraycopy(VideoTable.NUMERIC, 0, inputs, 0, VideoTable.NUMERIC.length);
        System.arraycopy(vec, 0, inputs, VideoTable.NUMERIC.length, vec.length);
        return new Pipeline().setStages(new PipelineStage[] {
            // "keep": a category seen only in validation gets its own index (dropped by the encoder's dropLast).
            new StringIndexer().setInputCols(cat).setOutputCols(idx).setHandleInvalid("keep"),
            new OneHotEncoder().setInputCols(idx).setOutputCols(vec),
            new VectorAssembler().setInputCols(inputs).setOutputCol("features")});
    }

    private static String[] suffixed(String[] names, String suffix) {
        String[] r = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            r[i] = names[i] + suffix;
        }
        return r;
    }

    /** The channel rows: a double label and the assembled features. */
    private static Dataset<Row> labelled(Dataset<Row> assembled) {
        return assembled.select(col(VideoTable.LABEL).cast("double").as("label"), col("features"));
    }

    /**
     * An order-independent fingerprint of {@code (label, features)} rows: the count, the sum of the labels and the
     * sum of a 64-bit hash of every row's label and dense feature values (as float32 values when the format
     * stores float32), so that two equal multisets of rows give equal fingerprints.
     */
    static Row fingerprint(Dataset<Row> rows, boolean float32) {
        Column values = org.apache.spark.ml.functions.vector_to_array(col("features"),
                float32 ? "float32" : "float64");
        Column label = float32 ? col("label").cast("float") : col("label");
        return rows.agg(count(lit(1)), sum(col("label")), sum(xxhash64(label, values).cast("decimal(38,0)")))
                .first();
    }

    private static String describe(Row fingerprint) {
        return String.format(Locale.ROOT, "rows %d, sum(label) %s, sum(xxhash64(label, values)) %s",
                fingerprint.getLong(0), fingerprint.get(1), fingerprint.get(2));
    }

    private static void print(Summary s, String out, PrintStream log) {
        log.println();
        log.printf("video rows %,d -> train %,d + validation %,d rows, %d features, under %s%n", s.rows(),
                s.trainRows(), s.validationRows(), s.numFeatures(), out);
        log.printf("%-28s %-15s %10s %7s %13s %14s %9s%n", "channel", "algorithm", "rows", "shards", "bytes",
                "errors df/files", "read back");
        for (Channel c : s.channels()) {
            log.printf("%-28s %-15s %,10d %7d %,13d %14s %9s%n", c.name(), c.algorithm(), c.rows(), c.files().size(),
                    c.bytes(), c.frameReport().errorCount() + "/" + c.report().errorCount(),
                    c.readBackEqual() ? "equal" : "DIFFERENT");
        }
        double total = 0;
        for (Map.Entry<String, Double> e : s.seconds().entrySet()) {
            log.printf(Locale.ROOT, "%7.2f s  %s%n", e.getValue(), e.getKey());
            total += e.getValue();
        }
        log.printf(Locale.ROOT, "%7.2f s  total%n", total);
        log.println(s.ok() ? "OK: every channel validated and read back equal" : "FAILED");
    }

    /** A step that may throw. */
    private interface Step<T> {
        T run() throws IOException;
    }

    /** Times steps, printing each as it ends. */
    private record Timer(Map<String, Double> seconds, PrintStream log) {
        <T> T step(String name, Step<T> body) throws IOException {
            long t0 = System.nanoTime();
            T r = body.run();
            double s = (System.nanoTime() - t0) / 1e9;
            seconds.merge(name, s, Double::sum);
            log.printf(Locale.ROOT, "%7.2f s  %s%n", s, name);
            return r;
        }
    }
}
