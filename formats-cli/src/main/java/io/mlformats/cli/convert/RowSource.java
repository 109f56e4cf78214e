package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.ReadStats;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;

/** Labelled feature rows read from one input file, whatever its format. Not thread-safe. */
public interface RowSource extends AutoCloseable {
    /** Advances; false at the end. Errors are FormatExceptions with positions. */
    boolean next() throws IOException;

    /** The current row (reused). */
    LabeledRow current();

    /** Where the current row is. */
    SourcePosition position();

    /** Records read and skipped so far, with the errors of skipped ones. */
    ReadStats stats();

    /** Value type of the features as read. */
    ValueType valueType();

    /** Declared number of features, or 0 if unknown before reading everything. */
    long declaredWidth();

    /** Input bytes consumed so far and the total, for progress (total -1 if unknown). */
    long bytesRead();

    /** Input size in bytes, -1 if unknown. */
    long bytesTotal();

    /** Format-specific facts for {@code inspect} (column names, layout, ...), one per line; may be empty. */
    default java.util.List<String> describe() {
        return java.util.List.of();
    }

    @Override
    void close() throws IOException;
}
