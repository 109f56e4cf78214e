package io.mlformats.spark.udf;

import io.mlformats.libsvm.LibSvmLineFormatter;
import io.mlformats.libsvm.LibSvmWriteOptions;
import io.mlformats.spark.MlFormatsUdfOptions;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * SQL function {@code to_libsvm(label, features)}: one LibSVM line, without {@code '\n'}, exactly as the
 * {@code sagemaker-libsvm} data source and {@link io.mlformats.libsvm.LibSvmWriter} write the row (index base and
 * non-finite handling from {@link MlFormatsUdfOptions}; zero-based by default, Spark's own {@code libsvm} source is
 * one-based). {@code label} is any numeric type; {@code features} an ml or mllib vector (dense vectors write every
 * value, zeros included, as Spark does: XGBoost reads an absent entry as missing) or {@code array<float|double|int>}.
 * A null argument gives null.
 *
 * <p>Errors ({@link IllegalArgumentException}, failing the task): an argument of another type, naming the
 * function, the argument and the accepted types; a row LibSVM cannot hold (a NaN or infinite number without
 * {@code allowNonFinite}, a negative index). Scratch buffers are per thread; an instance may be shared by task
 * threads. Registered as a {@link UDF2}; the public no-arg constructor (defaults) is what PySpark's
 * {@code spark.udf.registerJavaFunction("to_libsvm", "io.mlformats.spark.udf.ToLibSvm", StringType())} needs.
 *
 * @serial exclude (Java serialization only ships functions and options to tasks; it is not a storage form)
 */
public final class ToLibSvm implements UDF2<Object, Object, String> {
    private static final long serialVersionUID = 1L;
    /** The SQL name {@link io.mlformats.spark.MlFormatsFunctions} registers this function under. */
    public static final String NAME = "to_libsvm";

    private final PerThread<State> state;

    /** With {@link MlFormatsUdfOptions#defaults()}: zero-based indices, non-finite numbers refused. */
    public ToLibSvm() {
        this(MlFormatsUdfOptions.defaults());
    }

    /**
     * With the index base and non-finite handling of {@code options}.
     *
     * @param options the function settings
     */
    public ToLibSvm(MlFormatsUdfOptions options) {
        options.libSvmWriteOptions(); // checked here, on the driver, not first in a task
        this.state = new PerThread<>(() -> new State(options.libSvmWriteOptions()));
    }

    /**
     * The SQL result type.
     *
     * @return {@code string}
     */
    public static DataType returnType() {
        return DataTypes.StringType;
    }

    /**
     * Formats one row.
     *
     * @param label    the label, a {@link Number}; null gives null
     * @param features an ml/mllib vector or a {@code scala.collection.Seq} of numbers; null gives null
     * @return the line, or null
     * @throws IllegalArgumentException for arguments of other types or a row LibSVM text cannot hold
     */
    @Override
    public String call(Object label, Object features) {
        if (label == null || features == null) {
            return null;
        }
        State s = state.get();
        double l = Features.label(NAME, "label", label);
        Features f = s.features;
        f.read(NAME, "features", features);
        int n;
        try {
            n = f.dense ? s.format.formatDense(l, f.values, f.nnz) : s.format.format(l, f.indices, f.values, 0, f.nnz);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
        }
        return new String(s.format.buffer(), 0, n, StandardCharsets.US_ASCII);
    }

    private static final class State {
        final Features features = new Features();
        final LibSvmLineFormatter format;

        State(LibSvmWriteOptions o) {
            format = LibSvmLineFormatter.of(o);
        }
    }
}
