package io.mlformats.examples.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The input table of the example: one row per video, generated. Columns: {@code id}, {@code genre} (20 values,
 * skewed), {@code country}, {@code device}, {@code plan} (categorical), {@code duration_min}, {@code bitrate_kbps},
 * {@code views}, {@code like_ratio}, {@code age_days}, {@code start_hour} (numeric) and {@code watched_to_end}
 * (0/1), which depends on the other columns through a logistic model, so that a model trained on the channels has
 * something to learn.
 *
 * <p>Every value is a function of the seed and the row's id only (a SplitMix64 stream per row), so the table is
 * the same for any number of partitions or executors. Thread-safe (stateless).
 */
public final class VideoTable {
    /** Genre names, most frequent first. */
    static final String[] GENRES = {"drama", "comedy", "documentary", "action", "thriller", "animation", "crime",
        "romance", "horror", "sci-fi", "family", "adventure", "fantasy", "mystery", "music", "biography", "history",
        "sport", "musical", "western"};
    /** Country codes. */
    static final String[] COUNTRIES = {"US", "IN", "BR", "GB", "DE", "FR", "JP", "MX", "KR", "CA", "ES", "IT"};
    /** Playback devices. */
    static final String[] DEVICES = {"tv", "phone", "desktop", "tablet", "console"};
    /** Subscription plans. */
    static final String[] PLANS = {"free", "basic", "premium"};
    /** Numeric columns, in the order they enter the feature vector. */
    static final String[] NUMERIC = {"duration_min", "bitrate_kbps", "views", "like_ratio", "age_days", "start_hour"};
    /** Categorical columns, in the order their one-hot blocks enter the feature vector. */
    static final String[] CATEGORICAL = {"genre", "country", "device", "plan"};
    /** The label column. */
    static final String LABEL = "watched_to_end";

    /** Per-genre effect on the log-odds of watching to the end (documentaries and animation are finished more). */
    private static final double[] GENRE_EFFECT = {0.1, 0.3, 0.5, -0.1, 0.2, 0.6, 0.0, -0.2, -0.4, 0.1, 0.4, -0.1,
        0.0, 0.2, 0.3, 0.1, 0.2, -0.3, -0.5, -0.6};
    private static final double[] GENRE_MINUTES = {95, 30, 55, 110, 105, 25, 50, 100, 90, 115, 85, 120, 125, 45,
        60, 118, 70, 40, 130, 100};
    private static final double[] DEVICE_KBPS = {8000, 2500, 5000, 3500, 7000};
    private static final double[] DEVICE_EFFECT = {0.4, -0.5, 0.0, 0.1, 0.2};
    private static final double[] PLAN_EFFECT = {-0.6, 0.0, 0.5};

    private VideoTable() {
    }

    /**
     * The schema of the generated table.
     *
     * @return a new schema
     */
    public static StructType schema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("id", DataTypes.LongType, false));
        for (String c : CATEGORICAL) {
            f.add(DataTypes.createStructField(c, DataTypes.StringType, false));
        }
        for (String c : NUMERIC) {
            f.add(DataTypes.createStructField(c, DataTypes.DoubleType, false));
        }
        f.add(DataTypes.createStructField(LABEL, DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    /**
     * Generates {@code rows} video rows (ids {@code 0..rows-1}).
     *
     * @param spark the session
     * @param rows the number of rows
     * @param seed the seed; the same seed gives the same table
     * @param partitions the number of partitions of the result
     * @return the table, not cached
     */
    public static Dataset<Row> generate(SparkSession spark, long rows, long seed, int partitions) {
        return spark.range(0, rows, 1, partitions)
                .mapPartitions((MapPartitionsFunction<Long, Row>) ids -> new RowIterator(ids, seed),
                        Encoders.row(schema()));
    }

    /** Turns ids into rows lazily. */
    private static final class RowIterator implements Iterator<Row> {
        private final Iterator<Long> ids;
        private final long seed;

        RowIterator(Iterator<Long> ids, long seed) {
            this.ids = ids;
            this.seed = seed;
        }

        @Override
        public boolean hasNext() {
            return ids.hasNext();
        }

        @Override
        public Row next() {
            return row(ids.next(), seed);
        }
    }

    /**
     * One row, a pure function of {@code id} and {@code seed}.
     *
     * @param id the row's id
     * @param seed the table's seed
     * @return the row, in {@link #schema()} order
     */
    static Row row(long id, long seed) {
        Random r = new Random(seed, id);
        int genre = r.skewed(GENRES.length);
        int country = r.skewed(COUNTRIES.length);
        int device = r.index(DEVICES.length);
        int plan = r.index(PLANS.length);
        double minutes = round(GENRE_MINUTES[genre] * Math.exp(0.35 * r.gaussian()), 10);
        double kbps = Math.rint(DEVICE_KBPS[device] * (0.6 + 0.8 * r.uniform()));
        double views = Math.rint(Math.exp(7 + 2.5 * r.gaussian()));
        double likeRatio = round(sigmoid(1.0 + 1.2 * r.gaussian()), 1000);
        double ageDays = Math.floor(3650 * r.uniform() * r.uniform());
        double hour = Math.floor(24 * r.uniform());
        double logit = -0.3 + GENRE_EFFECT[genre] + DEVICE_EFFECT[device] + PLAN_EFFECT[plan]
                + 3.0 * (likeRatio - 0.7) - 0.012 * (minutes - GENRE_MINUTES[genre])
                + 0.15 * (Math.log10(views + 1) - 3) - (hour >= 23 || hour < 5 ? 0.5 : 0.0);
        int label = r.uniform() < sigmoid(logit) ? 1 : 0;
        return RowFactory.create(id, GENRES[genre], COUNTRIES[country], DEVICES[device], PLANS[plan], minutes,
                kbps, views, likeRatio, ageDays, hour, label);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double round(double v, double scale) {
        return Math.rint(v * scale) / scale;
    }

    /** A SplitMix64 stream seeded by (seed, id): cheap, and independent of how rows are partitioned. */
    private static final class Random {
        private static final long GOLDEN = 0x9E3779B97F4A7C15L;
        private long state;

        Random(long seed, long id) {
            state = mix(seed ^ mix(id * GOLDEN + 1));
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        double uniform() {
            state += GOLDEN;
            return (mix(state) >>> 11) * 0x1.0p-53;
        }

        int index(int n) {
            return (int) (uniform() * n);
        }

        /** An index in {@code [0, n)}, small ones more likely (about Zipf with exponent 1). */
        int skewed(int n) {
            return Math.min(n - 1, (int) Math.floor(Math.pow(n + 1, uniform())) - 1);
        }

        double gaussian() {
            double u = Math.max(uniform(), 0x1.0p-53);
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
        }
    }
}
