package io.mlformats.cli.handler;

import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.core.RecordReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the formats that are not feature rows share: {@code inspect} counts their records ({@link #noun()}) over
 * the format's {@link #openRecords reader}. Stateless.
 */
abstract class RecordHandler implements FormatHandler {

    /** A reader of {@code file} with the command's reading flags. */
    abstract RecordReader<?> openRecords(Path file, ConvertOptions o) throws IOException;

    @Override
    public void inspect(Path file, ConvertOptions o, Inspection into) throws IOException {
        try (RecordReader<?> r = openRecords(file, o)) {
            into.addRecords(r, noun());
        }
    }
}
