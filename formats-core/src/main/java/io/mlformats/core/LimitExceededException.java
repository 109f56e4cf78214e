package io.mlformats.core;

/**
 * A configured {@link ReadLimits} limit was exceeded. The message names the limit and its value, so the caller
 * knows which builder option to raise if the input is legitimate.
 */
public class LimitExceededException extends FormatException {
    private static final long serialVersionUID = 1L;

    /** Name of the exceeded {@link ReadLimits} property. */
    private final String limitName;
    /** Configured value of the exceeded limit. */
    private final long limitValue;

    /**
     * The limit {@code limitName} (configured as {@code limitValue}) was exceeded by {@code found} at {@code position}.
     *
     * @param position where the limit was exceeded; not null
     * @param limitName the {@link ReadLimits} property's name, e.g. {@code maxLineBytes}
     * @param limitValue the limit's configured value
     * @param found what exceeded it, e.g. {@code "line 7 of at least 70000000 bytes"}; starts the detail text
     */
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

    /**
     * The name of the {@link ReadLimits} property, e.g. {@code maxLineBytes}.
     *
     * @return the name of the {@link ReadLimits} property that was exceeded
     */
    public String limitName() {
        return limitName;
    }

    /**
     * The limit's configured value.
     *
     * @return the value the exceeded limit was configured with
     */
    public long limitValue() {
        return limitValue;
    }
}
