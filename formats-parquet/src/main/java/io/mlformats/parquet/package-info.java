/**
 * Parquet tables in and out: local files (atomic publishing) or parquet-java's {@code InputFile} /
 * {@code OutputFile} (object stores, HDFS, memory).
 *
 * <ul>
 *   <li>{@link io.mlformats.parquet.ParquetFeatureReader} ({@link io.mlformats.core.TabularReader}): a table as
 *       labelled feature rows ({@link io.mlformats.core.vector.LabeledRow}: numeric columns, a list column, or a
 *       sparse index/value pair), label and weight columns by name.</li>
 *   <li>{@link io.mlformats.parquet.ParquetFeatureWriter} ({@link io.mlformats.core.TabularWriter}): labelled rows
 *       as a table; the default layout (label first, one column per feature) is SageMaker XGBoost's Parquet
 *       input.</li>
 *   <li>{@link io.mlformats.parquet.DeepArParquetWriter} / {@link io.mlformats.parquet.DeepArParquetReader}:
 *       DeepAR series with {@code start}, {@code target}, {@code cat}, {@code dynamic_feat} columns.</li>
 * </ul>
 *
 * <p>Writers follow {@link io.mlformats.core.RecordWriter}: only {@code commit()} writes the footer and publishes.
 *
 * <h2>Class path</h2>
 * <p>Writing needs no Hadoop jar (this module brings its own page codecs). Reading needs
 * {@code org.apache.hadoop:hadoop-client-api} and {@code hadoop-client-runtime} on the class path, because
 * Parquet 1.18 touches Hadoop codec classes while opening any file; they are {@code provided} here so that
 * writers stay light, and the {@code mlformats} command bundles them.
 *
 * <p><b>parquet-java version.</b> The writers need parquet-java 1.14 or newer: they configure Parquet without
 * Hadoop through {@code ParquetWriter.Builder.withConf(ParquetConfiguration)} and
 * {@code withCodecFactory(CompressionCodecFactory)}, both new in 1.14.0 (this module is built against 1.18.1).
 * Spark 3.5 ships parquet-java 1.13.1 and puts it first on the class path; there the writers would fail with
 * {@code NoSuchMethodError: ParquetWriter$Builder.withConf(Lorg/apache/parquet/conf/ParquetConfiguration;)}.
 * Instead, {@code open(...)} of either writer checks the class path first and throws an
 * {@link java.lang.UnsupportedOperationException} naming the parquet-java version found, where it was loaded
 * from, and the version needed. Fixes: put parquet-hadoop, parquet-column and parquet-common 1.18.1 first
 * ({@code spark.driver.userClassPathFirst=true} / {@code spark.executor.userClassPathFirst=true}), or shade and
 * relocate {@code org.apache.parquet} in the job's jar; Spark 4.x ships a new enough parquet-java. Reading uses
 * only API present in 1.13 ({@code ParquetFileReader.open(InputFile, ParquetReadOptions)}).
 */
package io.mlformats.parquet;
