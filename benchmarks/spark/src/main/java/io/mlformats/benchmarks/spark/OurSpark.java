package io.mlformats.benchmarks.spark;

import static org.apache.spark.sql.functions.call_udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;

/**
 * Every call of the benchmark to mlformats' Spark data sources and SQL functions, in one place. Stateless.
 */
final class OurSpark {
    private OurSpark() {
    }

    /** {@code sagemaker-libsvm} with the given index base; {@code numFeatures <= 0}: inferred. */
    static Dataset<Row> readLibSvm(SparkSession spark, String path, String indexBase, long numFeatures) {
        var r = spark.read().format("sagemaker-libsvm").option("indexBase", indexBase);
        if (numFeatures > 0) {
            r = r.option("numFeatures", numFeatures);
        }
        return r.load(path);
    }

    /** {@code recordio-protobuf}, LabeledVector rows. */
    static Dataset<Row> readRecordIo(SparkSession spark, String path) {
        return spark.read().format("recordio-protobuf").load(path);
    }

    /** {@code sagemaker-libsvm}, zero-based (its default). */
    static void writeLibSvm(Dataset<Row> df, String dir) {
        df.write().format("sagemaker-libsvm").mode(SaveMode.Overwrite).save(dir);
    }

    /** {@code recordio-protobuf}, float32 (its default, as sagemaker-spark). */
    static void writeRecordIo(Dataset<Row> df, String dir) {
        df.write().format("recordio-protobuf").mode(SaveMode.Overwrite).save(dir);
    }

    /** Registers the SQL functions ({@code MlFormatsFunctions.register}). */
    static void registerFunctions(SparkSession spark) {
        try {
            Class.forName("io.mlformats.spark.MlFormatsFunctions").getMethod("register", SparkSession.class)
                    .invoke(null, spark);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MlFormatsFunctions.register(spark) failed", e);
        }
    }

    /** {@code to_recordio_protobuf(label, features)}. */
    static Column toRecordIoProtobuf(Column label, Column features) {
        return call_udf("to_recordio_protobuf", label, features);
    }

    /** {@code to_libsvm(label, features)}. */
    static Column toLibSvm(Column label, Column features) {
        return call_udf("to_libsvm", label, features);
    }

    /** A new instance of the function class behind {@code to_recordio_protobuf}, for calls outside Spark. */
    @SuppressWarnings("unchecked")
    static UDF2<Object, Object, byte[]> newToRecordIoProtobuf() {
        try {
            return (UDF2<Object, Object, byte[]>) Class.forName("io.mlformats.spark.udf.ToRecordIoProtobuf")
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("io.mlformats.spark.udf.ToRecordIoProtobuf not found", e);
        }
    }
}
