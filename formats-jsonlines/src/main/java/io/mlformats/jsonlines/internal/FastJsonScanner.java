package io.mlformats.jsonlines.internal;

import io.mlformats.core.text.NumberParser;

/**
 * An optimistic scanner for the shapes that dominate the bytes of DeepAR files: arrays of JSON numbers (with
 * {@code null} and {@code "NaN"} for missing values), arrays of non-negative integers, and plain ASCII strings.
 *
 * <p>It accepts a strict subset of JSON and never reports errors: every method returns the index just past what
 * it consumed, or {@link #BAIL} as soon as it sees anything outside its subset (escapes, exotic numbers, other
 * values, over-long tokens). Callers then re-read the whole record with Jackson, which is the authority on
 * validity and on error messages. The tests fuzz this class against Jackson: whenever it succeeds, Jackson
 * accepts the same bytes and yields the same values, bit for bit.
 *
 * <p>Floats use Clinger's fast path (a significand below 2^24 and a power of ten up to 10^10 are both exact in
 * float, so one float multiplication or division is correctly rounded); other numbers go to {@link NumberParser},
 * which is correctly rounded too. One instance per reader; not thread-safe.
 */
public final class FastJsonScanner {
    /** Returned when the input leaves the fast subset. */
    public static final int BAIL = -1;
    private static final int MAX_NUMBER_CHARS = 64;
    private static final float[] POW10 = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    private final NumberParser numbers = new NumberParser();
    private final int maxElements;
    private float lastFloat;

    public FastJsonScanner(int maxElements) {
        this.maxElements = maxElements;
    }

    /** Index of the first byte at or after {@code i} that is not JSON white space. */
    public static int skipWs(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * A string of printable ASCII without escapes starting at the quote at {@code i}; returns the index past the
     * closing quote. The content is {@code b[i+1, result-1)}.
     */
    public static int plainString(byte[] b, int i, int end) {
        if (i >= end || b[i] != '"') {
            return BAIL;
        }
        for (int j = i + 1; j < end; j++) {
            byte c = b[j];
            if (c == '"') {
                return j + 1;
            }
            if (c < 0x20 || c == '\\' || c >= 0x7F) {
                return BAIL;
            }
        }
        return BAIL;
    }

    /** True if {@code b[from, to)} equals the ASCII {@code word}. */
    public static boolean is(byte[] b, int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (b[from + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An array of numbers starting at the {@code [} at {@code i}, appended to {@code out}; {@code null} and
     * {@code "NaN"} become NaN only if {@code allowMissing}.
     */
    public int floatArray(byte[] b, int i, int end, FloatList out, boolean allowMissing) {
        if (i >= end || b[i] != '[') {
            return BAIL;
        }
        i = skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            if (i >= end) {
                return BAIL;
            }
            byte c = b[i];
            if (c == '"' || c == 'n') {
                if (!allowMissing) {
                    return BAIL;
                }
                if (c == '"' && i + 5 <= end && b[i + 1] == 'N' && b[i + 2] == 'a' && b[i + 3] == 'N'
                        && b[i + 4] == '"') {
                    i += 5;
                } else if (c == 'n' && i + 4 <= end && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
                    i += 4;
                } else {
                    return BAIL;
                }
                if (out.size >= maxElements) {
                    return BAIL;
                }
                out.add(Float.NaN);
            } else {
                i = number(b, i, end);
                if (i < 0 || out.size >= maxElements) {
                    return BAIL;
                }
                out.add(lastFloat);
            }
            i = skipWs(b, i, end);
            if (i >= end) {
                return BAIL;
            }
            if (b[i] == ',') {
                i = skipWs(b, i + 1, end);
            } else if (b[i] == ']') {
                return i + 1;
            } else {
                return BAIL;
            }
        }
    }

    /** An array of non-negative int32 values in plain decimal starting at the {@code [} at {@code i}. */
    public int intArray(byte[] b, int i, int end, IntList out) {
        if (i >= end || b[i] != '[') {
            return BAIL;
        }
        i = skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            if (i >= end) {
                return BAIL;
            }
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return BAIL;
            }
            long v = c;
            int start = i++;
            if (c != 0) {
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    v = v * 10 + (b[i] - '0');
                    if (v > Integer.MAX_VALUE) {
                        return BAIL;
                    }
                    i++;
                }
            }
            if (i - start > 10 || out.size >= maxElements) {
                return BAIL;
            }
            out.add((int) v);
            i = skipWs(b, i, end);
            if (i >= end) {
                return BAIL;
            }
            if (b[i] == ',') {
                i = skipWs(b, i + 1, end);
            } else if (b[i] == ']') {
                return i + 1;
            } else {
                return BAIL;
            }
        }
    }

    /** A JSON number at {@code i} (strict JSON grammar); the value goes to {@link #lastFloat}. */
    private int number(byte[] b, int i, int end) {
        int start = i;
        boolean neg = false;
        if (i < end && b[i] == '-') {
            neg = true;
            i++;
        }
        if (i >= end) {
            return BAIL;
        }
        long w = 0;
        int digits = 0; // significant digits accumulated in w
        int c = b[i] - '0';
        if (c == 0) {
            i++;
        } else if (c > 0 && c <= 9) {
            while (i < end && (c = b[i] - '0') >= 0 && c <= 9) {
                if (digits < 18) {
                    w = w * 10 + c;
                    if (w != 0) {
                        digits++;
                    }
                } else {
                    digits = 99;
                }
                i++;
            }
        } else {
            return BAIL;
        }
        int exp10 = 0;
        if (i < end && b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < end && (c = b[i] - '0') >= 0 && c <= 9) {
                if (digits < 18) {
                    w = w * 10 + c;
                    if (w != 0) {
                        digits++;
                    }
                    exp10--;
                } else {
                    digits = 99;
                }
                i++;
            }
            if (i == fracStart) {
                return BAIL;
            }
        }
        boolean hasExp = false;
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            hasExp = true;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int expStart = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == expStart) {
                return BAIL;
            }
        }
        int len = i - start;
        if (len > MAX_NUMBER_CHARS) {
            return BAIL;
        }
        if (!hasExp && digits <= 8 && w <= (1 << 24) && exp10 >= -10) {
            float f = (float) w; // exact: w <= 2^24
            f = exp10 == 0 ? f : f / POW10[-exp10];
            lastFloat = neg ? -f : f;
            return i;
        }
        float f = numbers.parseFloat(b, start, len);
        if (numbers.status() != NumberParser.OK) {
            return BAIL;
        }
        lastFloat = f;
        return i;
    }
}
