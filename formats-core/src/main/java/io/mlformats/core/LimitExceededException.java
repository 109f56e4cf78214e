package io.mlformats.core;

/**
 * A configured {@link ReadLimits} limit was exceeded. The message names the limit and its value, so the caller
 * knows which builder option to raise if the input is legitimate.
 */
public class LimitExceededException extends FormatException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limitValue;

    /** The limit {@code limitName} (configured as {@code limitValue}) was exceeded by {@code found} at {@code position}. */
    public LimitExceededException(SourcePosition position, String limitName, long limitValue, String found) {
        super(position, found + " exceeds the limit " + limitName + " = " + limitValue
                + " (raise it with ReadLimits.builder()." + limitName + "(...) if the input is legitimate)");
        this.limitName = limitName;
        this.limitValue = limitValue;
    }

    /** Re-creates an exception with a complete detail text (used when moving it to another position). */
    LimitExceededException(SourcePosition position, String limitName, long limitValue, String detail,
            boolean detailIsComplete) {
        super(position, detail);
        this.limitName = limitName;
        this.limitValue = limitValue;
    }

    /** The name of the {@link ReadLimits} property, e.g. {@code maxLineBytes}. */
    public String limitName() {
        return limitName;
    }

    /** The limit's configured value. */
    public long limitValue() {
        return limitValue;
    }
}
