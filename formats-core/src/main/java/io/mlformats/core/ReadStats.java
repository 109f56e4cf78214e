package io.mlformats.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters a reader keeps while it reads: records delivered, bytes consumed, records skipped, warnings by kind
 * (for example {@code "bom-skipped"}), and the first errors of skipped records with their positions.
 *
 * <p>Owned and updated by one reader; not thread-safe. Read it after (or between) calls to
 * {@link RecordReader#next()}.
 */
public final class ReadStats {
    private final int maxErrorsKept;
    private long records;
    private long bytes;
    private long skipped;
    private long warnings;
    private final Map<String, Long> warningsByKind = new LinkedHashMap<>();
    private final List<FormatException> errors = new ArrayList<>();

    public ReadStats(int maxErrorsKept) {
        this.maxErrorsKept = maxErrorsKept;
    }

    /** Records delivered to the caller. */
    public long records() {
        return records;
    }

    /** Bytes consumed from the (decompressed) input. */
    public long bytes() {
        return bytes;
    }

    /** Bad records skipped under {@link ErrorPolicy#SKIP_AND_COLLECT}. */
    public long skipped() {
        return skipped;
    }

    /** Total warnings: questionable input accepted in lenient mode, a BOM skipped, ... */
    public long warnings() {
        return warnings;
    }

    /** Warnings by kind, in first-seen order. */
    public Map<String, Long> warningsByKind() {
        return Collections.unmodifiableMap(warningsByKind);
    }

    /** The first errors of skipped records, at most {@link ReadOptions#maxErrorsKept()}. */
    public List<FormatException> errors() {
        return Collections.unmodifiableList(errors);
    }

    public void addRecord() {
        records++;
    }

    public void setBytes(long consumed) {
        this.bytes = consumed;
    }

    public void addWarning(String kind) {
        warnings++;
        warningsByKind.merge(kind, 1L, Long::sum);
    }

    /** Counts a skipped record and keeps its error while fewer than the maximum are kept. */
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
        this.records += from.records;
        this.bytes += from.bytes;
        this.warnings += from.warnings;
        from.warningsByKind.forEach((k, v) -> warningsByKind.merge(k, v, Long::sum));
        this.skipped += from.skipped;
        for (FormatException e : from.errors) {
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
