package io.mlformats.core.text;

import java.nio.charset.StandardCharsets;

/**
 * Writes numbers as ASCII into byte arrays: floats and doubles in the shortest decimal that reads back to the
 * same bits, integers in plain decimal. Stateless and thread-safe; {@link #writeFloat}, {@link #writeDouble}
 * and {@link #writeLong} do not allocate.
 *
 * <p>Float layout (the ECMAScript {@code Number.prototype.toString} rules, so the output is also valid JSON):
 * with shortest digits {@code d1..dn} and decimal point position {@code k} ({@code value = 0.d1..dn × 10^k}),
 * plain notation when {@code -6 < k <= 21} ({@code 1}, {@code 0.1}, {@code 123.5}, {@code 0.000001}), otherwise
 * {@code d1[.d2..dn]e[+-]exp} ({@code 1e-7}, {@code 3.4028235e+38}). Negative zero is {@code -0}; non-finite
 * values are {@code NaN}, {@code Infinity}, {@code -Infinity} (callers decide whether to allow them).
 *
 * <p>The digits are the shortest that round-trip, and among those the closest to the exact binary value
 * (Schubfach). Java 17's {@link Float#toString}/{@link Double#toString} sometimes print more digits than needed
 * (JDK-4511638: {@code 1e23} as {@code 9.999999999999999E22}, {@code 2e23} as {@code 1.9999999999999998E23},
 * {@code 3e10f} as {@code 3.0000001E10}); this never does, and it renders one digit where one suffices
 * ({@code Double.MIN_VALUE} is {@code 5e-324}, not {@code 4.9E-324}).
 */
public final class NumberFormatter {
    /** Enough room for any float (the longest is a negative 21-digit integer such as {@code -3.4e20f}). */
    public static final int MAX_FLOAT_BYTES = 22;
    /** Enough room for any double. */
    public static final int MAX_DOUBLE_BYTES = 26;
    /** Enough room for any long. */
    public static final int MAX_LONG_BYTES = 20;

    private static final byte[] NAN = {'N', 'a', 'N'};
    private static final byte[] INFINITY = {'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};

    private static final int DOUBLE_FRACTION_BITS = 52;
    private static final int DOUBLE_MIN_Q = -1074;
    private static final int FLOAT_FRACTION_BITS = 23;
    private static final int FLOAT_MIN_Q = -149;

    private NumberFormatter() {
    }

    /**
     * Writes {@code v} at {@code dst[off]}; returns the index just past its last byte. Bytes after that index, up
     * to {@code off + MAX_FLOAT_BYTES}, may be overwritten: word stores are cheaper than exact ones.
     *
     * @param v the value to write, any float including NaN and infinities
     * @param dst the caller's array; must have room for {@link #MAX_FLOAT_BYTES} bytes from {@code off}
     * @param off index in {@code dst} of the first byte written
     * @return the index in {@code dst} just past the text
     */
    public static int writeFloat(float v, byte[] dst, int off) {
        int bits = Float.floatToRawIntBits(v);
        int fraction = bits & ((1 << FLOAT_FRACTION_BITS) - 1);
        int biased = (bits >>> FLOAT_FRACTION_BITS) & 0xFF;
        if (biased == 0xFF) {
            return writeNonFinite(fraction != 0, bits < 0, dst, off);
        }
        // Signs of real data are random: a branch on them mispredicts half the time.
        dst[off] = '-';
        off += bits >>> 31;
        if (biased == 0) {
            if (fraction == 0) {
                dst[off] = '0';
                return off + 1;
            }
            return Schubfach.writeFloat(fraction, FLOAT_MIN_Q, false, dst, off);
        }
        int c = (1 << FLOAT_FRACTION_BITS) | fraction;
        int q = FLOAT_MIN_Q - 1 + biased;
        if (q < 0 && q > -FLOAT_FRACTION_BITS - 1 && (c & ((1 << -q) - 1)) == 0) {
            // An integer below 2^24: its own digits are the shortest (the rounding interval is narrower than 1).
            return EcmaLayout.write(c >> -q, 0, dst, off);
        }
        return Schubfach.writeFloat(c, q, fraction == 0 && biased > 1, dst, off);
    }

    /**
     * Writes {@code v} at {@code dst[off]}; returns the index just past its last byte. Bytes after that index, up
     * to {@code off + MAX_DOUBLE_BYTES}, may be overwritten.
     *
     * @param v the value to write, any double including NaN and infinities
     * @param dst the caller's array; must have room for {@link #MAX_DOUBLE_BYTES} bytes from {@code off}
     * @param off index in {@code dst} of the first byte written
     * @return the index in {@code dst} just past the text
     */
    public static int writeDouble(double v, byte[] dst, int off) {
        long bits = Double.doubleToRawLongBits(v);
        long fraction = bits & ((1L << DOUBLE_FRACTION_BITS) - 1);
        int biased = (int) (bits >>> DOUBLE_FRACTION_BITS) & 0x7FF;
        if (biased == 0x7FF) {
            return writeNonFinite(fraction != 0, bits < 0, dst, off);
        }
        dst[off] = '-';
        off += (int) (bits >>> 63);
        if (biased == 0) {
            if (fraction == 0) {
                dst[off] = '0';
                return off + 1;
            }
            return Schubfach.write(fraction, DOUBLE_MIN_Q, false, dst, off);
        }
        long c = (1L << DOUBLE_FRACTION_BITS) | fraction;
        int q = DOUBLE_MIN_Q - 1 + biased;
        if (q < 0 && q > -DOUBLE_FRACTION_BITS - 1 && (c & ((1L << -q) - 1)) == 0) {
            return EcmaLayout.write(c >> -q, 0, dst, off);
        }
        return Schubfach.write(c, q, fraction == 0 && biased > 1, dst, off);
    }

    /**
     * Writes {@code v} in decimal at {@code dst[off]}; returns the index just past its last byte. Bytes after that
     * index, up to {@code off + MAX_LONG_BYTES}, may be overwritten.
     *
     * @param v the value to write
     * @param dst the caller's array; must have room for {@link #MAX_LONG_BYTES} bytes from {@code off}
     * @param off index in {@code dst} of the first byte written
     * @return the index in {@code dst} just past the text
     */
    public static int writeLong(long v, byte[] dst, int off) {
        if (v < 0) {
            dst[off++] = '-';
            if (v == Long.MIN_VALUE) {
                // -v overflows: write 922337203685477580 then the last digit 8.
                int end = off + 19;
                EcmaLayout.writeDigits(922_337_203_685_477_580L, dst, end - 1);
                dst[end - 1] = '8';
                return end;
            }
            v = -v;
        }
        if (v == 0) {
            dst[off] = '0';
            return off + 1;
        }
        if (v < 100_000_000 && off <= dst.length - 8) {
            return EcmaLayout.writeShortDigits((int) v, dst, off);
        }
        int end = off + EcmaLayout.digitCount(v);
        EcmaLayout.writeDigits(v, dst, end);
        return end;
    }

    /**
     * The shortest round-trip text of {@code v}, as {@link #writeFloat} writes it.
     *
     * @param v the value to format
     * @return a new string holding the same ASCII text {@link #writeFloat} writes
     */
    public static String toString(float v) {
        byte[] b = new byte[MAX_FLOAT_BYTES];
        return new String(b, 0, writeFloat(v, b, 0), StandardCharsets.US_ASCII);
    }

    /**
     * The shortest round-trip text of {@code v}, as {@link #writeDouble} writes it.
     *
     * @param v the value to format
     * @return a new string holding the same ASCII text {@link #writeDouble} writes
     */
    public static String toString(double v) {
        byte[] b = new byte[MAX_DOUBLE_BYTES];
        return new String(b, 0, writeDouble(v, b, 0), StandardCharsets.US_ASCII);
    }

    private static int writeNonFinite(boolean nan, boolean negative, byte[] dst, int off) {
        if (nan) {
            System.arraycopy(NAN, 0, dst, off, NAN.length);
            return off + NAN.length;
        }
        if (negative) {
            dst[off++] = '-';
        }
        System.arraycopy(INFINITY, 0, dst, off, INFINITY.length);
        return off + INFINITY.length;
    }
}
