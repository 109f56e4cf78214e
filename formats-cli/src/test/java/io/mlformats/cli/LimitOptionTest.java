package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --limit NAME=VALUE}: the library's read limits from the command line, on every reading verb. */
class LimitOptionTest {
    @TempDir
    Path dir;

    @Test
    void aLowerLineLimitRefusesALongLineAtItsOffsetAndAHigherOneAcceptsIt() throws IOException {
        Path f = Files.writeString(dir.resolve("a.libsvm"), "1 1:1\n0 1:1 2:2 3:3 4:4 5:5\n");
        Cli ok = Cli.run("cat", "--from", "libsvm", f.toString());
        assertEquals(0, ok.code(), ok.err());
        // the second line is 21 bytes: 20 is refused, 21 accepted (limits are inclusive)
        Cli refused = Cli.run("cat", "--from", "libsvm", "--limit", "maxLineBytes=20", f.toString());
        assertEquals(ExitCode.INVALID_DATA, refused.code(), refused.err());
        assertTrue(refused.err().startsWith(f + ":2:6: "), refused.err());
        assertTrue(refused.err().endsWith("exceeds the limit maxLineBytes = 20 (raise it with --limit "
                + "maxLineBytes=... if the input is legitimate)\n"), refused.err());
        // inspect and validate list it as a problem, in the command line's words too
        Cli inspect = Cli.run("inspect", "--from", "libsvm", "--limit", "maxLineBytes=20", f.toString());
        assertEquals(ExitCode.INVALID_DATA, inspect.code(), inspect.out() + inspect.err());
        assertTrue(inspect.out().contains("(raise it with --limit maxLineBytes=... if the input is legitimate)"),
                inspect.out());
        Cli validate = Cli.run("validate", "--for", "xgboost", "--limit", "maxLineBytes=20", f.toString());
        assertEquals(ExitCode.INVALID_DATA, validate.code(), validate.err());
        assertTrue(validate.err().contains("(raise it with --limit maxLineBytes=... if the input is legitimate)"),
                validate.err());
        Cli atLimit = Cli.run("inspect", "--from", "libsvm", "--limit", "maxLineBytes=21", f.toString());
        assertEquals(0, atLimit.code(), atLimit.out() + atLimit.err());
        assertTrue(atLimit.out().contains("records:   2"), atLimit.out());
    }

    @Test
    void namesAndValuesAreChecked() throws IOException {
        Path f = Files.writeString(dir.resolve("a.libsvm"), "1 1:1\n");
        Cli unknown = Cli.run("cat", "--limit", "maxLines=3", f.toString());
        assertEquals(ExitCode.USAGE, unknown.code());
        assertTrue(unknown.err().contains("unknown limit 'maxLines'; one of [maxLineBytes, maxRecordBytes,"),
                unknown.err());
        Cli zero = Cli.run("validate", "--for", "xgboost", "--limit", "maxArrayElements=0", f.toString());
        assertEquals(ExitCode.USAGE, zero.code());
        assertTrue(zero.err().contains("maxArrayElements must be > 0"), zero.err());
        Cli tooBig = Cli.run("cat", "--limit", "maxLineBytes=2GiB", f.toString());
        assertEquals(ExitCode.USAGE, tooBig.code());
        assertTrue(tooBig.err().contains("at most 2147483647"), tooBig.err());
        Cli sized = Cli.run("cat", "--limit", "maxDecompressedBytes=4GiB", "--limit", "maxLineBytes=1MiB", f.toString());
        assertEquals(0, sized.code(), sized.err());
    }
}
