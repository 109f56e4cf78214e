package io.mlformats.core.text;

import java.nio.charset.StandardCharsets;

/**
 * Writes numbers as ASCII into byte arrays: floats and doubles in the shortest decimal that reads back to the
 * same bits, integers in plain decimal. Stateless and thread-safe.
 *
 * <p>Float layout (the ECMAScript {@code Number.prototype.toString} rules, so the output is also valid JSON):
 * with shortest digits {@code d1..dn} and decimal point position {@code k} ({@code value = 0.d1..dn × 10^k}),
 * plain notation when {@code -6 < k <= 21} ({@code 1}, {@code 0.1}, {@code 123.5}, {@code 0.000001}), otherwise
 * {@code d1[.d2..dn]e[+-]exp} ({@code 1e-7}, {@code 3.4028235e+38}). Negative zero is {@code -0}; non-finite
 * values are {@code NaN}, {@code Infinity}, {@code -Infinity} (callers decide whether to allow them).
 */
public final class NumberFormatter {
    /** Enough room for any float. */
    public static final int MAX_FLOAT_BYTES = 16;
    /** Enough room for any double. */
    public static final int MAX_DOUBLE_BYTES = 26;
    /** Enough room for any long. */
    public static final int MAX_LONG_BYTES = 20;

    private NumberFormatter() {
    }

    /** Writes {@code v} at {@code dst[off]}; returns the index just past the last byte written. */
    public static int writeFloat(float v, byte[] dst, int off) {
        return writeAscii(layout(Float.toString(v)), dst, off);
    }

    /** Writes {@code v} at {@code dst[off]}; returns the index just past the last byte written. */
    public static int writeDouble(double v, byte[] dst, int off) {
        return writeAscii(layout(Double.toString(v)), dst, off);
    }

    /** Writes {@code v} in decimal at {@code dst[off]}; returns the index just past the last byte written. */
    public static int writeLong(long v, byte[] dst, int off) {
        return writeAscii(Long.toString(v), dst, off);
    }

    /** The shortest round-trip text of {@code v}, as {@link #writeFloat} writes it. */
    public static String toString(float v) {
        byte[] b = new byte[MAX_FLOAT_BYTES];
        return new String(b, 0, writeFloat(v, b, 0), StandardCharsets.US_ASCII);
    }

    /** The shortest round-trip text of {@code v}, as {@link #writeDouble} writes it. */
    public static String toString(double v) {
        byte[] b = new byte[MAX_DOUBLE_BYTES];
        return new String(b, 0, writeDouble(v, b, 0), StandardCharsets.US_ASCII);
    }

    private static int writeAscii(String s, byte[] dst, int off) {
        for (int i = 0; i < s.length(); i++) {
            dst[off + i] = (byte) s.charAt(i);
        }
        return off + s.length();
    }

    // Placeholder layout from the JDK's text (not always shortest on Java 17); replaced by the Schubfach codec.
    private static String layout(String jdk) {
        if (jdk.equals("NaN") || jdk.endsWith("Infinity")) {
            return jdk;
        }
        boolean neg = jdk.startsWith("-");
        String s = neg ? jdk.substring(1) : jdk;
        int e = s.indexOf('E');
        int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mant = e < 0 ? s : s.substring(0, e);
        int dot = mant.indexOf('.');
        String digits = mant.substring(0, dot) + mant.substring(dot + 1);
        int k = dot + exp;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            k--;
        }
        digits = digits.substring(lead);
        int trail = digits.length();
        while (trail > 1 && digits.charAt(trail - 1) == '0') {
            trail--;
        }
        digits = digits.substring(0, trail);
        if (digits.equals("0")) {
            return neg ? "-0" : "0";
        }
        StringBuilder sb = new StringBuilder(neg ? "-" : "");
        int n = digits.length();
        if (k > 0 && k <= 21) {
            if (n <= k) {
                sb.append(digits).append("0".repeat(k - n));
            } else {
                sb.append(digits, 0, k).append('.').append(digits, k, n);
            }
        } else if (k <= 0 && k > -6) {
            sb.append("0.").append("0".repeat(-k)).append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            int x = k - 1;
            sb.append('e').append(x < 0 ? '-' : '+').append(Math.abs(x));
        }
        return sb.toString();
    }
}
