package io.mlformats.spark;

import io.mlformats.spark.udf.FromLibSvm;
import io.mlformats.spark.udf.FromRecordIoProtobuf;
import io.mlformats.spark.udf.ToLibSvm;
import io.mlformats.spark.udf.ToRecordIoProtobuf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.UDFRegistration;
import org.apache.spark.sql.functions;

/**
 * Registers the mlformats SQL functions and builds {@link Column}s calling them.
 *
 * <table>
 *   <caption>Functions</caption>
 *   <tr><th>SQL</th><th>result</th><th>class</th></tr>
 *   <tr><td>{@code to_libsvm(label, features)}</td><td>{@code string}: one LibSVM line, no {@code '\n'}</td>
 *       <td>{@link ToLibSvm}</td></tr>
 *   <tr><td>{@code from_libsvm(line, num_features)}</td><td>{@code struct<label double, features vector>}</td>
 *       <td>{@link FromLibSvm}</td></tr>
 *   <tr><td>{@code to_recordio_protobuf(label, features)}</td><td>{@code binary}: one complete RecordIO frame;
 *       frames concatenated are a {@code .pbr} body</td><td>{@link ToRecordIoProtobuf}</td></tr>
 *   <tr><td>{@code from_recordio_protobuf(frame)}</td><td>{@code struct<label double, features vector>}</td>
 *       <td>{@link FromRecordIoProtobuf}</td></tr>
 * </table>
 *
 * <p>{@code features} may be an ml or mllib vector or {@code array<float|double|int>}; {@code label} any numeric
 * type. From Java or Scala:
 * <pre>{@code
 * MlFormatsFunctions.register(spark);                       // or register(spark, MlFormatsUdfOptions...)
 * spark.sql("SELECT to_libsvm(label, features) FROM rows");
 * df.select(MlFormatsFunctions.toRecordioProtobuf(col("label"), col("features")));
 * }</pre>
 * From PySpark, either {@code spark._jvm.io.mlformats.spark.MlFormatsFunctions.register(spark._jsparkSession)}
 * (all four, Python then calls them by name: {@code F.expr("to_libsvm(label, features)")}), or one at a time
 * by class name: {@code spark.udf.registerJavaFunction("to_libsvm", "io.mlformats.spark.udf.ToLibSvm",
 * StringType())} (classes with default options). Registration is per session and thread-safe as Spark's is;
 * this class holds no state.
 */
public final class MlFormatsFunctions {
    private MlFormatsFunctions() {
    }

    /**
     * Registers {@code to_libsvm}, {@code from_libsvm}, {@code to_recordio_protobuf} and
     * {@code from_recordio_protobuf} with {@link MlFormatsUdfOptions#defaults()}.
     *
     * @param spark the session to register the functions in
     */
    public static void register(SparkSession spark) {
        register(spark, MlFormatsUdfOptions.defaults());
    }

    /**
     * Registers the four functions with {@code options} (replacing earlier registrations under the same names).
     *
     * @param spark   the session to register the functions in
     * @param options index base, tensor types and keys, framing, non-finite handling
     */
    public static void register(SparkSession spark, MlFormatsUdfOptions options) {
        UDFRegistration udf = spark.udf();
        udf.register(ToLibSvm.NAME, new ToLibSvm(options), ToLibSvm.returnType());
        udf.register(FromLibSvm.NAME, new FromLibSvm(options), FromLibSvm.returnType());
        udf.register(ToRecordIoProtobuf.NAME, new ToRecordIoProtobuf(options), ToRecordIoProtobuf.returnType());
        udf.register(FromRecordIoProtobuf.NAME, new FromRecordIoProtobuf(), FromRecordIoProtobuf.returnType());
    }

    /**
     * {@code to_libsvm(label, features)}; needs {@link #register} in the session that runs it.
     *
     * @param label    a numeric column
     * @param features an ml/mllib vector or {@code array<float|double|int>} column
     * @return a {@code string} column of LibSVM lines
     */
    public static Column toLibsvm(Column label, Column features) {
        return functions.call_udf(ToLibSvm.NAME, label, features);
    }

    /**
     * {@code from_libsvm(line, num_features)}; needs {@link #register}.
     *
     * @param line        a {@code string} column of LibSVM lines
     * @param numFeatures an integer column or literal: the vector size (null or {@code <= 0}: the line's largest
     *                    index + 1)
     * @return a {@code struct<label double, features vector>} column
     */
    public static Column fromLibsvm(Column line, Column numFeatures) {
        return functions.call_udf(FromLibSvm.NAME, line, numFeatures);
    }

    /**
     * {@code to_recordio_protobuf(label, features)}; needs {@link #register}.
     *
     * @param label    a numeric column (null: a record without label)
     * @param features an ml/mllib vector or {@code array<float|double|int>} column
     * @return a {@code binary} column of complete RecordIO frames
     */
    public static Column toRecordioProtobuf(Column label, Column features) {
        return functions.call_udf(ToRecordIoProtobuf.NAME, label, features);
    }

    /**
     * {@code from_recordio_protobuf(frame)}; needs {@link #register}.
     *
     * @param frame a {@code binary} column of RecordIO frames
     * @return a {@code struct<label double, features vector>} column
     */
    public static Column fromRecordioProtobuf(Column frame) {
        return functions.call_udf(FromRecordIoProtobuf.NAME, frame);
    }
}
