package io.mlformats.core;

/** The input ended in the middle of a header, record, padding or compressed stream. */
public class TruncatedInputException extends FormatException {
    private static final long serialVersionUID = 1L;

    /** The input ended inside a record at {@code position}. */
    public TruncatedInputException(SourcePosition position, String detail) {
        super(position, detail);
    }

    /** The input ended inside a record at {@code position}, as {@code cause} reported. */
    public TruncatedInputException(SourcePosition position, String detail, Throwable cause) {
        super(position, detail, cause);
    }
}
