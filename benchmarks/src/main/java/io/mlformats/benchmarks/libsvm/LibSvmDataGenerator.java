package io.mlformats.benchmarks.libsvm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.SplittableRandom;

/**
 * Writes the LibSVM benchmark file (like perf-libsvm-anchors.md): label 0/1, 40..60 features per row (about 50),
 * 0-based ascending unique indices below 1,000,000, float32 N(0,1) values printed as C's {@code %.7g}.
 *
 * <p>Usage: {@code LibSvmDataGenerator OUTPUT SIZE_MB SEED}. The same seed gives the same bytes, so peers
 * ({@code shared/peers/libsvm-peers.sh}) can read the very file the JMH run used.
 */
public final class LibSvmDataGenerator {
    private static final int MAX_INDEX = 1_000_000;

    private LibSvmDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LibSvmDataGenerator OUTPUT SIZE_MB SEED");
            System.exit(2);
        }
        long rows = generate(Paths.get(args[0]), Long.parseLong(args[1]) * 1_000_000L, Long.parseLong(args[2]));
        System.out.println(args[0] + ": " + Files.size(Paths.get(args[0])) + " bytes, " + rows + " rows");
    }

    /** Writes rows until at least {@code targetBytes}; returns the row count. */
    public static long generate(Path out, long targetBytes, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        long written = 0;
        long rows = 0;
        int[] idx = new int[60];
        StringBuilder line = new StringBuilder(1024);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            while (written < targetBytes) {
                line.setLength(0);
                line.append(r.nextInt(2));
                int nnz = r.nextInt(40, 61);
                sortedUnique(r, idx, nnz);
                for (int k = 0; k < nnz; k++) {
                    line.append(' ').append(idx[k]).append(':');
                    appendG7(line, (float) r.nextGaussian());
                }
                line.append('\n');
                byte[] b = new byte[line.length()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) line.charAt(i);
                }
                os.write(b);
                written += b.length;
                rows++;
            }
        }
        return rows;
    }

    private static void sortedUnique(SplittableRandom r, int[] idx, int n) {
        while (true) {
            for (int k = 0; k < n; k++) {
                idx[k] = r.nextInt(MAX_INDEX);
            }
            java.util.Arrays.sort(idx, 0, n);
            boolean unique = true;
            for (int k = 1; k < n; k++) {
                unique &= idx[k] != idx[k - 1];
            }
            if (unique) {
                return;
            }
        }
    }

    /** C's {@code printf("%.7g", v)}: 7 significant digits, trailing zeros dropped, exponent form outside [1e-4, 1e7). */
    static void appendG7(StringBuilder sb, double v) {
        if (v == 0) {
            sb.append('0');
            return;
        }
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        int e = (int) Math.floor(Math.log10(v));
        long digits = Math.round(v * Math.pow(10, 6 - e));
        if (digits >= 10_000_000L) {
            digits /= 10;
            e++;
        }
        String d = Long.toString(digits);
        if (e < -4 || e >= 7) {
            sb.append(d.charAt(0));
            String frac = strip(d.substring(1));
            if (!frac.isEmpty()) {
                sb.append('.').append(frac);
            }
            sb.append('e').append(e < 0 ? '-' : '+');
            if (Math.abs(e) < 10) {
                sb.append('0');
            }
            sb.append(Math.abs(e));
        } else if (e >= 0) {
            sb.append(d, 0, e + 1);
            String frac = strip(d.substring(e + 1));
            if (!frac.isEmpty()) {
                sb.append('.').append(frac);
            }
        } else {
            sb.append("0.");
            for (int z = -1; z > e; z--) {
                sb.append('0');
            }
            sb.append(strip(d));
        }
    }

    private static String strip(String s) {
        int n = s.length();
        while (n > 0 && s.charAt(n - 1) == '0') {
            n--;
        }
        return s.substring(0, n);
    }
}
