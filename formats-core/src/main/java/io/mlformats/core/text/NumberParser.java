package io.mlformats.core.text;

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

    private int status;

    /** Status of the last call: {@link #OK}, {@link #SYNTAX}, {@link #NON_FINITE} or {@link #OUT_OF_RANGE}. */
    public int status() {
        return status;
    }

    /** Parses a float32; see the class comment for the grammar and {@link #status()}. */
    public float parseFloat(byte[] b, int off, int len) {
        int kind = classify(b, off, len);
        if (kind == SYNTAX) {
            status = SYNTAX;
            return Float.NaN;
        }
        if (kind == NON_FINITE) {
            status = NON_FINITE;
            return (float) nonFinite(b, off, len);
        }
        float v = Float.parseFloat(ascii(b, off, len));
        status = Float.isInfinite(v) ? OUT_OF_RANGE : OK;
        return v;
    }

    /** Parses a float64; see the class comment for the grammar and {@link #status()}. */
    public double parseDouble(byte[] b, int off, int len) {
        int kind = classify(b, off, len);
        if (kind == SYNTAX) {
            status = SYNTAX;
            return Double.NaN;
        }
        if (kind == NON_FINITE) {
            status = NON_FINITE;
            return nonFinite(b, off, len);
        }
        double v = Double.parseDouble(ascii(b, off, len));
        status = Double.isInfinite(v) ? OUT_OF_RANGE : OK;
        return v;
    }

    /** Parses a signed 64-bit integer {@code [sign] digits}. */
    public long parseLong(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i >= end) {
            status = SYNTAX;
            return 0;
        }
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

    /** Parses a signed 32-bit integer {@code [sign] digits}. */
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

    /** OK for a finite decimal literal, NON_FINITE for nan/inf spellings, SYNTAX otherwise. */
    static int classify(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i >= end) {
            return SYNTAX;
        }
        int c = b[i] | 0x20;
        if (c == 'n' || c == 'i') {
            return isWord(b, i, end, "nan") || isWord(b, i, end, "inf") || isWord(b, i, end, "infinity")
                    ? NON_FINITE : SYNTAX;
        }
        int digits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
            digits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return SYNTAX;
        }
        if (i < end && (b[i] | 0x20) == 'e') {
            i++;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return SYNTAX;
            }
        }
        return i == end ? OK : SYNTAX;
    }

    private static boolean isWord(byte[] b, int i, int end, String word) {
        if (end - i != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if ((b[i + k] | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static double nonFinite(byte[] b, int off, int len) {
        boolean neg = b[off] == '-';
        int first = b[off] == '-' || b[off] == '+' ? off + 1 : off;
        if ((b[first] | 0x20) == 'n') {
            return Double.NaN;
        }
        return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @SuppressWarnings("deprecation")
    private static String ascii(byte[] b, int off, int len) {
        return new String(b, 0, off, len);
    }
}
