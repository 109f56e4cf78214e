/**
 * Public entry points of mlformats for Spark: {@link io.mlformats.spark.MlFormatsFunctions} (the SQL functions
 * {@code to_libsvm}, {@code from_libsvm}, {@code to_recordio_protobuf}, {@code from_recordio_protobuf}) and
 * {@link io.mlformats.spark.MlFormatsValidation} ("would this algorithm accept this DataFrame as a channel?").
 * The data sources are used by their short names ({@code sagemaker-libsvm}, {@code recordio-protobuf},
 * {@code recordio}).
 */
package io.mlformats.spark;
