package io.mlformats.benchmarks.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.SplittableRandom;

/**
 * Writes a LibSVM file of a fixed, small width for the CLI's CSV conversion benchmark ({@code cli-bench.sh}):
 * label 0/1, each of {@code WIDTH} columns present with probability 1/2 (the last always, so the inferred width
 * is WIDTH), float32 N(0,1) values in Java's shortest form. The libsvm benchmark file has indices up to 10^6,
 * which as CSV would be a million fields per row.
 *
 * <p>Usage: {@code NarrowLibSvmGenerator OUTPUT SIZE_MB SEED [WIDTH=100]}; the same arguments give the same bytes.
 */
public final class NarrowLibSvmGenerator {
    private NarrowLibSvmGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: NarrowLibSvmGenerator OUTPUT SIZE_MB SEED [WIDTH]");
            System.exit(2);
        }
        int width = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Path out = Paths.get(args[0]);
        long target = Long.parseLong(args[1]) * 1_000_000L;
        SplittableRandom r = new SplittableRandom(Long.parseLong(args[2]));
        long written = 0;
        long rows = 0;
        StringBuilder line = new StringBuilder(4096);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            while (written < target) {
                line.setLength(0);
                line.append(r.nextInt(2));
                for (int c = 0; c < width; c++) {
                    if (c == width - 1 || r.nextBoolean()) {
                        line.append(' ').append(c).append(':').append((float) gaussian(r));
                    }
                }
                line.append('\n');
                byte[] b = line.toString().getBytes(StandardCharsets.US_ASCII);
                os.write(b);
                written += b.length;
                rows++;
            }
        }
        System.out.println(out + ": " + written + " bytes, " + rows + " rows, width " + width);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
