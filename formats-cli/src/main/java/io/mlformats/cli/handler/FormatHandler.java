package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.UserException;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.cli.convert.SinkFactory;
import io.mlformats.core.ReadStats;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything the commands do with one format: recognise it, print it ({@code cat}), describe it
 * ({@code inspect}), check it for an algorithm ({@code validate}) and convert it (as feature rows, or by a
 * document conversion). One implementation per {@link Format}, registered in {@link Handlers}; the commands
 * dispatch through that table, so adding a format touches its handler (and its tests) only. Stateless and
 * thread-safe; what a command accumulates lives in the context objects it passes in.
 */
public interface FormatHandler {

    /** The format handled. */
    Format format();

    /**
     * Evidence that a file whose head is {@code head} is in this format ({@code "PAR1 magic"}), or null. Handlers
     * are asked in {@link Handlers} table order; the first to answer wins.
     */
    String recognise(Sniff head);

    /** What one record is called in summaries: records, series, pairs, lines, images. */
    default String noun() {
        return "records";
    }

    /**
     * Prints every record of {@code file} in its canonical JSON Lines form ({@code cat}).
     *
     * @return the reader's statistics (skipped records and their errors)
     */
    ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException, UserException;

    /** Reads {@code file} and adds what it holds to {@code into} ({@code inspect}). */
    void inspect(Path file, ConvertOptions o, Inspection into) throws IOException, UserException;

    /** The algorithms whose training channel may be in this format (for the rest, validate reports a mismatch). */
    Set<Algorithm> validatedFor();

    /**
     * Checks {@code file} against {@link Validation#algorithm()} (one of {@link #validatedFor()}), reporting the
     * problems to {@code v}.
     *
     * @return records examined
     */
    long validate(Path file, Validation v) throws IOException, UserException;

    /**
     * True if the format is read by seeking (Parquet's footer is at the end), so it cannot be read from a stream
     * (standard input, a pipe); the others stream.
     */
    default boolean needsSeekableFile() {
        return false;
    }

    /** True for the feature-row formats, which convert to each other through {@link #openRows}/{@link #rowSinks}. */
    default boolean tabular() {
        return false;
    }

    /**
     * Opens the feature rows of a tabular input.
     *
     * @throws UserException if the format does not hold feature rows
     */
    default RowSource openRows(Path file, ConvertOptions o) throws IOException, UserException {
        throw UserException.usage(format() + " does not hold feature rows");
    }

    /**
     * Decides, before converting every file of {@code files} to {@code to}, what the whole input determines (for
     * LibSVM an AUTO index base and the width); most formats need nothing.
     */
    default ConvertOptions resolve(Format to, List<Path> files, ConvertOptions o) throws IOException, UserException {
        return o;
    }

    /**
     * Rejects output options that cannot apply to this format as an output ({@code --gzip} for Parquet), before
     * anything is read.
     */
    default void checkOutput(ConvertOptions o) throws UserException {
    }

    /**
     * A factory of single-file sinks writing this format.
     *
     * @param inputType value type of the input rows
     * @param width     declared width of the input, 0 if unknown
     * @throws UserException if the format does not hold feature rows or the options do not apply
     */
    default SinkFactory rowSinks(ConvertOptions o, ValueType inputType, long width) throws UserException {
        throw UserException.usage(format() + " does not hold feature rows");
    }

    /**
     * Conversions between this format and another that are not feature rows (DeepAR JSON Lines to and from DeepAR
     * Parquet), in both directions, declared by the handler of the non-row side.
     */
    default List<DocumentConversion> documentConversions() {
        return List.of();
    }
}
