package io.mlformats.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn at most five times a second, shown only when the process has a
 * terminal ({@code System.console() != null}) and {@code --quiet} is off, so logs and pipes stay clean.
 * Hand-written (a dozen lines) rather than a dependency. Not thread-safe.
 */
public final class Progress implements AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintWriter err, boolean enabled, String label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    /** A bar if stderr is a terminal and not quiet; otherwise a no-op. */
    public static Progress start(PrintWriter err, boolean quiet, String label) {
        return new Progress(err, !quiet && System.console() != null, label);
    }

    /** A bar that never draws. */
    public static Progress none() {
        return new Progress(null, false, "");
    }

    /** Reports {@code done} of {@code total} bytes ({@code total <= 0}: unknown) and a record count. */
    public void update(long done, long total, long records) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        StringBuilder sb = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            int pct = (int) Math.min(100, done * 100 / total);
            int bars = pct / 4;
            sb.append('[').append("#".repeat(bars)).append(" ".repeat(25 - bars)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", pct));
        }
        sb.append(String.format(Locale.ROOT, "%,d records, %.1f MB", records, done / 1e6));
        err.print(sb);
        err.flush();
    }

    /** Clears the line. */
    @Override
    public void close() {
        if (enabled && drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
