package io.mlformats.jsonlines.internal;

import io.mlformats.core.text.NumberParser;
import java.util.Arrays;

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
    private static final int FLOAT = 0;
    private static final int DOUBLE = 1;
    private static final int SKIP = 2;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final int MAX_DEPTH = 64;
    private float lastFloat;
    private double lastDouble;
    // value(): containers open around the value being read, and the keys of the objects open (pairs of offsets;
    // Jackson refuses duplicate keys, so the scanner must see them too)
    private final int maxDepth;
    private int depth;
    private int[] keys = new int[32];
    private int keyCount;
    private int keyBase;
    private final FieldScanner valueField = this::valueField;
    private final ElementScanner valueElement = this::anyValue;

    /** A scanner bailing on arrays of more than {@code maxElements} values (and nesting beyond 64). */
    public FastJsonScanner(int maxElements) {
        this(maxElements, MAX_DEPTH);
    }

    /** A scanner bailing on arrays of more than {@code maxElements} values and nesting deeper than
     * {@code maxNestingDepth} (or 64). */
    public FastJsonScanner(int maxElements, int maxNestingDepth) {
        this.maxElements = maxElements;
        this.maxDepth = Math.min(maxNestingDepth, MAX_DEPTH);
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
        return numberArray(b, i, end, out, null, allowMissing);
    }

    /** An array of numbers (no missing values) starting at the {@code [} at {@code i}, appended to {@code out}. */
    public int doubleArray(byte[] b, int i, int end, DoubleList out) {
        return numberArray(b, i, end, null, out, false);
    }

    /** Appends to {@code floats} or, when it is null, to {@code doubles}. */
    private int numberArray(byte[] b, int i, int end, FloatList floats, DoubleList doubles, boolean allowMissing) {
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
            if ((floats == null ? doubles.size : floats.size) >= maxElements) {
                return BAIL;
            }
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
                floats.add(Float.NaN);
            } else {
                i = number(b, i, end, floats != null ? FLOAT : DOUBLE);
                if (i < 0) {
                    return BAIL;
                }
                if (floats != null) {
                    floats.add(lastFloat);
                } else {
                    doubles.add(lastDouble);
                }
            }
            i = afterElement(b, i, end, ']');
            if (i == BAIL || b[i - 1] == ']') {
                return i;
            }
        }
    }

    /**
     * After an element of an array or object: white space, then {@code ,} (returns the index of the next element,
     * after white space) or {@code close} (returns the index past it); anything else is {@link #BAIL}. Callers
     * tell the two apart by {@code b[result - 1]}.
     */
    private static int afterElement(byte[] b, int i, int end, char close) {
        i = skipWs(b, i, end);
        if (i >= end) {
            return BAIL;
        }
        if (b[i] == ',') {
            int next = skipWs(b, i + 1, end);
            // a ',' followed directly by the closing bracket is not JSON: make the caller's check fail
            return next < end && b[next] == close ? BAIL : next;
        }
        return b[i] == close ? i + 1 : BAIL;
    }

    /** Reads one field's value: the key is {@code b[keyFrom, keyTo)}, the value starts at {@code valueAt}. */
    @FunctionalInterface
    public interface FieldScanner {
        /** Returns the index just past the value, or {@link #BAIL}. */
        int field(byte[] b, int keyFrom, int keyTo, int valueAt, int end);
    }

    /** Reads one array element starting at {@code at}. */
    @FunctionalInterface
    public interface ElementScanner {
        /** Returns the index just past the element, or {@link #BAIL}. */
        int element(byte[] b, int at, int end);
    }

    /**
     * An object starting at the <code>{</code> at {@code i} whose keys are plain strings ({@link #plainString});
     * each value is read by {@code fields}. Returns the index past the closing brace, or {@link #BAIL}.
     */
    public static int object(byte[] b, int i, int end, FieldScanner fields) {
        if (i >= end || b[i] != '{') {
            return BAIL;
        }
        i = skipWs(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            int keyEnd = plainString(b, i, end);
            if (keyEnd == BAIL) {
                return BAIL;
            }
            int v = skipWs(b, keyEnd, end);
            if (v >= end || b[v] != ':') {
                return BAIL;
            }
            i = fields.field(b, i + 1, keyEnd - 1, skipWs(b, v + 1, end), end);
            if (i == BAIL) {
                return BAIL;
            }
            i = afterElement(b, i, end, '}');
            if (i == BAIL || b[i - 1] == '}') {
                return i;
            }
        }
    }

    /**
     * An array starting at the {@code [} at {@code i}, each element read by {@code elements}. Returns the index
     * past the closing bracket, or {@link #BAIL}.
     */
    public static int array(byte[] b, int i, int end, ElementScanner elements) {
        if (i >= end || b[i] != '[') {
            return BAIL;
        }
        i = skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            i = elements.element(b, i, end);
            if (i == BAIL) {
                return BAIL;
            }
            i = afterElement(b, i, end, ']');
            if (i == BAIL || b[i - 1] == ']') {
                return i;
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
            i = afterElement(b, i, end, ']');
            if (i == BAIL || b[i - 1] == ']') {
                return i;
            }
        }
    }

    /**
     * A JSON number at {@code i} (strict JSON grammar); the value goes to {@link #lastFloat} or {@link #lastDouble}
     * per {@code mode} ({@code SKIP}: checked, not converted).
     */
    private int number(byte[] b, int i, int end, int mode) {
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
        if (mode == SKIP) {
            return i;
        }
        if (mode == DOUBLE) {
            double d = numbers.parseDouble(b, start, len);
            if (numbers.status() != NumberParser.OK) {
                return BAIL;
            }
            lastDouble = d;
            return i;
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

    /**
     * Any JSON value starting at {@code i} inside {@code depth} open containers (1 for an attribute of a line's
     * object): strings (escapes and well-formed UTF-8 allowed), numbers, literals, arrays, objects with plain keys
     * and no duplicate keys. Returns the index just past it, or {@link #BAIL}.
     */
    public int value(byte[] b, int i, int end, int depth) {
        this.depth = depth;
        keyCount = 0;
        keyBase = 0;
        return anyValue(b, i, end);
    }

    private int anyValue(byte[] b, int i, int end) {
        if (i >= end) {
            return BAIL;
        }
        switch (b[i]) {
            case '"':
                return string(b, i, end);
            case '{': {
                if (++depth >= maxDepth) {
                    return BAIL;
                }
                int outerBase = keyBase;
                keyBase = keyCount;
                int r = object(b, i, end, valueField);
                keyCount = keyBase;
                keyBase = outerBase;
                depth--;
                return r;
            }
            case '[': {
                if (++depth >= maxDepth) {
                    return BAIL;
                }
                int r = array(b, i, end, valueElement);
                depth--;
                return r;
            }
            case 't':
                return literal(b, i, end, TRUE);
            case 'f':
                return literal(b, i, end, FALSE);
            case 'n':
                return literal(b, i, end, NULL);
            default:
                return number(b, i, end, SKIP);
        }
    }

    private int valueField(byte[] b, int keyFrom, int keyTo, int valueAt, int end) {
        for (int k = keyBase; k < keyCount; k += 2) {
            if (Arrays.equals(b, keyFrom, keyTo, b, keys[k], keys[k + 1])) {
                return BAIL;
            }
        }
        if (keyCount + 2 > keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        keys[keyCount++] = keyFrom;
        keys[keyCount++] = keyTo;
        return anyValue(b, valueAt, end);
    }

    private static int literal(byte[] b, int i, int end, byte[] word) {
        return i + word.length <= end && is(b, i, i + word.length, word) ? i + word.length : BAIL;
    }

    /**
     * A JSON string starting at the quote at {@code i}: valid escapes (no surrogate escapes) and well-formed UTF-8
     * (no overlong forms, no encoded surrogates). Returns the index past the closing quote, or {@link #BAIL}.
     */
    public static int string(byte[] b, int i, int end) {
        if (i >= end || b[i] != '"') {
            return BAIL;
        }
        i++;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == '"') {
                return i + 1;
            } else if (c < 0x20) {
                return BAIL;
            } else if (c == '\\') {
                i = escape(b, i, end);
            } else if (c < 0x80) {
                i++;
            } else {
                i = utf8(b, i, end, c);
            }
            if (i == BAIL) {
                return BAIL;
            }
        }
        return BAIL;
    }

    private static int escape(byte[] b, int i, int end) {
        if (i + 1 >= end) {
            return BAIL;
        }
        byte e = b[i + 1];
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            return i + 2;
        }
        if (e != 'u' || i + 6 > end) {
            return BAIL;
        }
        int cp = 0;
        for (int k = i + 2; k < i + 6; k++) {
            int h = Character.digit(b[k], 16);
            if (h < 0) {
                return BAIL;
            }
            cp = cp * 16 + h;
        }
        return cp >= 0xD800 && cp <= 0xDFFF ? BAIL : i + 6;
    }

    /** One well-formed UTF-8 sequence whose lead byte {@code c} (>= 0x80) is at {@code i}. */
    private static int utf8(byte[] b, int i, int end, int c) {
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return BAIL;
        }
        if (i + n >= end) {
            return BAIL;
        }
        for (int k = 1; k <= n; k++) {
            int x = b[i + k] & 0xFF;
            if (x < lo || x > hi) {
                return BAIL;
            }
            lo = 0x80;
            hi = 0xBF;
        }
        return i + n + 1;
    }
}
