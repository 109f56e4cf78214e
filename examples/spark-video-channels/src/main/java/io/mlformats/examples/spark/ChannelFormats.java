package io.mlformats.examples.spark;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.TabularReader;
import io.mlformats.core.validate.TabularAlgorithm;
import io.mlformats.core.validate.TabularValidator;
import io.mlformats.core.validate.TabularValidatorOptions;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Every call of the example to mlformats' Spark data sources and validators, in one place: the SageMaker channel
 * formats the job writes, reads back and validates. Stateless; thread-safe.
 */
public final class ChannelFormats {
    /** XGBoost's LibSVM: {@code sagemaker-libsvm}, zero-based indices as SageMaker XGBoost reads them. */
    static final String LIBSVM = "sagemaker-libsvm";
    /** Linear Learner's RecordIO-protobuf: {@code recordio-protobuf}, float32 tensors. */
    static final String RECORDIO_PROTOBUF = "recordio-protobuf";
    /** File name extension of LibSVM shards. */
    static final String LIBSVM_EXTENSION = ".libsvm";
    /** File name extension of RecordIO-protobuf shards. */
    static final String RECORDIO_PROTOBUF_EXTENSION = ".pbr";

    private ChannelFormats() {
    }

    /**
     * Writes {@code (label, features)} rows as LibSVM shards for SageMaker XGBoost.
     *
     * @param rows the rows, with a numeric {@code label} and a vector {@code features} column
     * @param dir the channel directory (replaced)
     * @param shards the number of files
     */
    static void writeXgboost(Dataset<Row> rows, String dir, int shards) {
        rows.repartition(shards).write().format(LIBSVM)
                .option("indexBase", "zero")
                .mode(SaveMode.Overwrite)
                .save(dir);
    }

    /**
     * Writes {@code (label, features)} rows as RecordIO-protobuf shards for SageMaker Linear Learner.
     *
     * @param rows the rows, with a numeric {@code label} and a vector {@code features} column
     * @param dir the channel directory (replaced)
     * @param shards the number of files
     */
    static void writeLinearLearner(Dataset<Row> rows, String dir, int shards) {
        rows.repartition(shards).write().format(RECORDIO_PROTOBUF)
                .option("featureType", "float32")
                .option("labelType", "float32")
                .mode(SaveMode.Overwrite)
                .save(dir);
    }

    /**
     * Reads an XGBoost channel back.
     *
     * @param spark the session
     * @param dir the channel directory
     * @param numFeatures the width of the vectors
     * @return {@code label double, features vector}
     */
    static Dataset<Row> readXgboost(SparkSession spark, String dir, long numFeatures) {
        return spark.read().format(LIBSVM)
                .option("indexBase", "zero")
                .option("numFeatures", numFeatures)
                .load(dir);
    }

    /**
     * Reads a Linear Learner channel back.
     *
     * @param spark the session
     * @param dir the channel directory
     * @return {@code label double, features vector}
     */
    static Dataset<Row> readLinearLearner(SparkSession spark, String dir) {
        return spark.read().format(RECORDIO_PROTOBUF).load(dir);
    }

    /**
     * Validates a DataFrame before it is written, with the library's validator for {@code algorithm} run in one
     * Spark job ({@code io.mlformats.spark.MlFormatsValidation}): the values are checked as the channel will hold them (float64 for
     * LibSVM, which writes every double exactly; float32 for RecordIO-protobuf).
     *
     * @param rows the {@code (label, features)} rows
     * @param algorithm {@code xgboost} or {@code linear-learner}
     * @param numFeatures the expected width (0: not checked)
     * @return the merged report of all partitions
     */
    static ValidationReport validateFrame(Dataset<Row> rows, TabularAlgorithm algorithm, long numFeatures) {
        Map<String, String> options = Map.of("numClasses", "2", "featureDim", Long.toString(numFeatures),
                "maxKept", "20", "featureType", algorithm == TabularAlgorithm.XGBOOST ? "float64" : "float32");
        // The string-options entry point (the one PySpark calls by name), looked up by name so that this module
        // builds before the SQL functions' branch is merged; switch to a direct call then.
        try {
            return (ValidationReport) Class.forName("io.mlformats.spark.MlFormatsValidation")
                    .getMethod("validate", Dataset.class, String.class, Map.class)
                    .invoke(null, rows, algorithm.sageMakerName(), options);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("io.mlformats.spark.MlFormatsValidation is not on the class path", e);
        }
    }

    /** Binary labels (0/1) and, when known, the feature width. */
    private static TabularValidatorOptions validatorOptions(long numFeatures) {
        return TabularValidatorOptions.defaults().withNumClasses(2).withFeatureDim(numFeatures).withMaxKept(20);
    }

    /**
     * Validates the files of a channel with the library's validator for {@code algorithm}, reading them in this
     * JVM through Hadoop's file system (local, HDFS or S3 alike): what SageMaker will see, file by file.
     *
     * @param hadoopConf the Hadoop configuration of the session
     * @param dir the channel directory
     * @param algorithm {@code xgboost} or {@code linear-learner}
     * @param numFeatures the expected width (0: not checked)
     * @return the merged report of all files
     * @throws IOException if a file cannot be listed or read, or holds a record the reader refuses
     */
    static ValidationReport validateFiles(Configuration hadoopConf, String dir, TabularAlgorithm algorithm,
                                          long numFeatures) throws IOException {
        TabularValidator validator = new TabularValidator(algorithm, validatorOptions(numFeatures));
        for (Path file : dataFiles(hadoopConf, dir)) {
            FileSystem fs = file.getFileSystem(hadoopConf);
            try (ByteInput input = ByteSources.stream(fs.open(file), file.toString(), ReadLimits.defaults());
                 TabularReader<?> reader = open(input, algorithm, numFeatures)) {
                while (reader.next()) {
                    validator.check(reader.currentRow(), reader.position());
                }
            }
        }
        return validator.finish();
    }

    private static TabularReader<?> open(ByteInput input, TabularAlgorithm algorithm,
                                         long numFeatures) throws IOException {
        if (algorithm == TabularAlgorithm.XGBOOST) {
            return LibSvmReader.open(input, LibSvmReadOptions.defaults().withIndexBase(IndexBase.ZERO)
                    .withNumFeatures(numFeatures));
        }
        return RecordProtobufReader.open(input, RecordProtobufReadOptions.defaults());
    }

    /**
     * The data files of a channel directory: Spark's hidden files ({@code _SUCCESS}, {@code .crc}) left out.
     *
     * @param hadoopConf the Hadoop configuration
     * @param dir the directory
     * @return the files, sorted by name
     * @throws IOException if listing fails
     */
    static List<Path> dataFiles(Configuration hadoopConf, String dir) throws IOException {
        Path d = new Path(dir);
        FileSystem fs = d.getFileSystem(hadoopConf);
        List<Path> files = new ArrayList<>();
        for (FileStatus s : fs.listStatus(d)) {
            String name = s.getPath().getName();
            if (s.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                files.add(s.getPath());
            }
        }
        files.sort(null);
        return files;
    }
}
