package io.mlformats.core.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** Generators and oracles for the number codec tests (seeded through {@link io.mlformats.testkit.Seeds}). */
final class CodecCases {
    /** The grammar of the NumberParser Javadoc, as an independent oracle. */
    static final Pattern FINITE = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    static final Pattern NON_FINITE = Pattern.compile("[+-]?(?i:nan|inf|infinity)");

    private CodecCases() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A random decimal literal: 1..25 significant digits, optional leading zeros, sign, point anywhere
     * (including "1." and ".5"), exponent chosen so the value lands in {@code [10^minExp10, 10^maxExp10]}.
     */
    static String randomDecimal(SplittableRandom r, int minExp10, int maxExp10) {
        StringBuilder sb = new StringBuilder(48);
        int sign = r.nextInt(4);
        if (sign == 0) {
            sb.append('-');
        } else if (sign == 1) {
            sb.append('+');
        }
        int n = r.nextInt(10) == 0 ? 1 + r.nextInt(25) : 1 + r.nextInt(r.nextBoolean() ? 9 : 19);
        StringBuilder digits = new StringBuilder(n);
        digits.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < n; i++) {
            // Runs of 0s and 9s provoke carries and halfway-like truncations.
            int kind = r.nextInt(8);
            digits.append(kind == 0 ? '0' : kind == 1 ? '9' : (char) ('0' + r.nextInt(10)));
        }
        int leadingZeros = r.nextInt(6) == 0 ? 1 + r.nextInt(5) : 0;
        String all = "0".repeat(leadingZeros) + digits;
        int point = r.nextInt(all.length() + 2) - 1; // -1: no point
        String mant;
        int fracDigits;
        if (point < 0) {
            mant = all;
            fracDigits = 0;
        } else {
            mant = all.substring(0, point) + "." + all.substring(point);
            fracDigits = all.length() - point;
        }
        sb.append(mant);
        // value ~ digits × 10^(exp - fracDigits); pick the magnitude of the result uniformly.
        int target = minExp10 + r.nextInt(maxExp10 - minExp10 + 1);
        int exp = target - (n - 1) + fracDigits;
        if (exp != 0 || r.nextInt(4) == 0) {
            sb.append(r.nextBoolean() ? 'e' : 'E');
            if (exp >= 0 && r.nextBoolean()) {
                sb.append('+');
            }
            sb.append(exp);
        }
        return sb.toString();
    }

    /** The exact decimal value of the literal (grammar-valid finite input). */
    static BigDecimal exact(String s) {
        return new BigDecimal(s); // BigDecimal's grammar accepts "1." and ".5" too
    }

    /** The decimal that is exactly halfway between {@code v} and the next double up. */
    static BigDecimal midpointAbove(double v) {
        return new BigDecimal(v).add(new BigDecimal(Math.nextUp(v))).divide(BigDecimal.valueOf(2));
    }

    /** {@code x} rounded to {@code digits} significant digits in the given direction. */
    static BigDecimal round(BigDecimal x, int digits, RoundingMode mode) {
        return x.round(new MathContext(digits, mode));
    }
}
