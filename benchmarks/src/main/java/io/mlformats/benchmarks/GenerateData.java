package io.mlformats.benchmarks;

import io.mlformats.benchmarks.jsonlines.DeepArDataGenerator;
import io.mlformats.benchmarks.libsvm.LibSvmDataGenerator;
import io.mlformats.benchmarks.recordio.RecordIoDataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One entry point for the benchmark input files of every format, so that the JMH benchmarks and the non-JVM
 * peers ({@code shared/peers/*.sh}) read the same bytes:
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.mlformats.benchmarks.GenerateData FORMAT OUTPUT SIZE_MB [SEED]
 *   FORMAT = libsvm | recordio-dense | recordio-sparse | deepar
 * </pre>
 *
 * The shapes are the ones the issues and {@code shared/specs/perf-anchors.md} describe: LibSVM with ~50 nnz per
 * row and {@code %.7g} values; RecordIO-protobuf rows of 100 dense float32 (or ~50 of 100,000 sparse) with a
 * float32 label; DeepAR series of 2,000 points with 1% "NaN", cat and two dynamic_feat rows.
 */
public final class GenerateData {
    /** Approximate bytes of one RecordIO-protobuf row, to turn a size into a row count. */
    private static final int DENSE_ROW_BYTES = 448;
    private static final int SPARSE_ROW_BYTES = 400;

    private GenerateData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: GenerateData libsvm|recordio-dense|recordio-sparse|deepar OUTPUT SIZE_MB [SEED]");
            System.exit(2);
        }
        String format = args[0].toLowerCase(Locale.ROOT);
        Path out = Path.of(args[1]);
        long bytes = Long.parseLong(args[2]) * 1_000_000L;
        long seed = args.length == 4 ? Long.parseLong(args[3]) : 42L;
        switch (format) {
            case "libsvm" -> LibSvmDataGenerator.generate(out, bytes, seed);
            case "recordio-dense" -> RecordIoDataGenerator.write(out, rows(bytes, DENSE_ROW_BYTES), true, seed);
            case "recordio-sparse" -> RecordIoDataGenerator.write(out, rows(bytes, SPARSE_ROW_BYTES), false, seed);
            case "deepar" -> DeepArDataGenerator.generate(out, bytes, seed);
            default -> {
                System.err.println("unknown format: " + args[0]);
                System.exit(2);
            }
        }
        System.out.println(out + ": " + Files.size(out) + " bytes");
    }

    private static int rows(long bytes, int perRow) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / perRow));
    }
}
