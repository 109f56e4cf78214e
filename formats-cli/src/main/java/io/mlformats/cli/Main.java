package io.mlformats.cli;

import io.mlformats.core.FormatException;
import io.mlformats.core.InsufficientMemoryException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code mlformats} command. {@link #run} is the in-process form used by tests: it never calls
 * {@link System#exit} and writes only to the given streams.
 *
 * <p>User errors (bad input, bad options, missing files) print one line without a stack trace; an unexpected
 * exception prints {@code internal error} and, with {@code MLFORMATS_DEBUG=1}, its stack trace.
 */
@Command(name = "mlformats", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Convert, print, inspect and validate SageMaker training data.",
        subcommands = {ConvertCommand.class, CatCommand.class, InspectCommand.class, ValidateCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 invalid data, 2 usage error, 3 I/O error, "
                + "4 internal error, 5 out of memory, 130 interrupted."})
public final class Main implements Runnable {
    /** Picocli fills this in. */
    public Main() {
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(o);
        cl.setErr(e);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd.getErr()));
        cl.setParameterExceptionHandler((ex, args1) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("mlformats: " + ex.getMessage());
            w.println("Try 'mlformats " + (ex.getCommandLine().getParent() == null ? "" :
                    ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return ExitCode.USAGE;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError oom) {
            // Readers turn a buffer that cannot grow into a located InsufficientMemoryException; anything else that
            // runs out still ends as one line and a documented exit code, not a stack trace.
            e.println("mlformats: out of memory (max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): raise it with JAVA_OPTS=-Xmx..., or lower the read limits (docs/LIMITS.md)");
            code = ExitCode.OUT_OF_MEMORY;
        }
        o.flush();
        e.flush();
        return code;
    }

    static int handle(Exception ex, PrintWriter err) {
        int code;
        if (ex instanceof InsufficientMemoryException im) {
            err.println(inCliWords(im.getMessage()));
            code = ExitCode.OUT_OF_MEMORY;
        } else if (ex instanceof FormatException fe) {
            err.println(inCliWords(fe.getMessage()));
            code = ExitCode.INVALID_DATA;
        } else if (ex instanceof UserException ue) {
            err.println("mlformats: " + ue.getMessage());
            code = ue.exitCode();
        } else if (ex instanceof NoSuchFileException nf) {
            err.println("mlformats: no such file: " + nf.getFile());
            code = ExitCode.IO;
        } else if (ex instanceof AccessDeniedException ad) {
            err.println("mlformats: permission denied: " + ad.getFile());
            code = ExitCode.IO;
        } else if (ex instanceof FileAlreadyExistsException fa) {
            err.println("mlformats: output exists: " + fa.getFile()
                    + (fa.getReason() != null ? " (" + fa.getReason() + ")" : " (use --force to replace it)"));
            code = ExitCode.IO;
        } else if (ex instanceof java.nio.file.DirectoryNotEmptyException dn) {
            err.println("mlformats: output directory not empty: " + dn.getFile());
            code = ExitCode.IO;
        } else if (interrupted(ex)) {
            // A signal's shutdown hook aborted the output under the writing thread (its channel then fails with
            // ClosedChannelException, whose message is null), or the thread was interrupted in I/O.
            err.println("mlformats: interrupted" + (ex instanceof java.io.InterruptedIOException
                    && ex.getMessage() != null ? ": " + ex.getMessage() : ""));
            code = ExitCode.INTERRUPTED;
        } else if (ex instanceof IOException io) {
            err.println("mlformats: I/O error: " + describe(io));
            code = ExitCode.IO;
        } else {
            err.println("mlformats: internal error: " + ex
                    + " (a bug; rerun with MLFORMATS_DEBUG=1 for the stack trace and report it)");
            code = ExitCode.INTERNAL;
        }
        if (System.getenv("MLFORMATS_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * A library message as a command-line user acts on it: the library's advice to set a limit through
     * {@code ReadLimits.builder().NAME(...)} becomes the flag that does it here, {@code --limit NAME=...}. Every
     * place that prints a library message goes through this.
     *
     * @param message a library exception's message
     * @return the message with the command line's words for setting limits
     */
    public static String inCliWords(String message) {
        return message.replaceAll("ReadLimits\\.builder\\(\\)\\.(\\w+)\\(\\.\\.\\.\\)", "--limit $1=...");
    }

    /** True if {@code ex} means the work was interrupted (a signal, or an interrupted I/O call), not that it failed. */
    static boolean interrupted(Exception ex) {
        return ex instanceof java.io.InterruptedIOException
                || ex instanceof java.nio.channels.ClosedByInterruptException
                || (ex instanceof IOException && io.mlformats.cli.convert.Cleanup.process().stopping());
    }

    /**
     * The text of an exception for a one-line message: its message, or, when it has none (many JDK I/O exceptions,
     * such as {@code ClosedChannelException}, have a null message), its type's simple name, followed by its
     * cause's text when that adds something. Never the word "null".
     */
    static String describe(Throwable t) {
        String m = t.getMessage();
        String own = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
        Throwable c = t.getCause();
        if (c != null && c != t && (m == null || m.isBlank())) {
            return own + " (" + describe(c) + ")";
        }
        return own;
    }

    /**
     * The version the build wrote into the jar's manifest ({@code Implementation-Version}), never a literal that
     * can go stale; "(development build)" when run from classes rather than a jar.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mlformats " + (v != null ? v : "(development build)")};
        }
    }
}
