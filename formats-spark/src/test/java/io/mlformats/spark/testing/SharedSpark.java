package io.mlformats.spark.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local-mode {@link SparkSession} for every test class of the test JVM ({@code @ExtendWith(SharedSpark.class)}
 * and {@link #session()}): starting Spark costs seconds, so it is started once, kept in JUnit's root store and
 * stopped when the JVM's tests end. Settings follow the project's Spark test set-up (two threads, no UI, loopback,
 * two shuffle partitions). Tests that change SQL settings must restore them (see {@link #withConf}).
 */
public final class SharedSpark implements BeforeAllCallback {
    private static volatile SparkSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedSpark.class, k -> new Holder(start()), Holder.class);
    }

    /**
     * The shared session (the test class must be extended with this extension).
     *
     * @return the session
     */
    public static SparkSession session() {
        SparkSession s = session;
        if (s == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedSpark.class)");
        }
        return s;
    }

    /**
     * Runs {@code body} with SQL settings changed, restoring the old values afterwards.
     *
     * @param body what to run
     * @param keyValues setting names and values, alternating
     */
    public static void withConf(Runnable body, String... keyValues) {
        SparkSession s = session();
        String[] old = new String[keyValues.length / 2];
        for (int i = 0; i < keyValues.length; i += 2) {
            old[i / 2] = s.conf().contains(keyValues[i]) ? s.conf().get(keyValues[i]) : null;
            s.conf().set(keyValues[i], keyValues[i + 1]);
        }
        try {
            body.run();
        } finally {
            for (int i = 0; i < keyValues.length; i += 2) {
                if (old[i / 2] == null) {
                    s.conf().unset(keyValues[i]);
                } else {
                    s.conf().set(keyValues[i], old[i / 2]);
                }
            }
        }
    }

    private static synchronized SparkSession start() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("mlformats-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
        }
        return session;
    }

    private record Holder(SparkSession spark) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            spark.stop();
            session = null;
        }
    }
}
