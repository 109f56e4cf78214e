package io.mlformats.spark.libsvm;

import io.mlformats.spark.internal.SourceOptions;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodec;

/**
 * The {@code compression} write option, as Spark's text sources take it: a short name or a Hadoop codec class,
 * set as Hadoop's output compression of the write job (Spark's {@code CodecStreams} then wraps each file's stream
 * and names its extension). Stateless.
 */
final class Compression {
    private static final String COMPRESS = "mapreduce.output.fileoutputformat.compress";
    private static final String CODEC = "mapreduce.output.fileoutputformat.compress.codec";
    private static final String TYPE = "mapreduce.output.fileoutputformat.compress.type";
    private static final Map<String, String> CODECS = Map.of(
            "bzip2", "org.apache.hadoop.io.compress.BZip2Codec",
            "deflate", "org.apache.hadoop.io.compress.DeflateCodec",
            "gzip", "org.apache.hadoop.io.compress.GzipCodec",
            "lz4", "org.apache.hadoop.io.compress.Lz4Codec",
            "snappy", "org.apache.hadoop.io.compress.SnappyCodec",
            "zstd", "org.apache.hadoop.io.compress.ZStandardCodec");

    private Compression() {
    }

    /**
     * Sets the job's output compression from the option; absent, the job's configuration is left as it is.
     *
     * @throws IllegalArgumentException for a name that is neither a known short name nor a codec class
     */
    static void configure(SourceOptions options, Configuration conf) {
        String given = options.string("compression", null);
        if (given == null) {
            return;
        }
        String name = given.trim().toLowerCase(Locale.ROOT);
        if (name.equals("none") || name.equals("uncompressed")) {
            conf.set(COMPRESS, "false");
            return;
        }
        String codec = CODECS.get(name);
        if (codec == null) {
            codec = given.trim();
            try {
                if (!CompressionCodec.class.isAssignableFrom(Class.forName(codec, false,
                        Thread.currentThread().getContextClassLoader()))) {
                    throw new ClassNotFoundException(codec);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw options.bad("compression", given, "none, uncompressed, bzip2, deflate, gzip, lz4, snappy, "
                        + "zstd or the class name of a Hadoop CompressionCodec");
            }
        }
        conf.set(COMPRESS, "true");
        conf.set(CODEC, codec);
        conf.set(TYPE, "BLOCK");
    }
}
