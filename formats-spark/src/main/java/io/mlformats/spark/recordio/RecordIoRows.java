package io.mlformats.spark.recordio;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.spark.internal.RowSource;
import io.mlformats.spark.internal.SplitInput;
import io.mlformats.core.RecordReader;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the row sources of both RecordIO sources: owns the split's input and the library reader over it, closes
 * both, and under {@code DROPMALFORMED} reports how many records the task dropped (Spark has no per-source counter
 * for that, so it goes to the executor log with the first error). One per task thread.
 */
abstract class RecordIoRows implements RowSource {
    private static final Logger LOG = LoggerFactory.getLogger(RecordIoRows.class);

    private final SplitInput input;
    private final RecordReader<?> reader;
    private final ReadStats stats;
    /** Records this class dropped itself (conversion errors), on top of the library reader's. */
    long dropped;
    FormatException firstDropped;

    RecordIoRows(SplitInput input, RecordReader<?> reader, ReadStats stats) {
        this.input = input;
        this.reader = reader;
        this.stats = stats;
    }

    /** Counts a record dropped under DROPMALFORMED. */
    final void drop(FormatException e) {
        if (firstDropped == null) {
            firstDropped = e;
        }
        dropped++;
    }

    @Override
    public final void close() throws IOException {
        long skipped = dropped + stats.skipped();
        if (skipped > 0) {
            FormatException first = !stats.errors().isEmpty() ? stats.errors().get(0) : firstDropped;
            LOG.warn("DROPMALFORMED: dropped {} malformed record(s) of {}; first: {}", skipped, input.name(),
                    first == null ? "(damaged end of input)" : first.getMessage());
        }
        try {
            reader.close();
        } finally {
            input.close();
        }
    }
}
