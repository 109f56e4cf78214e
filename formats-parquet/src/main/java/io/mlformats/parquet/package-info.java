/**
 * Parquet tables in and out, on local files.
 *
 * <ul>
 *   <li>{@link io.mlformats.parquet.ParquetFeatureReader}: a table as labelled feature rows (numeric columns, a
 *       list column, or a sparse index/value pair), label and weight columns by name.</li>
 *   <li>{@link io.mlformats.parquet.ParquetFeatureWriter}: labelled rows as a table; the default layout (label
 *       first, one column per feature) is SageMaker XGBoost's Parquet input.</li>
 *   <li>{@link io.mlformats.parquet.DeepArParquetWriter} / {@link io.mlformats.parquet.DeepArParquetReader}:
 *       DeepAR series with {@code start}, {@code target}, {@code cat}, {@code dynamic_feat} columns.</li>
 * </ul>
 *
 * <p>Writing needs no Hadoop jar (this module brings its own page codecs). Reading needs
 * {@code org.apache.hadoop:hadoop-client-api} and {@code hadoop-client-runtime} on the class path, because
 * Parquet 1.18 touches Hadoop codec classes while opening any file; they are {@code provided} here so that
 * writers stay light, and the {@code mlformats} command bundles them.
 */
package io.mlformats.parquet;
