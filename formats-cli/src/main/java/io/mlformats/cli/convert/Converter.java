package io.mlformats.cli.convert;

import io.mlformats.cli.Progress;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import java.io.IOException;

/** The conversion loop: rows from a source into a sink, with progress. Single-threaded, streaming. */
public final class Converter {
    private Converter() {
    }

    /**
     * Copies every row of {@code src} into {@code sink} (not committed here).
     *
     * @return rows written
     * @throws FormatException for bad input, or a row the output format cannot hold (positioned at the row)
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

    /** One line summarising skipped records, or null if none. */
    public static String skippedSummary(ReadStats stats) {
        return stats.skipped() == 0 ? null : "skipped " + stats.skipped() + " bad record(s)";
    }
}
