package io.mlformats.spark.recordio;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.recordio.MultipartPolicy;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.spark.internal.SourceOptions;
import java.io.Serializable;

/**
 * The read options both RecordIO sources share ({@code mode}, {@code multipart}, {@code splittable}), parsed once
 * on the driver. Immutable and serializable (shipped inside reader functions).
 */
final class RecordIoReadSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Spark's parse modes that these sources support. */
    enum Mode { FAILFAST, DROPMALFORMED }

    final Mode mode;
    final MultipartPolicy multipart;
    final boolean splittable;

    private RecordIoReadSettings(Mode mode, MultipartPolicy multipart, boolean splittable) {
        this.mode = mode;
        this.multipart = multipart;
        this.splittable = splittable;
    }

    static RecordIoReadSettings parse(SourceOptions options) {
        return new RecordIoReadSettings(options.choice("mode", Mode.class, Mode.FAILFAST),
                options.choice("multipart", MultipartPolicy.class, MultipartPolicy.DMLC),
                options.bool("splittable", true));
    }

    boolean dropMalformed() {
        return mode == Mode.DROPMALFORMED;
    }

    /**
     * The library's options: FAILFAST is strict and fail-fast; DROPMALFORMED is lenient (a damaged end of file is
     * dropped) and skips records that do not decode, counting them.
     */
    RecordIoReadOptions framing() {
        ReadOptions read = ReadOptions.defaults();
        if (dropMalformed()) {
            read = read.withMode(ReadMode.LENIENT).withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        }
        return RecordIoReadOptions.defaults().withRead(read).withMultipart(multipart);
    }

    ReadLimits limits() {
        return ReadLimits.defaults();
    }
}
