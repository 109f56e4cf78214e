package io.mlformats.core.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Lays out a positive decimal {@code f × 10^e} as ECMAScript's {@code Number.prototype.toString} does: with the
 * digits {@code d1..dn} (trailing zeros removed) and {@code k = n + e} (so the value is {@code 0.d1..dn × 10^k}),
 * plain when {@code -6 < k <= 21}, otherwise {@code d1[.d2..dn]e±(k-1)}. Stateless.
 */
final class EcmaLayout {
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ASCII_ZEROS = 0x3030303030303030L;
    /** {@code "0.000000"} as a little-endian word. */
    private static final long ZERO_POINT_ZEROS = 0x3030303030302E30L;

    private static final long[] POW10 = new long[19];
    /** "00".."99": two digits per division. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private EcmaLayout() {
    }

    /**
     * Writes {@code f × 10^e} ({@code 0 < f < 10^18}) at {@code dst[off]}; returns the end offset. May overwrite
     * up to 18 bytes from {@code off} past that end (scratch inside the caller's MAX_..._BYTES room).
     */
    static int write(long f, int e, byte[] dst, int off) {
        if (f < 100_000_000 && off >= 0 && off <= dst.length - 18) {
            int end = writePlainShort((int) f, e, dst, off);
            if (end >= 0) {
                return end;
            }
        }
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        int n = digitCount(f);
        int k = n + e;
        if (k > 0 && k <= 21) {
            if (n <= k) {
                // Integer: digits then k - n zeros.
                writeDigits(f, dst, off + n);
                int end = off + k;
                for (int i = off + n; i < end; i++) {
                    dst[i] = '0';
                }
                return end;
            }
            long scale = POW10[n - k];
            long high = f / scale;
            writeDigits(high, dst, off + k);
            dst[off + k] = '.';
            int end = off + n + 1;
            writeDigitsPadded(f - high * scale, dst, end, n - k);
            return end;
        }
        if (k <= 0 && k > -6) {
            dst[off] = '0';
            dst[off + 1] = '.';
            int zerosEnd = off + 2 - k;
            for (int i = off + 2; i < zerosEnd; i++) {
                dst[i] = '0';
            }
            int end = zerosEnd + n;
            writeDigits(f, dst, end);
            return end;
        }
        int end;
        if (n == 1) {
            dst[off] = (byte) ('0' + f);
            end = off + 1;
        } else {
            long scale = POW10[n - 1];
            long first = f / scale;
            dst[off] = (byte) ('0' + first);
            dst[off + 1] = '.';
            end = off + n + 1;
            writeDigitsPadded(f - first * scale, dst, end, n - 1);
        }
        dst[end++] = 'e';
        int x = k - 1;
        if (x < 0) {
            dst[end++] = '-';
            x = -x;
        } else {
            dst[end++] = '+';
        }
        if (x >= 100) {
            dst[end++] = (byte) ('0' + x / 100);
            x %= 100;
            dst[end++] = DIGIT_PAIRS[2 * x];
            dst[end++] = DIGIT_PAIRS[2 * x + 1];
        } else if (x >= 10) {
            dst[end++] = DIGIT_PAIRS[2 * x];
            dst[end++] = DIGIT_PAIRS[2 * x + 1];
        } else {
            dst[end++] = (byte) ('0' + x);
        }
        return end;
    }

    /**
     * The plain layouts ({@code -6 < k <= 8}) of {@code 0 < f < 10^8} with word stores and no branch on the
     * digit count, which the general path mispredicts on every change of length; -1 for the other layouts.
     */
    private static int writePlainShort(int f, int e, byte[] dst, int off) {
        long raw = digitBytes(f);
        int lead = Long.numberOfTrailingZeros(raw) >>> 3;
        int trail = Long.numberOfLeadingZeros(raw) >>> 3;
        int n = 8 - lead - trail;
        int k = n + e + trail;
        // Significant digits from byte 0, then the dropped trailing zeros as '0', then zero bytes.
        long ascii = (raw | ASCII_ZEROS) >>> (lead << 3);
        if (k > 0 && k <= 8) {
            if (n > k) {
                LONG_LE.set(dst, off, ascii);
                LONG_LE.set(dst, off + k + 1, ascii >>> (k << 3));
                dst[off + k] = '.';
                return off + n + 1;
            }
            // An integer: the digits, then '0' up to k (shifting by 1 then 8n-1 keeps n = 8 from wrapping).
            LONG_LE.set(dst, off, ascii | ASCII_ZEROS << 1 << ((n << 3) - 1));
            return off + k;
        }
        if (k <= 0 && k > -6) {
            LONG_LE.set(dst, off, ZERO_POINT_ZEROS);
            int start = off + 2 - k;
            LONG_LE.set(dst, start, ascii);
            return start + n;
        }
        return -1;
    }

    /** The eight decimal digits of {@code 0 <= v < 10^8}, leading zeros included, as byte values 0..9 from byte 0. */
    static long digitBytes(int v) {
        int hi = v / 10_000;
        long z = hi | (long) (v - hi * 10_000) << 32;
        // Each 32-bit lane (< 10^4) split into two 16-bit lanes (< 100), then each into two bytes (< 10); the
        // multiply-shift quotients are exact in those ranges and never carry between lanes.
        long q = (z * 10486 >>> 20) & 0x0000007F0000007FL;
        long pairs = q | (z - q * 100) << 16;
        long t = (pairs * 103 >>> 10) & 0x000F000F000F000FL;
        return t | (pairs - t * 10) << 8;
    }

    /**
     * Writes {@code 0 < v < 10^8} as its digits with one word store (up to 8 bytes from {@code off}, past the
     * returned end as scratch); returns the end.
     */
    static int writeShortDigits(int v, byte[] dst, int off) {
        long raw = digitBytes(v);
        int lead = Long.numberOfTrailingZeros(raw) >>> 3;
        LONG_LE.set(dst, off, (raw | ASCII_ZEROS) >>> (lead << 3));
        return off + 8 - lead;
    }

    /** Number of decimal digits of {@code 0 < f < 10^18}. */
    static int digitCount(long f) {
        int n = Schubfach.flog10Pow2(64 - Long.numberOfLeadingZeros(f));
        return f >= POW10[n] ? n + 1 : n;
    }

    /** Writes the digits of {@code v > 0} so that the last one is at {@code end - 1}. */
    static void writeDigits(long v, byte[] dst, int end) {
        int i = end;
        if (v <= Integer.MAX_VALUE) {
            writeIntDigits((int) v, dst, i);
            return;
        }
        while (v >= 100) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            dst[--i] = DIGIT_PAIRS[2 * r + 1];
            dst[--i] = DIGIT_PAIRS[2 * r];
            v = q;
        }
        if (v >= 10) {
            dst[--i] = DIGIT_PAIRS[2 * (int) v + 1];
            dst[--i] = DIGIT_PAIRS[2 * (int) v];
        } else {
            dst[--i] = (byte) ('0' + v);
        }
    }

    /** {@link #writeDigits} for values that fit an int: 32-bit division by a constant is cheaper than 64-bit. */
    private static void writeIntDigits(int v, byte[] dst, int end) {
        int i = end;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            dst[--i] = DIGIT_PAIRS[2 * r + 1];
            dst[--i] = DIGIT_PAIRS[2 * r];
            v = q;
        }
        if (v >= 10) {
            dst[--i] = DIGIT_PAIRS[2 * v + 1];
            dst[--i] = DIGIT_PAIRS[2 * v];
        } else {
            dst[--i] = (byte) ('0' + v);
        }
    }

    /** Writes exactly {@code count} digits of {@code v} (with leading zeros) ending at {@code end - 1}. */
    static void writeDigitsPadded(long v, byte[] dst, int end, int count) {
        int stop = end - count;
        int i = end;
        if (v <= Integer.MAX_VALUE) {
            int w = (int) v;
            while (i - stop >= 2) {
                int q = w / 100;
                int r = w - q * 100;
                dst[--i] = DIGIT_PAIRS[2 * r + 1];
                dst[--i] = DIGIT_PAIRS[2 * r];
                w = q;
            }
            if (i > stop) {
                dst[--i] = (byte) ('0' + w);
            }
            return;
        }
        while (i - stop >= 2) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            dst[--i] = DIGIT_PAIRS[2 * r + 1];
            dst[--i] = DIGIT_PAIRS[2 * r];
            v = q;
        }
        if (i > stop) {
            dst[--i] = (byte) ('0' + v);
        }
    }
}
