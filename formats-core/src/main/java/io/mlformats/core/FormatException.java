package io.mlformats.core;

import java.io.IOException;
import java.util.Objects;

/**
 * The input is not valid for the format being read. Always carries the {@link SourcePosition} of the problem and
 * a message that says what was found and what was expected.
 *
 * <p>The message reads {@code file:line:offset: record N: detail} (line omitted for binary formats), so that it
 * can be printed as is. {@link #detail()} gives the text without the location.
 *
 * <p>Subclasses exist only where callers branch on them: {@link TruncatedInputException} and
 * {@link LimitExceededException}.
 */
public class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final SourcePosition position;
    private final String detail;

    /** An error at {@code position}; {@code detail} says what was found and what was expected. */
    public FormatException(SourcePosition position, String detail) {
        this(position, detail, null);
    }

    /** An error at {@code position} caused by {@code cause}. */
    public FormatException(SourcePosition position, String detail, Throwable cause) {
        super(render(position, detail), cause);
        this.position = Objects.requireNonNull(position, "position");
        this.detail = detail;
    }

    /**
     * This error with its position {@link SourcePosition#shifted shifted} by the lines and records that precede
     * the byte range it was found in. Keeps the class for the two subclasses callers branch on.
     */
    public FormatException shifted(long lines, long records) {
        if (lines == 0 && records == 0) {
            return this;
        }
        SourcePosition p = position.shifted(lines, records);
        FormatException e;
        if (this instanceof LimitExceededException l) {
            e = new LimitExceededException(p, l.limitName(), l.limitValue(), detail, true);
        } else if (this instanceof TruncatedInputException) {
            e = new TruncatedInputException(p, detail, getCause());
        } else {
            e = new FormatException(p, detail, getCause());
        }
        return e;
    }

    /** Where the problem is. */
    public SourcePosition position() {
        return position;
    }

    /** What is wrong, without the location prefix. */
    public String detail() {
        return detail;
    }

    private static String render(SourcePosition p, String detail) {
        StringBuilder sb = new StringBuilder(64).append(p);
        if (p != null && p.recordIndex() >= 0) {
            sb.append(": record ").append(p.recordIndex());
        }
        return sb.append(": ").append(detail).toString();
    }
}
