package io.mlformats.core.internal;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable {@link ReadStats} a reader keeps: readers count into it, callers see it only as the read-only
 * interface. Owned and updated by one reader; not thread-safe.
 */
public final class ReadCounter implements ReadStats {
    private final int maxErrorsKept;
    private long records;
    private long bytes;
    private long skipped;
    private long warnings;
    private final Map<String, Long> warningsByKind = new LinkedHashMap<>();
    private final List<FormatException> errors = new ArrayList<>();

    /** Counts from zero, keeping at most {@code maxErrorsKept} errors of skipped records. */
    public ReadCounter(int maxErrorsKept) {
        this.maxErrorsKept = maxErrorsKept;
    }

    @Override
    public long records() {
        return records;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public long warnings() {
        return warnings;
    }

    @Override
    public Map<String, Long> warningsByKind() {
        return Collections.unmodifiableMap(warningsByKind);
    }

    @Override
    public List<FormatException> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** Counts a record delivered. */
    public void addRecord() {
        records++;
    }

    /** Sets the bytes consumed so far. */
    public void setBytes(long consumed) {
        this.bytes = consumed;
    }

    /** Counts a warning of the given kind. */
    public void addWarning(String kind) {
        warnings++;
        warningsByKind.merge(kind, 1L, Long::sum);
    }

    /**
     * Counts a record skipped under {@link ErrorPolicy#SKIP_AND_COLLECT} and keeps its error while fewer than the
     * maximum are kept.
     */
    public void addSkipped(FormatException error) {
        skipped++;
        if (errors.size() < maxErrorsKept) {
            errors.add(error);
        }
    }

    /**
     * Adds what another reader counted over a later byte range of the same input: records, bytes, warnings,
     * skipped records and their kept errors, with positions shifted by the {@code lines} and {@code records} that
     * precede that range (parallel loads report positions of the whole input).
     */
    public void merge(ReadStats from, long lines, long records) {
        this.records += from.records();
        this.bytes += from.bytes();
        this.warnings += from.warnings();
        from.warningsByKind().forEach((k, v) -> warningsByKind.merge(k, v, Long::sum));
        this.skipped += from.skipped();
        for (FormatException e : from.errors()) {
            if (errors.size() >= maxErrorsKept) {
                break;
            }
            errors.add(e.shifted(lines, records));
        }
    }

    @Override
    public String toString() {
        return "ReadStats[records=" + records + ", bytes=" + bytes + ", skipped=" + skipped + ", warnings="
                + warningsByKind + "]";
    }
}
