/**
 * The {@code sagemaker-libsvm} Spark data source: LibSVM/SVMlight text read and written by the mlformats library,
 * with Spark's {@code libsvm} schema, splittable reads and SageMaker's zero-based indices by default. Use it by
 * name: {@code spark.read().format("sagemaker-libsvm")}; see {@link io.mlformats.spark.libsvm.LibSvmFileFormat}
 * for the options.
 */
package io.mlformats.spark.libsvm;
