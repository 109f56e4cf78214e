package io.mlformats.cli.handler;

import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.RecordWriter;
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

    /**
     * {@code cat} for document formats: every record of {@code r} re-written canonically by {@code w} (onto the
     * command's stdout), committed at the end. Closes both.
     */
    static <V, W extends RecordWriter<?>> ReadStats copy(RecordReader<V> r, W w, Write<W, V> write)
            throws IOException {
        try (r; w) {
            while (r.next()) {
                write.write(w, r.current());
            }
            w.commit();
            return r.stats();
        }
    }

    /** How a writer takes a reader's view (the writers have overloads for their readers' views). */
    @FunctionalInterface
    interface Write<W, V> {
        /** Writes {@code view} with {@code writer}. */
        void write(W writer, V view) throws IOException;
    }
}
