package io.mlformats.cli;

import io.mlformats.cli.handler.Handlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands input arguments (a directory means its visible files, sorted: a set of shards; {@code -} means standard
 * input) and resolves formats.
 */
final class Inputs {
    /** The argument that names standard input. */
    static final String STDIN_ARG = "-";
    /**
     * Standard input as a path the readers open like any pipe (streamed once, {@code ByteSources.open}); when the
     * shell redirected a regular file into it, that file is read (and mapped) instead.
     */
    static final Path STDIN = Path.of("/dev/stdin");

    private Inputs() {
    }

    /**
     * The files {@code args} name, in order: a directory's visible regular files (sorted), {@code -} as
     * {@link #STDIN}, any other path as itself.
     *
     * @throws NoSuchFileException if an argument does not exist
     * @throws UserException       (usage) for a directory without input files, or {@code -} given twice
     */
    static List<Path> expand(List<Path> args) throws IOException, UserException {
        List<Path> out = new ArrayList<>();
        boolean stdin = false;
        for (Path p : args) {
            if (p.toString().equals(STDIN_ARG)) {
                if (stdin) {
                    throw UserException.usage("standard input ('-') can be read only once; it was given twice");
                }
                stdin = true;
                out.add(STDIN);
                continue;
            }
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString());
            }
            if (Files.isDirectory(p)) {
                int before = out.size();
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith(".")
                                    && !f.getFileName().toString().startsWith("_"))
                            .sorted().forEach(out::add);
                }
                if (out.size() == before) {
                    throw UserException.usage(p + ": directory has no input files (names starting with '.' or '_' "
                            + "are skipped, as SageMaker does)");
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The format of {@code file}: {@code given} ({@code --from}) if not null, else detected from its content. A
     * stream (standard input, a pipe, FIFO or device) can be read only once, so its format is never detected:
     * reading its head would consume it.
     *
     * @throws UserException (usage) if the format cannot be detected, or {@code file} is a stream and either
     *                       {@code --from} is absent or the format needs a seekable file (Parquet)
     */
    static Format format(Path file, Format given) throws IOException, UserException {
        boolean stream = !Files.isRegularFile(file);
        if (given == null && stream) {
            throw UserException.usage(name(file) + " is a stream (standard input, a pipe or a device) and can be "
                    + "read only once, so its format cannot be detected; give --from FORMAT (" + Format.names() + ")");
        }
        Format f = given != null ? given : Handlers.detect(file).format();
        if (stream && Handlers.of(f).needsSeekableFile()) {
            throw UserException.usage(name(file) + " is a stream (standard input, a pipe or a device); " + f
                    + " is read by seeking (its footer is at the end): give a file");
        }
        return f;
    }

    /** {@code file} for messages ({@code /dev/stdin} says "standard input"). */
    static String name(Path file) {
        return file.equals(STDIN) ? "standard input (-)" : file.toString();
    }
}
