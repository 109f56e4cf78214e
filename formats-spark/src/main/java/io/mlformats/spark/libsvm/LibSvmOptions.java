package io.mlformats.spark.libsvm;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.spark.internal.SourceOptions;
import java.io.Serializable;
import java.util.Locale;

/**
 * The read options of {@code sagemaker-libsvm}, parsed once on the driver (bad values fail before any task runs)
 * and shipped to the tasks. Immutable.
 */
final class LibSvmOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Option and metadata key of the number of features (Spark's name). */
    static final String NUM_FEATURES = "numFeatures";
    /** Metadata key under which the index base a read settled on travels from schema inference to the tasks. */
    static final String INDEX_BASE_KEY = "mlformats.indexBase";

    /** Spark's parse modes, as its json and csv sources name them. */
    enum Mode { FAILFAST, DROPMALFORMED, PERMISSIVE }

    final long numFeatures;
    final boolean dense;
    final IndexBase indexBase;
    final Mode mode;
    final boolean multiLabel;
    final boolean includeWeight;
    final boolean includeQid;
    final String corruptColumn;

    private LibSvmOptions(SourceOptions o, String defaultCorruptColumn) {
        long n = o.integer(NUM_FEATURES, -1);
        if (n > Integer.MAX_VALUE) {
            throw o.bad(NUM_FEATURES, Long.toString(n), "at most " + Integer.MAX_VALUE + " (a Spark vector's size)");
        }
        this.numFeatures = n > 0 ? n : -1;
        String vt = o.string("vectorType", "sparse");
        switch (vt) {
            case "sparse" -> this.dense = false;
            case "dense" -> this.dense = true;
            // Spark's libsvm source words it this way; keep the text so users find the same answers.
            default -> throw new IllegalArgumentException("Invalid value `" + vt
                    + "` for parameter `vectorType`. Expected types are `sparse` and `dense`.");
        }
        this.indexBase = o.choice("indexBase", IndexBase.class, IndexBase.ZERO);
        this.mode = o.choice("mode", Mode.class, Mode.FAILFAST);
        this.multiLabel = o.bool("multiLabel", false);
        this.includeWeight = o.bool("includeWeight", false);
        this.includeQid = o.bool("includeQid", false);
        this.corruptColumn = o.string("columnNameOfCorruptRecord", defaultCorruptColumn);
    }

    /**
     * Parses the options.
     *
     * @param o the options as given
     * @param defaultCorruptColumn the session's {@code spark.sql.columnNameOfCorruptRecord}
     * @return the options
     * @throws IllegalArgumentException for a bad value, naming the option and what is accepted
     */
    static LibSvmOptions parse(SourceOptions o, String defaultCorruptColumn) {
        return new LibSvmOptions(o, defaultCorruptColumn);
    }

    /**
     * The library options for reading with a settled base and width.
     *
     * @param base ZERO or ONE
     * @param width the number of features to check indices against, or -1 for none
     * @return the library options: float64 values (Spark vectors hold doubles), strict, fail-fast except under
     *         DROPMALFORMED (skip and count)
     */
    LibSvmReadOptions library(IndexBase base, long width) {
        ErrorPolicy policy = mode == Mode.DROPMALFORMED ? ErrorPolicy.SKIP_AND_COLLECT : ErrorPolicy.FAIL_FAST;
        return LibSvmReadOptions.defaults()
                .withIndexBase(base)
                .withNumFeatures(width)
                .withValueType(ValueType.FLOAT64)
                .withMultiLabel(multiLabel)
                .withRead(ReadOptions.defaults().withErrorPolicy(policy).withMaxErrorsKept(0));
    }

    static String lower(IndexBase b) {
        return b.name().toLowerCase(Locale.ROOT);
    }
}
