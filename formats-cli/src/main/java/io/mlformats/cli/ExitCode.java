package io.mlformats.cli;

/**
 * Process exit codes of {@code mlformats}, documented in the CLI README.
 *
 * <ul>
 *   <li>0: success (for {@code validate}: no errors; warnings allowed)</li>
 *   <li>1: the input is invalid: a format error, or {@code validate} found errors</li>
 *   <li>2: usage error: bad option, unsupported conversion, undetectable format</li>
 *   <li>3: I/O error: missing input, unwritable output</li>
 *   <li>4: internal error (a bug: please report it with {@code MLFORMATS_DEBUG=1} output)</li>
 *   <li>5: out of memory: a record within the read limits needs more heap than the JVM has (raise {@code -Xmx}
 *       through {@code JAVA_OPTS}); the message names the record when a reader's buffer could not grow</li>
 *   <li>130: interrupted</li>
 * </ul>
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The input is invalid. */
    public static final int INVALID_DATA = 1;
    /** Usage error. */
    public static final int USAGE = 2;
    /** I/O error. */
    public static final int IO = 3;
    /** Internal error (a bug). */
    public static final int INTERNAL = 4;
    /** The Java heap is too small for the input (see {@code docs/LIMITS.md}). */
    public static final int OUT_OF_MEMORY = 5;
    /** Interrupted by a signal. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
