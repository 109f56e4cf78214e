package io.mlformats.spark.udf;

import io.mlformats.core.ByteSources;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.spark.MlFormatsUdfOptions;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataType;

/**
 * SQL function {@code from_libsvm(line, num_features)}: parses one LibSVM line with the library's parser into
 * {@code struct<label double, features vector>}, the features an ml sparse vector of size {@code num_features}
 * (null or non-positive: the line's largest index + 1, which differs between rows). Index base from
 * {@link MlFormatsUdfOptions#indexBase()} (zero by default; one for lines written by Spark's {@code libsvm}
 * source). The inverse of {@code to_libsvm} with the same options. A null line gives null.
 *
 * <p>Errors ({@link IllegalArgumentException}, failing the task): a line that does not parse (the message holds
 * the line's text, the library's error with its byte offset, and what was expected), an index not below
 * {@code num_features}, more than one line, and arguments of other types. Registered as a {@link UDF2}; from
 * PySpark's {@code registerJavaFunction} give the return type ({@link #returnType()}: in Python
 * {@code StructType([StructField("label", DoubleType()), StructField("features", VectorUDT())])}).
 *
 * @serial exclude (Java serialization only ships functions and options to tasks; it is not a storage form)
 */
public final class FromLibSvm implements UDF2<Object, Object, Row> {
    private static final long serialVersionUID = 1L;
    /** The SQL name {@link io.mlformats.spark.MlFormatsFunctions} registers this function under. */
    public static final String NAME = "from_libsvm";
    private static final int SHOWN_CHARS = 200;

    private final MlFormatsUdfOptions options;

    /** With {@link MlFormatsUdfOptions#defaults()}: zero-based indices. */
    public FromLibSvm() {
        this(MlFormatsUdfOptions.defaults());
    }

    /**
     * With the index base of {@code options}.
     *
     * @param options the function settings
     */
    public FromLibSvm(MlFormatsUdfOptions options) {
        this.options = options;
    }

    /**
     * The SQL result type.
     *
     * @return {@code struct<label double, features vector>} (ml {@code VectorUDT})
     */
    public static DataType returnType() {
        return Decoding.LABELED_VECTOR;
    }

    /**
     * Parses one line.
     *
     * @param line         the line, a {@link String} (no {@code '\n'} needed); null gives null
     * @param numFeatures  the vector size, an integer; null or {@code <= 0} for the line's largest index + 1
     * @return a row {@code (label, features)}, or null
     * @throws IllegalArgumentException for a line that does not parse or arguments of other types
     */
    @Override
    public Row call(Object line, Object numFeatures) {
        if (line == null) {
            return null;
        }
        if (!(line instanceof String text)) {
            throw new IllegalArgumentException(NAME + ": argument 'line' is " + Features.typeOf(line)
                    + "; accepted: string");
        }
        long n = Features.count(NAME, "num_features", numFeatures);
        LibSvmReadOptions o = options.libSvmReadOptions();
        LibSvmReadOptions read = n > 0 ? o.withNumFeatures(n) : o;
        String shown = "line '" + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "...'" : text + "'");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Decoding.one(NAME, shown, "one line 'label index:value ...' with " + options.indexBase()
                        .name().toLowerCase(java.util.Locale.ROOT) + "-based indices", n,
                () -> LibSvmReader.open(ByteSources.of(bytes, NAME).input(), read));
    }
}
