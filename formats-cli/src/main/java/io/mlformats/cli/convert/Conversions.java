package io.mlformats.cli.convert;

import io.mlformats.cli.Format;
import io.mlformats.cli.UserException;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which conversions exist and how to open their ends. Tabular formats (LibSVM, CSV, RecordIO-protobuf, Parquet)
 * convert to each other through {@link Row}; DeepAR JSON Lines converts to and from DeepAR Parquet; BlazingText
 * text to and from its augmented-manifest form ({@link DocumentConversions}).
 */
public final class Conversions {
    /** Formats that hold labelled feature rows. */
    public static final Set<Format> TABULAR = EnumSet.of(Format.LIBSVM, Format.CSV, Format.RECORDIO_PROTOBUF,
            Format.PARQUET);

    private Conversions() {
    }

    /** Checks that {@code from -> to} is a conversion the tool offers (whether or not built in). */
    public static void checkPair(Format from, Format to) throws UserException {
        boolean ok = (TABULAR.contains(from) && TABULAR.contains(to))
                || (from == Format.DEEPAR && to == Format.PARQUET) || (from == Format.PARQUET && to == Format.DEEPAR)
                || (from == Format.BLAZINGTEXT && to == Format.MANIFEST)
                || (from == Format.MANIFEST && to == Format.BLAZINGTEXT);
        if (!ok) {
            throw UserException.usage("no conversion from " + from + " to " + to + "; supported: between libsvm, "
                    + "csv, recordio-protobuf and parquet; deepar <-> parquet; blazingtext <-> manifest");
        }
    }

    /** Opens rows of a tabular input. */
    public static RowSource openRows(Format f, Path in, ConvertOptions o) throws IOException, UserException {
        return switch (f) {
            case PARQUET -> ParquetRowSource.open(in, o);
            case LIBSVM -> LibSvmRowSource.open(in, o);
            case CSV -> CsvRowSource.open(in, o);
            case RECORDIO_PROTOBUF -> RecordIoRowSource.open(in, o);
            default -> throw UserException.usage(f + " does not hold feature rows");
        };
    }

    /**
     * Decides, before converting, what the whole input determines: for LibSVM an AUTO index base and the width
     * when {@code --num-features} is absent and the output needs it (CSV, RecordIO-protobuf, Parquet, dense
     * rows). That costs one extra parsing pass, which {@code --num-features N} (with a fixed base) avoids.
     */
    public static ConvertOptions resolve(Format from, Format to, List<Path> files, ConvertOptions o)
            throws IOException {
        if (from != Format.LIBSVM) {
            return o;
        }
        boolean needsWidth = to != Format.LIBSVM || Boolean.TRUE.equals(o.dense());
        if (o.indexBase() != IndexBase.AUTO && (o.numFeatures() > 0 || !needsWidth)) {
            return o;
        }
        return LibSvmRowSource.scan(files, o);
    }

    /** A factory of single-file sinks for a tabular output format. */
    public static SinkFactory rowSinks(Format f, ConvertOptions o, ValueType inputType, long width)
            throws UserException {
        return switch (f) {
            case PARQUET -> {
                if (o.gzip()) {
                    throw UserException.usage("--gzip does not apply to parquet output (Parquet compresses pages)");
                }
                yield target -> new ParquetRowSink(target, o, inputType, width);
            }
            case LIBSVM -> {
                if (Boolean.TRUE.equals(o.dense())) {
                    throw UserException.usage("libsvm output is sparse; --dense does not apply");
                }
                ValueType t = o.dtype() != null ? o.dtype() : inputType;
                yield target -> TextRowSink.libsvm(target, o, t);
            }
            case CSV -> {
                if (Boolean.FALSE.equals(o.dense())) {
                    throw UserException.usage("csv output is dense; --sparse does not apply");
                }
                ValueType t = o.dtype() != null ? o.dtype() : inputType;
                long w = o.numFeatures() > 0 ? o.numFeatures() : width;
                yield target -> TextRowSink.csv(target, o, t, w);
            }
            case RECORDIO_PROTOBUF -> target -> new RecordIoRowSink(target, o, inputType, width);
            default -> throw UserException.usage(f + " does not hold feature rows");
        };
    }

    /** File name suffix of shards of {@code f} (with {@code .gz} when gzipped). */
    public static String suffix(Format f, boolean gzip) {
        return f.extension() + (gzip ? ".gz" : "");
    }
}
