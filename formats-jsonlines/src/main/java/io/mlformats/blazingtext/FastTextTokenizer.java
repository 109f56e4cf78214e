package io.mlformats.blazingtext;

import io.mlformats.jsonlines.internal.IntList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * fastText's tokenisation ({@code Dictionary::readWord}, 0.9.2): tokens are maximal runs of bytes other than
 * space, {@code \t}, {@code \n}, {@code \r}, {@code \v}, {@code \f} and NUL; runs of white space collapse and
 * leading white space is ignored. A token is a label iff it <em>starts with</em> the label prefix (default
 * {@code __label__}), wherever it is in the line. Works on bytes, so any encoding passes through unchanged.
 * Stateless and thread-safe.
 */
public final class FastTextTokenizer {
    /** fastText's default label prefix. */
    public static final String DEFAULT_LABEL_PREFIX = "__label__";

    private FastTextTokenizer() {
    }

    /**
     * True for the bytes fastText treats as white space.
     *
     * @param c the byte to test
     * @return true for space, tab, vertical tab, form feed, carriage return, newline and NUL
     */
    public static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f' || c == 0;
    }

    /**
     * True for characters fastText treats as white space.
     *
     * @param c the character to test
     * @return true for space, tab, vertical tab, form feed, carriage return, newline and NUL
     */
    public static boolean isSpace(char c) {
        return c < 0x80 && isSpace((byte) c);
    }

    /**
     * Appends the {@code [start, end)} byte ranges of the tokens of {@code b[from, to)} to {@code starts} and
     * {@code ends}; returns the number of tokens found.
     */
    static int tokenize(byte[] b, int from, int to, IntList starts, IntList ends) {
        int n = 0;
        int i = from;
        while (i < to) {
            while (i < to && isSpace(b[i])) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int s = i;
            while (i < to && !isSpace(b[i])) {
                i++;
            }
            starts.add(s);
            ends.add(i);
            n++;
        }
        return n;
    }

    /**
     * The tokens of a string.
     *
     * @param text the text to split
     * @return the tokens in order, as new Strings; empty if {@code text} is only white space
     */
    public static List<String> tokens(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        IntList s = new IntList(16);
        IntList e = new IntList(16);
        tokenize(b, 0, b.length, s, e);
        List<String> out = new ArrayList<>(s.size);
        for (int i = 0; i < s.size; i++) {
            out.add(new String(b, s.data[i], e.data[i] - s.data[i], StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Whether {@code b[start, end)} starts with {@code prefix} (ASCII or UTF-8 bytes).
     *
     * @param b the buffer holding the token
     * @param start the token's inclusive start offset in {@code b}
     * @param end the token's exclusive end offset in {@code b}
     * @param prefix the label prefix as UTF-8 bytes, or {@code null} (never a label)
     * @return true if {@code prefix} is not null, the token is at least as long as it, and begins with it
     */
    public static boolean isLabel(byte[] b, int start, int end, byte[] prefix) {
        if (prefix == null || end - start < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[start + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
