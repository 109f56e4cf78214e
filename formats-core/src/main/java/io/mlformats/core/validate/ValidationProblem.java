package io.mlformats.core.validate;

import io.mlformats.core.SourcePosition;

/**
 * One problem a dataset validator found: a stable code (for example {@code CAT_DOMAIN_INCOMPLETE}), whether it is
 * an error (the algorithm would fail or misread the data) or a warning, where it is, and what to do about it.
 * Immutable.
 *
 * @param code     stable upper-case code, listed in the validator's documentation
 * @param severity error or warning
 * @param position file, line, byte offset and record (series) index; for dataset-wide problems the position of
 *                 the record that shows the problem, or the end of the input
 * @param message  what was found and what was expected
 * @serial exclude (serializable so that reports of parts validated elsewhere can be merged)
 */
public record ValidationProblem(String code, Severity severity, SourcePosition position, String message)
        implements java.io.Serializable {

    /** How serious a problem is. */
    public enum Severity {
        /** The data would be rejected or misread by the algorithm. */
        ERROR,
        /** Accepted, but probably not what the user wants. */
        WARNING
    }

    /** {@code file:line:offset: record N: ERROR CODE: message}, the form the CLI prints. */
    @Override
    public String toString() {
        return position + (position.recordIndex() >= 0 ? ": record " + position.recordIndex() : "") + ": "
                + severity + " " + code + ": " + message;
    }
}
