package io.mlformats.cli.handler;

import io.mlformats.cli.Format;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.DocumentConversions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A conversion that is not through feature rows, from one format to another: its inputs, in order, into one
 * atomically published output. Immutable.
 *
 * @param from the input format
 * @param to   the output format
 * @param run  the conversion
 */
public record DocumentConversion(Format from, Format to, Run run) {

    /** The conversion itself. */
    @FunctionalInterface
    public interface Run {
        /**
         * Converts {@code inputs} into {@code output}, telling {@code listener} the output to abort on a signal
         * and each input's stats.
         *
         * @return records converted
         */
        long convert(List<Path> inputs, Path output, ConvertOptions o, DocumentConversions.Listener listener)
                throws IOException;
    }
}
