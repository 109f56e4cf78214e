package io.mlformats.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page compression for the Parquet files this module writes. All four work without Hadoop jars: SNAPPY through
 * snappy-java, ZSTD through zstd-jni, GZIP through {@code java.util.zip}.
 */
public enum ParquetCompression {
    /** No compression. */
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED),
    /** pyarrow's and Spark's default; accepted by SageMaker DeepAR and XGBoost. */
    SNAPPY(CompressionCodecName.SNAPPY),
    /** Deflate in gzip framing; accepted by SageMaker DeepAR. */
    GZIP(CompressionCodecName.GZIP),
    /** Zstandard, level 3. */
    ZSTD(CompressionCodecName.ZSTD);

    private final CompressionCodecName codec;

    ParquetCompression(CompressionCodecName codec) {
        this.codec = codec;
    }

    CompressionCodecName codec() {
        return codec;
    }
}
