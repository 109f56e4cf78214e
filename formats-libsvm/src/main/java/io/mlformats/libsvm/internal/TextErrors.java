package io.mlformats.libsvm.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.InsufficientMemoryException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.SourcePosition;
import java.nio.charset.StandardCharsets;

/**
 * Where the line being parsed sits in its input, and the wording of "found X" in error messages. One per
 * parser; the reader updates it before each line. Not thread-safe.
 */
public final class TextErrors {
    private static final int MAX_SHOWN = 40;

    private final String source;
    private long line;
    private long lineOffset;
    private int lineStart;
    private long record;

    /** Errors of the input named {@code source}. */
    public TextErrors(String source) {
        this.source = source;
    }

    /** Sets the current line: its number, the absolute offset of its first byte and its index in the buffer. */
    public void at(long lineNumber, long absoluteOffset, int bufferIndex, long recordIndex) {
        this.line = lineNumber;
        this.lineOffset = absoluteOffset;
        this.lineStart = bufferIndex;
        this.record = recordIndex;
    }

    /** The input's name. */
    public String source() {
        return source;
    }

    /** The position of {@code buffer[index]} on the current line. */
    public SourcePosition position(int index) {
        return SourcePosition.ofLine(source, lineOffset + (index - lineStart), record, line);
    }

    /** An error at {@code buffer[index]} of the current line. */
    public FormatException error(int index, String detail) {
        return new FormatException(position(index), detail);
    }

    /**
     * A {@link LimitExceededException} at {@code buffer[index]} of the current line: more than {@code limit}
     * {@code what} (e.g. {@code "features"}) in one row, refused by {@code ReadLimits.maxArrayElements}.
     */
    public LimitExceededException tooMany(int index, String what, int limit) {
        return new LimitExceededException(position(index), "maxArrayElements", limit,
                "a row of more than " + limit + " " + what);
    }

    /**
     * The heap could not hold the row of the current line (its vectors grow with the values actually parsed;
     * the line is within {@code maxLineBytes}, but a small heap may not hold 4 to 12 bytes per value).
     */
    public InsufficientMemoryException outOfMemory(int lineStart, int lineEnd, int maxElements) {
        return new InsufficientMemoryException(position(lineStart), "the row of line " + line + " ("
                + (lineEnd - lineStart) + " bytes)", -1, "maxArrayElements", maxElements);
    }

    /** {@code 'x'} for printable ASCII, {@code 0xNN} otherwise, "end of line" past the end. */
    public static String describe(byte[] b, int i, int end) {
        if (i >= end) {
            return "end of line";
        }
        int c = b[i] & 0xff;
        if (c >= 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format("0x%02X", c);
    }

    /** The token {@code b[from, to)} quoted for a message, cut short and with non-ASCII bytes escaped. */
    public static String quote(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(to - from, MAX_SHOWN);
        for (int i = from; i < from + n; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        if (to - from > n) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }

    static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
