package io.mlformats.cli.convert;

import io.mlformats.cli.Progress;
import io.mlformats.cli.UserException;
import io.mlformats.core.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The conversion loop: rows from sources into a sink, with progress. Single-threaded, streaming. */
public final class Converter {
    private Converter() {
    }

    /** Opens the rows of one input file. */
    @FunctionalInterface
    public interface SourceOpener {
        /** The rows of {@code file}; the caller closes them. */
        RowSource open(Path file) throws IOException, UserException;
    }

    /** Opens the output once the first input is open (its value type and width shape the output). */
    @FunctionalInterface
    public interface SinkOpener {
        /** The guarded output for rows like {@code first}'s; the caller commits or closes (aborts) it. */
        Cleanup.Guard open(RowSource first) throws IOException, UserException;
    }

    /**
     * Copies the rows of every file, in order, into one output and commits it. Each source is closed exactly
     * once, right after it was copied (the first at the end, as the output was shaped from it); the output is
     * aborted unless committed. When several things fail, the first failure is thrown and the later ones (a
     * source's or the output's close) are added to it as suppressed exceptions, never in its place.
     *
     * @param finished told each source after it was copied (its stats are final), before it is closed
     * @return rows written
     */
    public static long copyAll(List<Path> files, SourceOpener sources, SinkOpener sinks, Progress progress,
                               java.util.function.Consumer<RowSource> finished) throws IOException, UserException {
        long n = 0;
        try (RowSource first = sources.open(files.get(0)); Cleanup.Guard sink = sinks.open(first)) {
            n += copy(first, sink, progress, n);
            finished.accept(first);
            for (Path file : files.subList(1, files.size())) {
                try (RowSource src = sources.open(file)) {
                    n += copy(src, sink, progress, n);
                    finished.accept(src);
                }
            }
            sink.commit();
        }
        return n;
    }

    /**
     * Copies every row of {@code src} into {@code sink} (not committed here).
     *
     * @return rows written
     * @throws FormatException for bad input, or a row the output format cannot hold (positioned at the row, with
     *                         the sink's exception as its cause)
     */
    public static long copy(RowSource src, RowSink sink, Progress progress, long done) throws IOException {
        long n = 0;
        while (src.next()) {
            try {
                sink.write(src.current());
            } catch (IllegalArgumentException e) {
                throw new FormatException(src.position(), "cannot write this row: " + e.getMessage(), e);
            }
            n++;
            if ((n & 1023) == 0) {
                progress.update(src.bytesRead(), src.bytesTotal(), done + n);
            }
        }
        return n;
    }
}
