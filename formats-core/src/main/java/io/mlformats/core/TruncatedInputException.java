package io.mlformats.core;

/** The input ended in the middle of a header, record, padding or compressed stream. */
public class TruncatedInputException extends FormatException {
    private static final long serialVersionUID = 1L;

    public TruncatedInputException(SourcePosition position, String detail) {
        super(position, detail);
    }

    public TruncatedInputException(SourcePosition position, String detail, Throwable cause) {
        super(position, detail, cause);
    }
}
