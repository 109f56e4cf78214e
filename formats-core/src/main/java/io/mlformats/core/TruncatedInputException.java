package io.mlformats.core;

/** The input ended in the middle of a header, record, padding or compressed stream. */
public class TruncatedInputException extends FormatException {
    private static final long serialVersionUID = 1L;

    /**
     * The input ended inside a record at {@code position}.
     *
     * @param position where the input ended; not null
     * @param detail what was being read when the input ended
     */
    public TruncatedInputException(SourcePosition position, String detail) {
        super(position, detail);
    }

    /**
     * The input ended inside a record at {@code position}, as {@code cause} reported.
     *
     * @param position where the input ended; not null
     * @param detail what was being read when the input ended
     * @param cause the exception that reported the end of input, e.g. an {@link java.io.EOFException}, or null
     */
    public TruncatedInputException(SourcePosition position, String detail, Throwable cause) {
        super(position, detail, cause);
    }
}
