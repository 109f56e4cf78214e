package io.mlformats.cli;

/** A problem the user can fix (bad option, unsupported conversion): printed without a stack trace. */
public final class UserException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /** A problem to report as {@code message}, exiting with {@code exitCode} ({@link ExitCode}). */
    public UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A usage error ({@link ExitCode#USAGE}). */
    public static UserException usage(String message) {
        return new UserException(ExitCode.USAGE, message);
    }

    /** The process exit code to end with. */
    public int exitCode() {
        return exitCode;
    }
}
