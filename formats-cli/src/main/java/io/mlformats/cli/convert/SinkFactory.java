package io.mlformats.cli.convert;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a {@link RowSink} that writes one file at {@code target} (atomically). */
@FunctionalInterface
public interface SinkFactory {
    RowSink open(Path target) throws IOException;
}
