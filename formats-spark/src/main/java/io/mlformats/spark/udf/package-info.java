/**
 * The mlformats SQL functions as Java UDF classes ({@code to_libsvm}, {@code from_libsvm},
 * {@code to_recordio_protobuf}, {@code from_recordio_protobuf}), each with a public no-arg constructor for
 * PySpark's {@code spark.udf.registerJavaFunction}; {@link io.mlformats.spark.MlFormatsFunctions} registers all
 * four at once.
 */
package io.mlformats.spark.udf;
