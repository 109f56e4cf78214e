package io.mlformats.spark.internal;

import io.mlformats.core.SeekableInput;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * A library {@link SeekableInput} over a Hadoop file: positioned reads ({@code PositionedReadable.readFully}), so
 * a task reads its byte range of a file on HDFS, S3A or the local file system without the library knowing Hadoop.
 * The length is the one Spark listed for the file, which saves a status call per task. One per task thread; this
 * object owns the Hadoop stream and closes it in {@link #close()}.
 */
public final class HadoopSeekableInput implements SeekableInput {
    private final String name;
    private final long length;
    private final FSDataInputStream in;

    private HadoopSeekableInput(String name, long length, FSDataInputStream in) {
        this.name = name;
        this.length = length;
        this.in = in;
    }

    /**
     * Opens {@code path} on its file system.
     *
     * @param path the file
     * @param length its length as listed by Spark, or a negative number to ask the file system
     * @param conf the Hadoop configuration of the task
     * @return the input, which the caller closes
     * @throws IOException if the file cannot be opened
     */
    public static HadoopSeekableInput open(Path path, long length, Configuration conf) throws IOException {
        var fs = path.getFileSystem(conf);
        long len = length >= 0 ? length : fs.getFileStatus(path).getLen();
        return new HadoopSeekableInput(path.toString(), len, fs.open(path));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void readFully(long position, byte[] dst, int offset, int count) throws IOException {
        in.readFully(position, dst, offset, count);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
