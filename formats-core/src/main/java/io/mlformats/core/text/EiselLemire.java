package io.mlformats.core.text;

import java.math.BigInteger;

/**
 * Decimal to binary floating point conversion by the Eisel-Lemire algorithm: {@code w × 10^q}, for a decimal
 * significand {@code w} of at most 19 digits, rounded to the nearest float or double (ties to even) with one or
 * two 64×64-bit multiplications by a 128-bit approximation of {@code 5^q}.
 *
 * <p>References: Lemire, "Number Parsing at a Gigabyte per Second" (2021); Mushtak and Lemire, "Fast number
 * parsing without fallback" (2023), which proves that the 128-bit product always decides when {@code w} is the
 * exact significand. When {@code w} was truncated from a longer digit string the caller converts both
 * {@code w} and {@code w + 1} and falls back to an exact method when they differ.
 *
 * <p>Stateless; the table is built once, with {@link BigInteger}, when the class initializes.
 */
final class EiselLemire {
    /** Smallest and largest {@code q} with an entry in the table (the double range; floats use a subrange). */
    static final int MIN_Q = -342;
    static final int MAX_Q = 308;

    /**
     * The 128 most significant bits of {@code 5^q} (normalized so the top bit is set), high word at
     * {@code 2 × (q - MIN_Q)}, low word next. Negative {@code q} hold the reciprocal as in the paper: rounded up
     * when {@code 5^-q} fits 64 bits, truncated otherwise.
     */
    private static final long[] POW5 = buildTable();

    /** Explicit fraction bits of float64 and float32. */
    static final int DOUBLE_FRACTION_BITS = 52;
    static final int FLOAT_FRACTION_BITS = 23;

    private EiselLemire() {
    }

    /**
     * The bits of the double nearest to {@code w × 10^q} without the sign: {@code 0x7FF0_0000_0000_0000L} when it
     * overflows to infinity, 0 when it underflows. {@code w} is a nonzero unsigned 64-bit integer.
     */
    static long doubleBits(long w, int q) {
        if (q < MIN_Q) {
            return 0;
        }
        if (q > MAX_Q) {
            return 0x7FFL << DOUBLE_FRACTION_BITS;
        }
        return toBits(w, q, DOUBLE_FRACTION_BITS, -1023, 0x7FF, -4, 23);
    }

    /** The bits of the float nearest to {@code w × 10^q}, like {@link #doubleBits}. */
    static int floatBits(long w, int q) {
        if (q < -64) {
            return 0;
        }
        if (q > 38) {
            return 0xFF << FLOAT_FRACTION_BITS;
        }
        return (int) toBits(w, q, FLOAT_FRACTION_BITS, -127, 0xFF, -17, 10);
    }

    /**
     * The algorithm for both formats. {@code roundToEvenMin..roundToEvenMax} is the range of {@code q} in which
     * an exact halfway value can occur (5^q small enough for the product to be exact).
     */
    private static long toBits(long w, int q, int fractionBits, int minExponent, int infinitePower,
            int roundToEvenMin, int roundToEvenMax) {
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        int index = (q - MIN_Q) << 1;
        long pow5Hi = POW5[index];
        long lo = w * pow5Hi;
        long hi = unsignedMultiplyHigh(w, pow5Hi);
        long precisionMask = -1L >>> (fractionBits + 3);
        if ((hi & precisionMask) == precisionMask) {
            // The bits below the significand are all ones: the truncated table might hide a carry, refine with
            // the low word of 5^q.
            long secondHi = unsignedMultiplyHigh(w, POW5[index + 1]);
            lo += secondHi;
            if (Long.compareUnsigned(secondHi, lo) > 0) {
                hi++;
            }
        }
        int upperBit = (int) (hi >>> 63);
        int shift = upperBit + 64 - fractionBits - 3;
        long mantissa = hi >>> shift;
        // floor(q * log2(10)) + 63, exact for |q| <= 1650
        int power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - lz - minExponent;
        if (power2 <= 0) {
            // Subnormal (or zero): shift into place, then round half up; exact halfway cases cannot occur here.
            if (-power2 + 1 >= 64) {
                return 0;
            }
            mantissa >>>= -power2 + 1;
            mantissa += mantissa & 1;
            mantissa >>>= 1;
            // Rounding may carry into the smallest normal exponent: then the OR below sets exponent 1.
            long exponent = mantissa < (1L << fractionBits) ? 0 : 1;
            return mantissa | (exponent << fractionBits);
        }
        if (Long.compareUnsigned(lo, 1) <= 0 && q >= roundToEvenMin && q <= roundToEvenMax
                && (mantissa & 3) == 1 && (mantissa << shift) == hi) {
            // Exactly halfway between two floats with an even lower neighbour: round down (ties to even).
            mantissa &= ~1L;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << fractionBits)) {
            mantissa = 1L << fractionBits;
            power2++;
        }
        mantissa &= ~(1L << fractionBits);
        if (power2 >= infinitePower) {
            return (long) infinitePower << fractionBits;
        }
        return mantissa | ((long) power2 << fractionBits);
    }

    /** The high 64 bits of the unsigned 128-bit product (Java 17 has only the signed {@link Math#multiplyHigh}). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    private static long[] buildTable() {
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        long[] table = new long[2 * (MAX_Q - MIN_Q + 1)];
        BigInteger five = BigInteger.valueOf(5);
        for (int q = MIN_Q; q <= MAX_Q; q++) {
            BigInteger c;
            if (q < 0) {
                BigInteger pow5 = five.pow(-q);
                int z = pow5.bitLength(); // 2^(z-1) < 5^-q < 2^z
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = BigInteger.ONE.shiftLeft(b).divide(pow5).add(BigInteger.ONE);
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            } else {
                c = five.pow(q);
                if (c.bitLength() < 128) {
                    c = c.shiftLeft(128 - c.bitLength());
                } else {
                    c = c.shiftRight(c.bitLength() - 128);
                }
            }
            assert c.compareTo(two127) >= 0 && c.compareTo(two128) < 0;
            int index = (q - MIN_Q) << 1;
            table[index] = c.shiftRight(64).longValue();
            table[index + 1] = c.longValue();
        }
        return table;
    }
}
