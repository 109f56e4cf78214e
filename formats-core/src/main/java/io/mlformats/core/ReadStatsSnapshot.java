package io.mlformats.core;

import java.util.List;
import java.util.Map;

/** Immutable {@link ReadStats}, made by {@link ReadStats#snapshot()} and {@link ReadStats#merge}. */
record ReadStatsSnapshot(long records, long bytes, long skipped, long warnings, Map<String, Long> warningsByKind,
                         List<FormatException> errors) implements ReadStats {

    @Override
    public ReadStats snapshot() {
        return this;
    }
}
