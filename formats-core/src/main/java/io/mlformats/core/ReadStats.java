package io.mlformats.core;

import java.util.List;
import java.util.Map;

/**
 * What a reader has counted so far: records delivered, bytes consumed, records skipped, warnings by kind (for
 * example {@code "bom-skipped"}), and the first errors of skipped records with their positions.
 *
 * <p>Read-only for callers: the reader that returned it updates it as it reads, so read it after (or between)
 * calls to {@link RecordReader#next()}, on the reader's thread. {@link #snapshot()} gives an immutable copy that
 * can be handed to other threads and {@linkplain #merge merged} (a Spark job sums the partitions' counts).
 */
public interface ReadStats {

    /**
     * Records delivered to the caller.
     *
     * @return the number of records returned so far
     */
    long records();

    /**
     * Bytes consumed from the (decompressed) input.
     *
     * @return the number of (decompressed) input bytes consumed so far
     */
    long bytes();

    /**
     * Bad records skipped under {@link ErrorPolicy#SKIP_AND_COLLECT}.
     *
     * @return the number of bad records skipped so far
     */
    long skipped();

    /**
     * Total warnings: questionable input accepted in lenient mode, a BOM skipped, ...
     *
     * @return the total number of warnings so far, over all kinds
     */
    long warnings();

    /**
     * Warnings by kind, in first-seen order (unmodifiable).
     *
     * @return an unmodifiable map from warning kind to its count
     */
    Map<String, Long> warningsByKind();

    /**
     * The first errors of skipped records, at most {@link ReadOptions#maxErrorsKept()} (unmodifiable).
     *
     * @return an unmodifiable list of the kept errors, in the order they occurred
     */
    List<FormatException> errors();

    /**
     * An immutable copy of the counts as they are now; thread-safe.
     *
     * @return a new immutable stats object holding the current values
     */
    default ReadStats snapshot() {
        return new ReadStatsSnapshot(records(), bytes(), skipped(), warnings(), Map.copyOf(warningsByKind()),
                List.copyOf(errors()));
    }

    /**
     * The sum of two counts (for example of two byte ranges of one input read in parallel): every counter added,
     * warnings merged by kind, errors of {@code a} then of {@code b}, at most {@code maxErrorsKept}. Thread-safe
     * on snapshots.
     *
     * @param a the first counts; its errors come first
     * @param b the second counts
     * @param maxErrorsKept the most errors the result keeps, at least 0
     * @return a new immutable stats object holding the sums
     */
    static ReadStats merge(ReadStats a, ReadStats b, int maxErrorsKept) {
        java.util.LinkedHashMap<String, Long> kinds = new java.util.LinkedHashMap<>(a.warningsByKind());
        b.warningsByKind().forEach((k, v) -> kinds.merge(k, v, Long::sum));
        java.util.ArrayList<FormatException> errors = new java.util.ArrayList<>(a.errors());
        for (FormatException e : b.errors()) {
            if (errors.size() >= maxErrorsKept) {
                break;
            }
            errors.add(e);
        }
        if (errors.size() > maxErrorsKept) {
            errors.subList(maxErrorsKept, errors.size()).clear();
        }
        return new ReadStatsSnapshot(a.records() + b.records(), a.bytes() + b.bytes(), a.skipped() + b.skipped(),
                a.warnings() + b.warnings(), java.util.Collections.unmodifiableMap(kinds), List.copyOf(errors));
    }
}
