package io.mlformats.cli;

/** A problem the user can fix (bad option, unsupported conversion): printed without a stack trace. */
public final class UserException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static UserException usage(String message) {
        return new UserException(ExitCode.USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
