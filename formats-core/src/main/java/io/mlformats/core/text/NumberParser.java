package io.mlformats.core.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers from byte ranges without allocating, correctly rounded: {@link #parseFloat} and
 * {@link #parseDouble} return the same bits as {@link Float#parseFloat} / {@link Double#parseDouble} for every
 * input the grammar accepts.
 *
 * <p>Accepted grammar (ASCII, no surrounding white space):
 * <pre>
 *   number   = [sign] ( digits ["." [digits]] | "." digits ) [exponent]
 *            | [sign] ( "nan" | "inf" | "infinity" )          ; any letter case
 *   exponent = ("e" | "E") [sign] digits
 *   sign     = "+" | "-"
 * </pre>
 * Rejected: empty input, hex ({@code 0x1p3}), underscores, decimal commas, Java's {@code f}/{@code d} suffixes,
 * white space. Integers ({@link #parseLong}, {@link #parseInt}) are {@code [sign] digits}.
 *
 * <p>Instead of throwing, every call sets {@link #status()}: the hot loops of the format readers test it and
 * build a {@link io.mlformats.core.FormatException} with a position only when it is not {@link #OK}.
 * Instances keep that one field of state: use one per reader; not thread-safe.
 *
 * <p>How: one pass accumulates the decimal significand into a long; up to 19 significant digits it is exact and
 * the value is {@code w × 10^q}. That product is converted by Clinger's fast path when both factors are exact
 * in the target type (one IEEE operation, correctly rounded), otherwise by the Eisel-Lemire algorithm. Inputs
 * with more than 19 significant digits are truncated to 19; when {@code w} and {@code w + 1} round to different
 * values, the rare undecided case goes to the JDK on a String (the only allocating path).
 */
public final class NumberParser {
    /** The input was a finite number within range. */
    public static final int OK = 0;
    /** The input does not match the grammar; the returned value is meaningless. */
    public static final int SYNTAX = 1;
    /** The input spelled NaN or an infinity; the returned value is that NaN or infinity. */
    public static final int NON_FINITE = 2;
    /**
     * A finite literal too large for the type: floats return the infinity of that sign (what the JDK returns),
     * integers return 0.
     */
    public static final int OUT_OF_RANGE = 3;

    /** Most significant decimal digits that always fit an unsigned long exactly. */
    private static final int MAX_DIGITS = 19;
    /**
     * Exponent digits stop accumulating at this magnitude: it exceeds any digit count an array can hold, so a
     * capped exponent still over- or underflows exactly as the true one does.
     */
    private static final long EXPONENT_CAP = 10_000_000_000L;
    /** Decimal exponents are clamped to this magnitude, far outside the range of any nonzero result. */
    private static final long EXPONENT_CLAMP = 1_000_000_000L;

    private static final double[] DOUBLE_POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final float[] FLOAT_POW10 = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    private int status;

    // Result of scan(): the value is (-1)^sign × significand × 10^exponent (significand unsigned);
    // truncated when nonzero digits were dropped after the first 19 significant ones.
    private long significand;
    private int exponent;
    /** 1 for a minus sign, else 0: applied to the result's sign bit without a branch (signs are random). */
    private int sign;
    private boolean truncated;
    /** Index just past the text scan() accepted (the token's end in prefix mode). */
    private int scanEnd;
    /** Digits accumulated by digitRun() (wrapping past 19 digits, which scan() then recomputes). */
    private long acc;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long[] POW10_LONG = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L};

    /**
     * Status of the last call: {@link #OK}, {@link #SYNTAX}, {@link #NON_FINITE} or {@link #OUT_OF_RANGE}.
     *
     * @return the outcome code of the most recent parse call on this instance
     */
    public int status() {
        return status;
    }

    /**
     * Parses a float32; see the class comment for the grammar and {@link #status()}.
     *
     * @param b the bytes holding the text; only read
     * @param off index in {@code b} of the number's first byte
     * @param len number of bytes of the number's text; all of them must match the grammar
     * @return the correctly rounded float; NaN or an infinity for {@link #NON_FINITE} and {@link #OUT_OF_RANGE},
     *     meaningless for {@link #SYNTAX}
     */
    public float parseFloat(byte[] b, int off, int len) {
        int end = off + len;
        if (shortDecimal(b, off, end) && scanEnd == end) {
            return toFloat(b, off, OK);
        }
        return toFloat(b, off, scan(b, off, end, false));
    }

    /**
     * Parses the float32 that starts at {@code b[off]} and ends at the first byte that cannot continue it (or at
     * {@code limit}), so that a tokenizer need not find the token's end first. {@link #parsedEnd()} tells where
     * the number ended; the caller checks that a delimiter follows (otherwise the token is not a number, e.g.
     * {@code 1.5x}). Inside that span the grammar is the same as {@link #parseFloat(byte[], int, int)}'s.
     *
     * @param b the bytes holding the text; only read
     * @param off index in {@code b} of the number's first byte
     * @param limit index in {@code b} past which the number cannot extend (exclusive)
     * @return the correctly rounded float of the accepted prefix; check {@link #status()} before using it
     */
    public float parseFloatPrefix(byte[] b, int off, int limit) {
        return toFloat(b, off, shortDecimal(b, off, limit) ? OK : scan(b, off, limit, true));
    }

    /**
     * Like {@link #parseFloatPrefix} for a float64.
     *
     * @param b the bytes holding the text; only read
     * @param off index in {@code b} of the number's first byte
     * @param limit index in {@code b} past which the number cannot extend (exclusive)
     * @return the correctly rounded double of the accepted prefix; check {@link #status()} before using it
     */
    public double parseDoublePrefix(byte[] b, int off, int limit) {
        return toDouble(b, off, shortDecimal(b, off, limit) ? OK : scan(b, off, limit, true));
    }

    /**
     * Parses the run of ASCII digits (no sign) that starts at {@code b[off]} and ends at the first non-digit or
     * at {@code limit}: feature indices, counts. Returns its value, exact up to 18 digits (longer runs wrap; the
     * caller tells them by their length). {@link #parsedEnd()} is where the run ended, {@code off} if there was
     * no digit. Sets no status.
     *
     * @param b the bytes holding the text; only read
     * @param off index in {@code b} of the first digit
     * @param limit index in {@code b} past which the run cannot extend (exclusive)
     * @return the run's value (0 for an empty run), exact for runs of up to 18 digits
     */
    public long parseDigitsPrefix(byte[] b, int off, int limit) {
        if (off >= 0 && off <= b.length - 8) {
            long word = (long) LONG_LE.get(b, off);
            int n = Long.numberOfTrailingZeros(nonDigits(word)) >>> 3;
            if (n != 0 && n != 8 && off + n <= limit) {
                scanEnd = off + n;
                return foldDigits(word, n);
            }
        }
        acc = 0;
        scanEnd = digitRun(b, off, limit);
        return acc;
    }

    /**
     * After a {@code ...Prefix} call: the index just past the number's text.
     *
     * @return the index in the parsed array just past the last byte the previous prefix call accepted
     */
    public int parsedEnd() {
        return scanEnd;
    }

    private float toFloat(byte[] b, int off, int kind) {
        if (kind != OK) {
            status = kind;
            return kind == SYNTAX ? Float.NaN : (float) nonFinite(b, off);
        }
        long w = significand;
        int q = exponent;
        float v;
        if (!truncated && q >= -10 && q <= 10 && w >= 0 && w <= 1L << 24) {
            // Clinger: w and 10^|q| are exact floats, so one IEEE operation rounds correctly. The result is
            // finite (below 2^24 * 10^10), so the status does not wait for it.
            v = q < 0 ? (float) w / FLOAT_POW10[-q] : (float) w * FLOAT_POW10[q];
            status = OK;
        } else if (w == 0) {
            v = 0f;
            status = OK;
        } else {
            int bits = EiselLemire.floatBits(w, q);
            if (truncated && bits != EiselLemire.floatBits(w + 1, q)) {
                return slowFloat(b, off, scanEnd - off);
            }
            v = Float.intBitsToFloat(bits);
            status = v == Float.POSITIVE_INFINITY ? OUT_OF_RANGE : OK;
        }
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) | sign << 31);
    }

    /**
     * Parses a float64; see the class comment for the grammar and {@link #status()}.
     *
     * @param b the bytes holding the text; only read
     * @param off index in {@code b} of the number's first byte
     * @param len number of bytes of the number's text; all of them must match the grammar
     * @return the correctly rounded double; NaN or an infinity for {@link #NON_FINITE} and {@link #OUT_OF_RANGE},
     *     meaningless for {@link #SYNTAX}
     */
    public double parseDouble(byte[] b, int off, int len) {
        int end = off + len;
        if (shortDecimal(b, off, end) && scanEnd == end) {
            return toDouble(b, off, OK);
        }
        return toDouble(b, off, scan(b, off, end, false));
    }

    private double toDouble(byte[] b, int off, int kind) {
        if (kind != OK) {
            status = kind;
            return kind == SYNTAX ? Double.NaN : nonFinite(b, off);
        }
        long w = significand;
        int q = exponent;
        double v;
        if (!truncated && q >= -22 && q <= 22 && w >= 0 && w <= 1L << 53) {
            // Finite (below 2^53 * 10^22), as in toFloat.
            v = q < 0 ? (double) w / DOUBLE_POW10[-q] : (double) w * DOUBLE_POW10[q];
            status = OK;
        } else if (w == 0) {
            v = 0d;
            status = OK;
        } else {
            long bits = EiselLemire.doubleBits(w, q);
            if (truncated && bits != EiselLemire.doubleBits(w + 1, q)) {
                return slowDouble(b, off, scanEnd - off);
            }
            v = Double.longBitsToDouble(bits);
            status = v == Double.POSITIVE_INFINITY ? OUT_OF_RANGE : OK;
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) | (long) sign << 63);
    }

    /**
     * The common shape of machine-written values, {@code [-]digits[.digits]} with 1..7 integer (1..6 when
     * negative) and 1..8 fraction digits and no exponent, scanned with two word loads and no branch that depends on the digits: the general
     * {@link #scan} mispredicts on every change of sign or length, which is most of its cost on real data (float
     * parsing was three quarters of a LibSVM parse's time before this path, by JFR). On that shape it sets what
     * {@code scan} would and returns true; otherwise it returns false and changes nothing that {@code scan} does
     * not set again.
     */
    private boolean shortDecimal(byte[] b, int off, int limit) {
        // Needs 18 readable bytes (sign, 8, '.', 8, one more); near the end of the array the general scan runs.
        if (off < 0 || off > b.length - 18) {
            return false;
        }
        // The sign is shifted out of the same word (no second load waits on the first): a negative number then
        // shows 7 bytes, so it takes this path with up to 6 integer digits.
        long word = (long) LONG_LE.get(b, off);
        int neg = ((((int) word & 0xFF) ^ '-') - 1) >>> 31;
        long intWord = word >>> (neg << 3);
        int intDigits = Long.numberOfTrailingZeros(nonDigits(intWord)) >>> 3;
        int dot = off + neg + intDigits;
        if (intDigits == 0 || intDigits + neg == 8) {
            return false;
        }
        long w = foldDigits(intWord, intDigits);
        int e = dot;
        int q = 0;
        if (b[dot] == '.') {
            long fracWord = (long) LONG_LE.get(b, dot + 1);
            int fracDigits = Long.numberOfTrailingZeros(nonDigits(fracWord)) >>> 3;
            int ninth = (b[dot + 9] & 0xFF) - '0';
            // Non-short-circuit: one predictable test instead of a branch on the digit count.
            if (fracDigits == 0 | (fracDigits == 8 & ninth >= 0 & ninth <= 9)) {
                return false;
            }
            w = w * POW10_LONG[fracDigits] + foldDigits(fracWord, fracDigits);
            q = -fracDigits;
            e = dot + 1 + fracDigits;
        }
        if (e > limit || (e < limit && (b[e] | 0x20) == 'e')) {
            return false;
        }
        sign = neg;
        significand = w;
        exponent = q;
        truncated = false;
        scanEnd = e;
        return true;
    }

    /** High bit of each byte of {@code word} that is not an ASCII digit; exact up to the first such byte. */
    private static long nonDigits(long word) {
        return ((word + 0x4646464646464646L) | (word - 0x3030303030303030L)) & 0x8080808080808080L;
    }

    /**
     * Validates {@code b[off, off+len)} against the grammar and, for a finite literal, sets significand,
     * exponent, negative and truncated. Returns OK, NON_FINITE or SYNTAX.
     */
    private int scan(byte[] b, int off, int end, boolean prefix) {
        int i = off;
        if (end <= off) {
            return SYNTAX;
        }
        boolean neg = false;
        int c = b[i];
        if (c == '-' || c == '+') {
            neg = c == '-';
            if (++i == end) {
                return SYNTAX;
            }
        }
        sign = neg ? 1 : 0;
        int start = i;
        int d;
        // Digits wrap silently past 19; counted below and recomputed exactly in that rare case.
        acc = 0;
        i = digitRun(b, i, end);
        int intDigits = i - start;
        int fracDigits = 0;
        if (i < end && b[i] == '.') {
            int fracStart = ++i;
            i = digitRun(b, i, end);
            fracDigits = i - fracStart;
        }
        long w = acc;
        if (intDigits + fracDigits == 0) {
            if (i != start) {
                return SYNTAX;
            }
            int wordEnd = end;
            if (prefix) {
                wordEnd = start;
                while (wordEnd < end && ((b[wordEnd] | 0x20) >= 'a' && (b[wordEnd] | 0x20) <= 'z')) {
                    wordEnd++;
                }
            }
            scanEnd = wordEnd;
            return nonFiniteOrSyntax(b, start, wordEnd);
        }
        long exp = 0;
        if (i < end && (b[i] | 0x20) == 'e') {
            if (++i == end) {
                return SYNTAX;
            }
            boolean expNeg = false;
            if (b[i] == '-' || b[i] == '+') {
                expNeg = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                if (exp < EXPONENT_CAP) {
                    exp = 10 * exp + d;
                }
                i++;
            }
            if (i == expStart) {
                return SYNTAX;
            }
            if (expNeg) {
                exp = -exp;
            }
        }
        if (i != end && !prefix) {
            return SYNTAX;
        }
        scanEnd = i;
        exp -= fracDigits;
        if (intDigits + fracDigits > MAX_DIGITS) {
            exp += truncate(b, start, i);
            w = significand;
        } else {
            truncated = false;
        }
        // Clamped far outside the table: any nonzero significand still under/overflows.
        exponent = (int) Math.max(-EXPONENT_CLAMP, Math.min(EXPONENT_CLAMP, exp));
        significand = w;
        return OK;
    }

    /**
     * Appends the run of decimal digits starting at {@code b[i]} to {@link #acc} and returns the index after it.
     * Eight bytes at a time where the buffer allows (SWAR: one word load finds how many leading bytes are digits
     * and folds them with three multiplications), then byte by byte.
     */
    private int digitRun(byte[] b, int i, int end) {
        long w = acc;
        while (i + 8 <= end) {
            long word = (long) LONG_LE.get(b, i);
            int n = Long.numberOfTrailingZeros(nonDigits(word)) >>> 3;
            if (n == 0) {
                acc = w;
                return i;
            }
            w = w * POW10_LONG[n] + foldDigits(word, n);
            i += n;
            if (n < 8) {
                acc = w;
                return i;
            }
        }
        int d;
        while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
            w = 10 * w + d;
            i++;
        }
        acc = w;
        return i;
    }

    /** The value of the first {@code n} (1..8) bytes of {@code word}, all ASCII digits, first byte most significant. */
    private static long foldDigits(long word, int n) {
        // Bytes past the n digits are shifted out; the zero bytes shifted in are leading zero digits.
        long x = (word - 0x3030303030303030L) << ((8 - n) << 3);
        x = (x * 10) + (x >>> 8);
        return (((x & 0x000000FF000000FFL) * 0x000F424000000064L)
                + (((x >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L)) >>> 32;
    }

    /**
     * Rare path for more than 19 digits: sets significand to the first 19 significant digits and truncated when
     * a dropped digit is nonzero; returns how many significant digits were dropped.
     */
    private long truncate(byte[] b, int from, int to) {
        long w = 0;
        int kept = 0;
        long dropped = 0;
        boolean nonzeroDropped = false;
        for (int i = from; i < to && (b[i] | 0x20) != 'e'; i++) {
            int d = b[i] - '0';
            if (d < 0) {
                continue; // the decimal point
            }
            if (kept < MAX_DIGITS) {
                if (kept > 0 || d != 0) {
                    w = 10 * w + d;
                    kept++;
                }
            } else {
                dropped++;
                nonzeroDropped |= d != 0;
            }
        }
        significand = w;
        truncated = nonzeroDropped;
        return dropped;
    }

    private static int nonFiniteOrSyntax(byte[] b, int i, int end) {
        int n = end - i;
        if (n != 3 && n != 8) {
            return SYNTAX;
        }
        int c0 = b[i] | 0x20;
        int c1 = b[i + 1] | 0x20;
        int c2 = b[i + 2] | 0x20;
        if (n == 3 && c0 == 'n' && c1 == 'a' && c2 == 'n') {
            return NON_FINITE;
        }
        if (c0 != 'i' || c1 != 'n' || c2 != 'f') {
            return SYNTAX;
        }
        if (n == 3) {
            return NON_FINITE;
        }
        return (b[i + 3] | 0x20) == 'i' && (b[i + 4] | 0x20) == 'n' && (b[i + 5] | 0x20) == 'i'
                && (b[i + 6] | 0x20) == 't' && (b[i + 7] | 0x20) == 'y' ? NON_FINITE : SYNTAX;
    }

    private static double nonFinite(byte[] b, int off) {
        int first = b[off] == '-' || b[off] == '+' ? off + 1 : off;
        if ((b[first] | 0x20) == 'n') {
            return Double.NaN;
        }
        return b[off] == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    // The undecided truncated case (a long digit string very close to a halfway point): the JDK decides
    // exactly. The text was validated, so the JDK's extra leniency (white space, suffixes) cannot matter.
    private float slowFloat(byte[] b, int off, int len) {
        float v = Float.parseFloat(new String(b, off, len, StandardCharsets.ISO_8859_1));
        status = Float.isInfinite(v) ? OUT_OF_RANGE : OK;
        return v;
    }

    private double slowDouble(byte[] b, int off, int len) {
        double v = Double.parseDouble(new String(b, off, len, StandardCharsets.ISO_8859_1));
        status = Double.isInfinite(v) ? OUT_OF_RANGE : OK;
        return v;
    }

    /**
     * Parses a signed 64-bit integer {@code [sign] digits}.
     *
     * @param b the bytes holding the text; only read
     * @param off index in {@code b} of the integer's first byte
     * @param len number of bytes of the integer's text
     * @return the value; 0 when {@link #status()} is {@link #OUT_OF_RANGE}, meaningless for {@link #SYNTAX}
     */
    public long parseLong(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (len > 0 && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        int n = end - i;
        if (n <= 0) {
            status = SYNTAX;
            return 0;
        }
        if (n > 18) {
            return parseLongCarefully(b, i, end, neg);
        }
        // Up to 18 digits cannot overflow.
        long acc = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                status = SYNTAX;
                return 0;
            }
            acc = 10 * acc + d;
        }
        status = OK;
        return neg ? -acc : acc;
    }

    private long parseLongCarefully(byte[] b, int i, int end, boolean neg) {
        long acc = 0; // accumulated negatively so Long.MIN_VALUE fits
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                status = SYNTAX;
                return 0;
            }
            if (acc < Long.MIN_VALUE / 10 || acc * 10 < Long.MIN_VALUE + d) {
                status = overflowOrSyntax(b, i + 1, end);
                return 0;
            }
            acc = acc * 10 - d;
        }
        if (!neg) {
            if (acc == Long.MIN_VALUE) {
                status = OUT_OF_RANGE;
                return 0;
            }
            acc = -acc;
        }
        status = OK;
        return acc;
    }

    /**
     * Parses a signed 32-bit integer {@code [sign] digits}.
     *
     * @param b the bytes holding the text; only read
     * @param off index in {@code b} of the integer's first byte
     * @param len number of bytes of the integer's text
     * @return the value; 0 when {@link #status()} is {@link #OUT_OF_RANGE}, meaningless for {@link #SYNTAX}
     */
    public int parseInt(byte[] b, int off, int len) {
        long v = parseLong(b, off, len);
        if (status == OK && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            status = OUT_OF_RANGE;
            return 0;
        }
        return (int) v;
    }

    private static int overflowOrSyntax(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return SYNTAX;
            }
        }
        return OUT_OF_RANGE;
    }
}
