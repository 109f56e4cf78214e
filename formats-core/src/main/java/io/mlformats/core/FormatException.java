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
 * {@link LimitExceededException} (and its {@link InsufficientMemoryException}).
 */
public class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Where the problem is; never null. */
    private final SourcePosition position;
    /** What is wrong, without the location prefix. */
    private final String detail;

    /**
     * An error at {@code position}; {@code detail} says what was found and what was expected.
     *
     * @param position where the problem is; not null
     * @param detail what was found and what was expected, without the location
     * @throws NullPointerException if {@code position} is null
     */
    public FormatException(SourcePosition position, String detail) {
        this(position, detail, null);
    }

    /**
     * An error at {@code position} caused by {@code cause}.
     *
     * @param position where the problem is; not null
     * @param detail what was found and what was expected, without the location
     * @param cause the underlying exception, or null
     * @throws NullPointerException if {@code position} is null
     */
    public FormatException(SourcePosition position, String detail, Throwable cause) {
        super(render(position, detail), cause);
        this.position = Objects.requireNonNull(position, "position");
        this.detail = detail;
    }

    /**
     * This error with its position {@link SourcePosition#shifted shifted} by the lines and records that precede
     * the byte range it was found in. Keeps the class for the two subclasses callers branch on.
     *
     * @param lines the number of lines of the input before the byte range
     * @param records the number of records of the input before the byte range
     * @return this exception if both are 0, else a new exception of the same class with the shifted position, the same
     *     detail and cause
     */
    public FormatException shifted(long lines, long records) {
        if (lines == 0 && records == 0) {
            return this;
        }
        SourcePosition p = position.shifted(lines, records);
        FormatException e;
        if (this instanceof InsufficientMemoryException m) {
            e = new InsufficientMemoryException(p, m);
        } else if (this instanceof LimitExceededException l) {
            e = new LimitExceededException(p, l.limitName(), l.limitValue(), detail, true);
        } else if (this instanceof TruncatedInputException) {
            e = new TruncatedInputException(p, detail, getCause());
        } else {
            e = new FormatException(p, detail, getCause());
        }
        return e;
    }

    /**
     * Where the problem is.
     *
     * @return the position of the problem; never null
     */
    public SourcePosition position() {
        return position;
    }

    /**
     * What is wrong, without the location prefix.
     *
     * @return the message without the {@code file:line:offset: record N:} prefix
     */
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
