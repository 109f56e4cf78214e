package io.mlformats.spark.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.SeekableInput;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.PartitionedFile;

/**
 * The bytes of one split, in the form a library reader takes: a plain file as a {@link SeekableInput} plus the
 * split's {@link ByteRange} (readers take the records that start in it), a compressed file as one forward-only
 * {@link ByteInput} over the whole decompressed file (such files are never split, see {@link #isSplitable}).
 * Gzip is decompressed by the library, so its limits stop gzip bombs; other Hadoop codecs by Hadoop. Owns what
 * it opens and closes it in {@link #close()}; one per task thread.
 */
public final class SplitInput implements Closeable {
    private final String name;
    private final SeekableInput seekable;
    private final ByteRange range;
    private final ByteInput stream;

    private SplitInput(String name, SeekableInput seekable, ByteRange range, ByteInput stream) {
        this.name = name;
        this.seekable = seekable;
        this.range = range;
        this.stream = stream;
    }

    /**
     * Whether a file can be read in byte ranges: true unless a Hadoop codec matches its name.
     *
     * @param spark the session
     * @param path the file
     * @return true if splittable
     */
    public static boolean isSplitable(SparkSession spark, Path path) {
        return codec(spark.sessionState().newHadoopConf(), path) == null;
    }

    /**
     * Opens a split.
     *
     * @param file the split
     * @param conf the task's Hadoop configuration
     * @param limits bounds for decompression
     * @return the split's input, owned by the caller
     * @throws IOException if the file cannot be opened
     */
    public static SplitInput open(PartitionedFile file, Configuration conf, ReadLimits limits) throws IOException {
        return open(file.toPath(), file.start(), file.length(), file.fileSize(), conf, limits);
    }

    /**
     * Opens a byte range of a file, for jobs that plan their own splits (e.g. a schema inference pass over the
     * files Spark listed). A compressed file is opened whole, whatever the range.
     *
     * @param path the file
     * @param start the range's first byte
     * @param length the range's length
     * @param fileSize the file's length as listed, or a negative number to ask the file system
     * @param conf the task's Hadoop configuration
     * @param limits bounds for decompression
     * @return the split's input, owned by the caller
     * @throws IOException if the file cannot be opened
     */
    public static SplitInput open(Path path, long start, long length, long fileSize, Configuration conf,
            ReadLimits limits) throws IOException {
        CompressionCodec codec = codec(conf, path);
        if (codec == null) {
            HadoopSeekableInput in = HadoopSeekableInput.open(path, fileSize, conf);
            return new SplitInput(in.name(), in, ByteRange.of(start, start + length), null);
        }
        InputStream raw = path.getFileSystem(conf).open(path);
        try {
            InputStream in = codec instanceof GzipCodec ? raw : codec.createInputStream(raw);
            ByteInput input = ByteSources.stream(in, path.toString(), limits);
            return new SplitInput(path.toString(), null, null, input);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static CompressionCodec codec(Configuration conf, Path path) {
        return new CompressionCodecFactory(conf).getCodec(path);
    }

    /** @return the file's name for messages */
    public String name() {
        return name;
    }

    /** @return true for a compressed file: use {@link #stream()}; false: use {@link #seekable()} and {@link #range()} */
    public boolean isStream() {
        return stream != null;
    }

    /** @return the plain file (null for a compressed one) */
    public SeekableInput seekable() {
        return seekable;
    }

    /** @return the split's range of the plain file (null for a compressed one) */
    public ByteRange range() {
        return range;
    }

    /** @return the decompressed bytes of a compressed file (null for a plain one) */
    public ByteInput stream() {
        return stream;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        if (seekable != null) {
            seekable.close();
        }
    }
}
