package io.mlformats.parquet.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Checks that the parquet-java found at run time has the API this module writes with, and says clearly which
 * version was found when it does not.
 *
 * <p>The writers configure Parquet without Hadoop through {@code ParquetWriter.Builder.withConf(ParquetConfiguration)}
 * and {@code withCodecFactory(CompressionCodecFactory)}, both added in parquet-java 1.14.0. Spark 3.5 puts
 * parquet-java 1.13.1 first on the class path; with it, the first write would fail with
 * {@code NoSuchMethodError: ParquetWriter$Builder.withConf(Lorg/apache/parquet/conf/ParquetConfiguration;)}
 * (the {@code ParquetConfiguration} class itself then comes from a newer parquet-common bundled by the user).
 * Stateless.
 */
public final class ParquetRuntime {
    /** The oldest parquet-java whose writer builder has the methods used here. */
    public static final String MINIMUM_VERSION = "1.14.0";

    private static volatile String problem;
    private static volatile boolean checked;

    private ParquetRuntime() {
    }

    /**
     * Throws {@link UnsupportedOperationException} naming the parquet-java version found (and where from) and the
     * version needed, if the class path's {@code ParquetWriter.Builder} lacks the methods the writers call.
     */
    public static void requireWriterApi() {
        if (!checked) {
            problem = writerApiProblem(ParquetWriter.Builder.class);
            checked = true;
        }
        if (problem != null) {
            throw new UnsupportedOperationException(problem);
        }
    }

    /**
     * The problem with {@code builderClass} (parquet-java's {@code ParquetWriter.Builder}, or a stand-in in
     * tests), or {@code null} when it has {@code withConf(ParquetConfiguration)} and
     * {@code withCodecFactory(CompressionCodecFactory)}.
     */
    static String writerApiProblem(Class<?> builderClass) {
        String missing = "?";
        try {
            ClassLoader loader = builderClass.getClassLoader();
            Class<?> conf = Class.forName("org.apache.parquet.conf.ParquetConfiguration", false, loader);
            Class<?> codecs = Class.forName("org.apache.parquet.compression.CompressionCodecFactory", false, loader);
            // Resolve just these two methods: reflection over all methods would load Hadoop types of other
            // overloads, which are absent in a Hadoop-free writer.
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            missing = "method " + builderClass.getName() + ".withConf(ParquetConfiguration)";
            lookup.findVirtual(builderClass, "withConf", MethodType.methodType(builderClass, conf));
            missing = "method " + builderClass.getName() + ".withCodecFactory(CompressionCodecFactory)";
            lookup.findVirtual(builderClass, "withCodecFactory", MethodType.methodType(builderClass, codecs));
            return null;
        } catch (ClassNotFoundException e) {
            missing = "class " + e.getMessage();
        } catch (NoSuchMethodException e) {
            // 'missing' names the method looked up.
        } catch (IllegalAccessException | LinkageError e) {
            missing = e.toString();
        }
        Package p = builderClass.getPackage();
        String version = p == null || p.getImplementationVersion() == null ? "unknown"
                : p.getImplementationVersion();
        String where;
        try {
            var source = builderClass.getProtectionDomain().getCodeSource();
            where = source == null || source.getLocation() == null ? "unknown location"
                    : source.getLocation().toString();
        } catch (SecurityException e) {
            where = "unknown location";
        }
        return "mlformats-parquet writes with parquet-java >= " + MINIMUM_VERSION + " (built against 1.18.1), but "
                + "the class path has parquet-java " + version + " (" + where + "), which lacks " + missing
                + ". Under Spark 3.5 (parquet-java 1.13.1) put parquet-hadoop/parquet-column/parquet-common 1.18.1 "
                + "first (spark.driver.userClassPathFirst / spark.executor.userClassPathFirst) or shade them";
    }
}
