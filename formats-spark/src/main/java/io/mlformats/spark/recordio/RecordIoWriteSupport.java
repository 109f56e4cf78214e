package io.mlformats.spark.recordio;

import io.mlformats.spark.internal.FileReaderFunction;
import io.mlformats.spark.internal.SourceOptions;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.CompressionCodecs;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.OutputWriter;

/** What the writers of both RecordIO sources share: compression set-up and the output stream's life cycle. */
final class RecordIoWriteSupport {
    private RecordIoWriteSupport() {
    }

    /**
     * Sets Hadoop's output compression from the {@code compression} option (Spark's codec names: none,
     * uncompressed, gzip, bzip2, deflate, lz4, snappy, zstd), explicitly off when absent, so a job configuration
     * that enables compression does not silently compress {@code .pbr} files.
     */
    static void configureCompression(SourceOptions options, Job job) {
        String name = options.string("compression", "none");
        String codec;
        try {
            codec = CompressionCodecs.getCodecClassName(name);
        } catch (IllegalArgumentException e) {
            throw options.bad("compression", name, "none, uncompressed, gzip, bzip2, deflate, lz4, snappy or zstd");
        }
        CompressionCodecs.setCodecConfiguration(job.getConfiguration(), codec);
    }

    /**
     * One output file: the stream from {@code CodecStreams} (compressed when the job says so), a record counter for
     * messages, and commit-then-close in {@link #close()}. Not thread-safe; one per task and file.
     */
    abstract static class StreamWriter extends OutputWriter {
        private final String path;
        private final OutputStream out;
        /** Index of the row being written in this file (0-based), for messages. */
        long record;

        StreamWriter(String path, TaskAttemptContext context) {
            this.path = path;
            this.out = CodecStreams.createOutputStream(context, new Path(path));
        }

        final OutputStream stream() {
            return out;
        }

        /** Writes one row; {@code record} is its index. */
        abstract void writeRow(InternalRow row) throws IOException;

        /** Finishes the format's output (flushes buffered records); the stream is closed after. */
        abstract void commit() throws IOException;

        @Override
        public final void write(InternalRow row) {
            try {
                writeRow(row);
            } catch (IOException e) {
                throw FileReaderFunction.sneaky(e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where() + ": " + e.getMessage(), e);
            }
            record++;
        }

        /** @return "file, record n" for messages */
        final String where() {
            return path + ", record " + record;
        }

        @Override
        public final void close() {
            try {
                try {
                    commit();
                } finally {
                    out.close();
                }
            } catch (IOException e) {
                throw FileReaderFunction.sneaky(e);
            }
        }

        @Override
        public final String path() {
            return path;
        }
    }
}
