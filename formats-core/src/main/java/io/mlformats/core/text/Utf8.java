package io.mlformats.core.text;

import java.nio.ByteBuffer;

/**
 * Strict UTF-8 validation of byte ranges, RFC 3629: no overlong forms, no surrogates (U+D800..U+DFFF), nothing
 * above U+10FFFF, no truncated sequences — the same bytes the JDK's UTF-8 decoder and protobuf-java accept. Over
 * heap arrays and over (heap or direct) {@link ByteBuffer}s with absolute indexes, so mapped input is checked in
 * place. Allocates nothing. Stateless; thread-safe.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Index of the first byte of the first invalid sequence in {@code b[from, to)}, or -1 if it is all valid.
     *
     * @param b the bytes to check; only read
     * @param from index of the first byte to check
     * @param to index just past the last byte to check
     * @return the index in {@code b} where the first invalid or truncated sequence starts, or -1
     */
    public static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = sequenceLength(c, at(b, i + 1, to), at(b, i + 2, to), at(b, i + 3, to));
            if (n == 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /**
     * Index of the first byte of the first invalid sequence in {@code b[from, to)} (absolute indexes; the buffer's
     * position and limit are neither used nor changed), or -1 if it is all valid.
     *
     * @param b the buffer to check; only read, its position and limit are ignored
     * @param from absolute index of the first byte to check
     * @param to absolute index just past the last byte to check
     * @return the absolute index in {@code b} where the first invalid or truncated sequence starts, or -1
     */
    public static int firstInvalid(ByteBuffer b, int from, int to) {
        if (b.hasArray()) {
            int base = b.arrayOffset();
            int bad = firstInvalid(b.array(), base + from, base + to);
            return bad < 0 ? -1 : bad - base;
        }
        int i = from;
        while (i < to) {
            int c = b.get(i) & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = sequenceLength(c, at(b, i + 1, to), at(b, i + 2, to), at(b, i + 3, to));
            if (n == 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    private static int at(byte[] b, int i, int to) {
        return i < to ? b[i] & 0xFF : -1;
    }

    private static int at(ByteBuffer b, int i, int to) {
        return i < to ? b.get(i) & 0xFF : -1;
    }

    /**
     * Length of the well-formed sequence that starts with non-ASCII {@code lead} followed by {@code c1..c3} (-1 for
     * bytes past the range), or 0 if it is not well-formed.
     */
    private static int sequenceLength(int lead, int c1, int c2, int c3) {
        int need;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            need = 1;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            need = 2;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            need = 3;
            min = 0x10000;
        } else {
            return 0; // a continuation byte, an overlong lead (C0, C1) or F5..FF
        }
        if (!isContinuation(c1)) {
            return 0;
        }
        int cp = (lead & (0x3F >> need)) << 6 | (c1 & 0x3F);
        if (need >= 2) {
            if (!isContinuation(c2)) {
                return 0;
            }
            cp = cp << 6 | (c2 & 0x3F);
        }
        if (need == 3) {
            if (!isContinuation(c3)) {
                return 0;
            }
            cp = cp << 6 | (c3 & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        return need + 1;
    }

    private static boolean isContinuation(int c) {
        return (c & 0xC0) == 0x80; // false for -1 (past the range)
    }
}
