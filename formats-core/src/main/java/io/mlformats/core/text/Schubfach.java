package io.mlformats.core.text;

import java.math.BigInteger;

/**
 * The shortest decimal that rounds back to a binary floating-point value, closest to it among the shortest
 * (ties to an even last digit), by Giulietti's Schubfach algorithm: the decimals of the rounding interval at
 * the scale {@code 10^k} with {@code 10^k <= ulp < 10^(k+1)} are found with three 128-bit multiplications.
 *
 * <p>Reference: Giulietti, "The Schubfach way to render doubles" (2020), as in OpenJDK 19+'s
 * {@code DoubleToDecimal}. Two deliberate differences from the JDK: its {@code Double.toString} never renders
 * fewer than two digits (so it prints {@code 4.9E-324} where {@code 5e-324} is shortest), here a one-digit
 * decimal is chosen whenever one exists (for floats as for doubles).
 *
 * <p>Stateless; the table is built once, with {@link BigInteger}, when the class initializes.
 */
final class Schubfach {
    static final int K_MIN = -324;
    static final int K_MAX = 292;

    /**
     * For each k, {@code g = floor(10^-k × 2^(125 - flog2pow10(-k))) + 1} (so {@code 2^125 <= g < 2^126}), split
     * into its high 63 bits at {@code 2(k - K_MIN)} and its low 63 bits next.
     */
    private static final long[] G = buildTable();

    private static final long MASK_63 = (1L << 63) - 1;
    private static final long MASK_32 = (1L << 32) - 1;

    private Schubfach() {
    }

    /**
     * Writes the shortest decimal of {@code c × 2^q} (a positive finite value) in the ECMAScript layout.
     * {@code irregular} when c is the smallest normal significand and the exponent is not the minimum: the
     * value below is then closer (half the spacing), so the rounding interval is asymmetric.
     */
    static int write(long c, int q, boolean irregular, byte[] dst, int off) {
        long cb = c << 2;
        int k = scale(q, irregular);
        int h = q + flog2Pow10(-k) + 2;
        int index = (k - K_MIN) << 1;
        long g1 = G[index];
        long g0 = G[index + 1];
        // 4 × the value and its interval bounds at scale 10^k, rounded to odd (so comparisons stay exact).
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cb - (irregular ? 1 : 2) << h);
        long vbr = roundToOdd(g1, g0, cb + 2 << h);
        return pick(vb, vbl, vbr, (int) c & 1, k, dst, off);
    }

    /**
     * {@link #write} for a float's significand {@code c < 2^24}: its products fit one 64-bit multiplication by
     * the table's high half plus one (as the JDK's {@code FloatToDecimal} does), a third of the double's work.
     */
    static int writeFloat(int c, int q, boolean irregular, byte[] dst, int off) {
        long cb = (long) c << 2;
        int k = scale(q, irregular);
        int h = q + flog2Pow10(-k) + 33;
        long g = G[(k - K_MIN) << 1] + 1;
        return pick(roundToOdd(g, cb << h), roundToOdd(g, cb - (irregular ? 1 : 2) << h),
                roundToOdd(g, cb + 2 << h), c & 1, k, dst, off);
    }

    /** The k with {@code 10^k <= ulp < 10^(k+1)} (for an irregular value, of its narrower lower half-interval). */
    private static int scale(int q, boolean irregular) {
        return irregular ? flog10ThreeQuartersPow2(q) : flog10Pow2(q);
    }

    /**
     * Chooses the digits from 4 × the value ({@code vb}) and its interval bounds at scale 10^k; {@code out} is 1
     * when the interval is open (odd significand: ties round to the even neighbour).
     */
    private static int pick(long vb, long vbl, long vbr, int out, int k, byte[] dst, int off) {
        long s = vb >> 2;
        if (s >= 10) {
            // The interval is narrower than 10^(k+1), so at most one multiple of 10^(k+1) lies in it; if one
            // does, it is the shortest candidate, written at scale 10^(k+1) (one digit fewer, which keeps more
            // values on the layout's eight-digit path). The JDK requires s >= 100 to keep two digits.
            long sp = s / 10;
            long sp10 = sp * 10;
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return EcmaLayout.write(upin ? sp : sp + 1, k + 1, dst, off);
            }
        }
        long t = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (t << 2) + out <= vbr;
        if (uin != win) {
            return EcmaLayout.write(uin ? s : t, k, dst, off);
        }
        // Both neighbours at scale 10^k are in the interval: take the closer one, the even one on a tie.
        long cmp = vb - (s + t << 1);
        return EcmaLayout.write(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k, dst, off);
    }

    private static long roundToOdd(long g, long cp) {
        long x1 = Math.multiplyHigh(g, cp);
        long vbp = x1 >>> 31;
        return vbp | (x1 & MASK_32) + MASK_32 >>> 32;
    }

    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** floor(log10(2^e)) for |e| <= 6_432_162 (a fixed-point multiple of log10(2)). */
    static int flog10Pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 × 2^e)) for the exponents used here. */
    static int flog10ThreeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** floor(log2(10^e)) for |e| <= 1_838_394. */
    static int flog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    private static long[] buildTable() {
        long[] table = new long[2 * (K_MAX - K_MIN + 1)];
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int shift = 125 - flog2Pow10(-k);
            BigInteger num = k <= 0 ? BigInteger.TEN.pow(-k) : BigInteger.ONE;
            BigInteger den = k > 0 ? BigInteger.TEN.pow(k) : BigInteger.ONE;
            if (shift >= 0) {
                num = num.shiftLeft(shift);
            } else {
                den = den.shiftLeft(-shift);
            }
            BigInteger g = num.divide(den).add(BigInteger.ONE);
            assert g.bitLength() == 126 : k;
            int index = (k - K_MIN) << 1;
            table[index] = g.shiftRight(63).longValue();
            table[index + 1] = g.and(mask63).longValue();
        }
        return table;
    }
}
