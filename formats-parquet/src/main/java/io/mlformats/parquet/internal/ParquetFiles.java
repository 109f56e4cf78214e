package io.mlformats.parquet.internal;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/** Creates Parquet writers configured without Hadoop (plain configuration, Hadoop-free codecs). */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /** A writer of {@code support}'s rows into {@code file}. */
    public static <T> ParquetWriter<T> writer(OutputFile file, WriteSupport<T> support,
                                              CompressionCodecName codec, long rowGroupBytes) throws IOException {
        return new Builder<>(file, support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new HadoopFreeCodecs())
                .withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(rowGroupBytes)
                .build();
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final WriteSupport<T> support;

        Builder(OutputFile file, WriteSupport<T> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
