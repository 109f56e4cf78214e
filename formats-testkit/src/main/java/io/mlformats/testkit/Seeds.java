package io.mlformats.testkit;

import java.util.SplittableRandom;

/**
 * Seeded randomness for property tests. The base seed comes from the system property {@code mlformats.seed}
 * (set it to replay a failure) or is fixed, so every build runs the same cases; {@link #describe(long, int)}
 * makes the failure message that names the seed and case to replay.
 */
public final class Seeds {
    /** The fixed default seed: builds are reproducible unless the property overrides it. */
    public static final long DEFAULT_SEED = 0x5eed_2026_11_22L;

    private Seeds() {
    }

    /**
     * The base seed for this run.
     *
     * @return {@code -Dmlformats.seed} if set, else the fixed default
     */
    public static long base() {
        String s = System.getProperty("mlformats.seed");
        return s == null ? DEFAULT_SEED : Long.decode(s);
    }

    /**
     * A generator for case {@code i} of a property, independent of the other cases.
     *
     * @param base the run's base seed ({@link #base()})
     * @param i    the case number
     * @return a generator seeded from both
     */
    public static SplittableRandom forCase(long base, int i) {
        return new SplittableRandom(base * 0x9E3779B97F4A7C15L + i);
    }

    /**
     * Message prefix for a failing case: how to replay it.
     *
     * @param base the run's base seed
     * @param i    the case number
     * @return text naming the case and the {@code -Dmlformats.seed} that replays it
     */
    public static String describe(long base, int i) {
        return "case " + i + " (replay with -Dmlformats.seed=" + base + ")";
    }
}
