package io.mlformats.benchmarks.jsonlines;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the DeepAR benchmark file: series of 2,000 points with 4-decimal values, 1% {@code "NaN"}, two cat
 * features and two dynamic_feat rows, until the target size is reached (the layout of the perf-anchors file).
 * Text is produced with {@code %.4f} as Python notebooks do, independent of our writer.
 *
 * <p>Usage: {@code DeepArDataGenerator <output path> <target MB> <seed>}
 */
public final class DeepArDataGenerator {
    private DeepArDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DeepArDataGenerator <output path> <target MB> <seed>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1_000_000L;
        long seed = Long.parseLong(args[2]);
        long written = generate(out, target, seed);
        System.out.printf(Locale.ROOT, "%s: %.1f MB%n", out, written / 1e6);
    }

    /** Writes series until at least {@code targetBytes}; returns the size. */
    public static long generate(Path out, long targetBytes, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        long written = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            StringBuilder sb = new StringBuilder(64 << 10);
            int series = 0;
            while (written < targetBytes) {
                sb.setLength(0);
                sb.append("{\"start\": \"").append(2000 + series % 20).append("-01-01 00:00:00\", \"target\": [");
                double level = 10 + r.nextDouble() * 990;
                for (int i = 0; i < 2000; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    if (r.nextInt(100) == 0) {
                        sb.append("\"NaN\"");
                    } else {
                        level = Math.max(0, level + r.nextGaussian());
                        sb.append(String.format(Locale.ROOT, "%.4f", level));
                    }
                }
                sb.append("], \"cat\": [").append(series % 5).append(", ").append(series % 3)
                        .append("], \"dynamic_feat\": [");
                for (int row = 0; row < 2; row++) {
                    sb.append(row > 0 ? ", [" : "[");
                    for (int i = 0; i < 2000; i++) {
                        sb.append(i > 0 ? ", " : "").append(r.nextInt(2));
                    }
                    sb.append(']');
                }
                sb.append("]}\n");
                byte[] line = sb.toString().getBytes(StandardCharsets.UTF_8);
                os.write(line);
                written += line.length;
                series++;
            }
        }
        return written;
    }
}
