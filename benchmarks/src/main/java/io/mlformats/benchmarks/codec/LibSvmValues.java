package io.mlformats.benchmarks.codec;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic feature values as they appear in LibSVM files: {@code %.7g}-formatted random floats of mixed
 * magnitudes (trailing zeros stripped, as C and Python's {@code %g} print them) mixed with small integers such
 * as {@code 1} and {@code 0}, each followed by a space as in a LibSVM line, in one byte array and addressed by
 * offset and length. (Until 2026-11-22 the values were packed back to back with no delimiter, a layout no text
 * format has; it kept the parser's word-at-a-time path from running, since the next value's digits continued
 * the number past its end.)
 */
final class LibSvmValues {
    final byte[] bytes;
    final int[] offsets;
    final int[] lengths;
    final float[] floats;
    final long totalBytes;

    LibSvmValues(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder all = new StringBuilder(count * 12);
        offsets = new int[count];
        lengths = new int[count];
        floats = new float[count];
        for (int i = 0; i < count; i++) {
            String s;
            if (r.nextInt(10) < 3) {
                s = Integer.toString(r.nextInt(10) < 7 ? r.nextInt(2) : r.nextInt(100));
            } else {
                double magnitude = Math.pow(10, r.nextInt(-6, 7)) * (1 + r.nextDouble() * 9);
                float v = (float) (r.nextInt(4) == 0 ? -magnitude : magnitude);
                s = cStyleG7(v);
            }
            offsets[i] = all.length();
            lengths[i] = s.length();
            floats[i] = Float.parseFloat(s);
            all.append(s).append(' ');
        }
        bytes = all.toString().getBytes(StandardCharsets.US_ASCII);
        totalBytes = bytes.length - count; // the values themselves, not their delimiters
    }

    /** C's {@code printf("%.7g")}: Java's %g keeps trailing zeros, C's drops them. */
    static String cStyleG7(float v) {
        String s = String.format(Locale.ROOT, "%.7g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + exponent;
    }
}
