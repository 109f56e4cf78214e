package io.mlformats.recordio.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of a record reader that sits on a framing reader (RecordIO-protobuf, image records), seen as one:
 * records from the record level; bytes from the framing level; skipped records, warnings and errors from both.
 * Without this, a record the framing reader dropped (a damaged header it resynchronised past) would be counted
 * nowhere a caller looks, and a validator would approve a file that lost a record. A live view over both
 * counters: read it on the reader's thread; {@link #snapshot()} to keep it.
 */
public final class LayeredReadStats implements ReadStats {
    private final ReadStats records;
    private final ReadStats framing;
    private final int maxErrorsKept;

    /**
     * @param records       what the record level counted (records delivered, records it skipped)
     * @param framing       what the framing level counted (bytes, frames it skipped, warnings)
     * @param maxErrorsKept how many errors {@link #errors()} returns at most
     */
    public LayeredReadStats(ReadStats records, ReadStats framing, int maxErrorsKept) {
        this.records = records;
        this.framing = framing;
        this.maxErrorsKept = maxErrorsKept;
    }

    @Override
    public long records() {
        return records.records();
    }

    @Override
    public long bytes() {
        return framing.bytes();
    }

    @Override
    public long skipped() {
        return records.skipped() + framing.skipped();
    }

    @Override
    public long warnings() {
        return records.warnings() + framing.warnings();
    }

    @Override
    public Map<String, Long> warningsByKind() {
        Map<String, Long> all = new LinkedHashMap<>(framing.warningsByKind());
        records.warningsByKind().forEach((k, v) -> all.merge(k, v, Long::sum));
        return Collections.unmodifiableMap(all);
    }

    /** Errors of both levels in file order (by byte offset), at most the configured number. */
    @Override
    public List<FormatException> errors() {
        List<FormatException> all = new ArrayList<>(framing.errors());
        all.addAll(records.errors());
        all.sort(Comparator.comparingLong(e -> e.position().byteOffset()));
        return Collections.unmodifiableList(all.size() > maxErrorsKept ? all.subList(0, maxErrorsKept) : all);
    }

    @Override
    public String toString() {
        return "ReadStats[records=" + records() + ", bytes=" + bytes() + ", skipped=" + skipped() + ", warnings="
                + warningsByKind() + "]";
    }
}
