package io.mlformats.testkit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The invariants every Jazzer target checks, in one place: only the documented exceptions escape a reader, and
 * <em>no record is lost without being counted</em>. A target reads its input twice, once failing fast and once
 * skipping and counting bad records, and {@link #noRecordLost} checks that the two reads agree:
 * <ul>
 *   <li>each read ends normally or with a documented exception (anything else, including
 *       {@code OutOfMemoryError} or {@code StackOverflowError}, is a finding);</li>
 *   <li>the records a read delivered are the records its counters say it delivered;</li>
 *   <li>a fail-fast read that succeeds means the skipping read succeeds too, skips nothing and delivers the
 *       same number of records;</li>
 *   <li>a skipping read that succeeds and counts no skipped record means the fail-fast read succeeds with the
 *       same number of records (a record the skipping read dropped without counting it would break this);</li>
 *   <li>a skipping read that fails means the fail-fast read fails as well, and before failing the fail-fast read
 *       never delivers more records than the skipping read.</li>
 * </ul>
 * JDK-level types only (the testkit cannot depend on formats-core): a target adapts its reader with
 * {@link #cursor(AutoCloseable)}, or {@link #cursor(AutoCloseable, Step, LongSupplier, LongSupplier)} when a
 * record needs more than {@code next()}. Not thread-safe; each call is independent.
 */
public final class FuzzChecks {
    private FuzzChecks() {
    }

    /** One step of a reader: advance to the next record. */
    @FunctionalInterface
    public interface Step {
        /**
         * Advances the reader.
         *
         * @return false at the end of the input
         * @throws Exception whatever the reader throws
         */
        boolean next() throws Exception;
    }

    /** A reader seen as what the invariants need: records one by one and its two counters. */
    public interface Cursor extends AutoCloseable {
        /**
         * Advances to the next record.
         *
         * @return false at the end of the input
         * @throws Exception whatever the reader throws
         */
        boolean next() throws Exception;

        /**
         * The records the reader says it delivered (its {@code stats().records()}).
         *
         * @return the count so far
         */
        long countedRecords();

        /**
         * The bad records the reader says it skipped (its {@code stats().skipped()}).
         *
         * @return the count so far
         */
        long countedSkipped();

        /**
         * Closes the reader.
         *
         * @throws IOException whatever closing the reader throws
         */
        @Override
        void close() throws IOException;
    }

    /** Opens a fresh reader over the target's input. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens a reader over the same input each time.
         *
         * @param failFast true for the fail-fast policy, false for skip-and-count
         * @return a new cursor, owned (and closed) by the caller
         * @throws Exception whatever opening throws
         */
        Cursor open(boolean failFast) throws Exception;
    }

    /**
     * How one complete read ended.
     *
     * @param delivered records the loop received before the end or the failure
     * @param records   the reader's own count of delivered records at that point ({@code -1} if it never opened)
     * @param skipped   the reader's count of skipped bad records at that point ({@code -1} if it never opened)
     * @param failure   the documented exception that ended the read, or {@code null} if it reached the end
     */
    public record Outcome(long delivered, long records, long skipped, Throwable failure) {
        /**
         * Whether the read reached the end of the input.
         *
         * @return true if no exception ended it
         */
        public boolean ok() {
            return failure == null;
        }

        @Override
        public String toString() {
            return (ok() ? "ok" : "failed (" + failure + ")") + ", delivered " + delivered + ", counted records "
                    + records + ", skipped " + skipped;
        }
    }

    /**
     * Adapts a reader.
     *
     * @param reader  the reader, closed by the cursor's {@code close()}
     * @param step    its {@code next()}
     * @param records its {@code stats().records()}
     * @param skipped its {@code stats().skipped()}
     * @return a cursor over the reader
     */
    public static Cursor cursor(AutoCloseable reader, Step step, LongSupplier records, LongSupplier skipped) {
        return new Cursor() {
            @Override
            public boolean next() throws Exception {
                return step.next();
            }

            @Override
            public long countedRecords() {
                return records.getAsLong();
            }

            @Override
            public long countedSkipped() {
                return skipped.getAsLong();
            }

            @Override
            public void close() throws IOException {
                try {
                    reader.close();
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    // Readers close with IOException only; anything else is kept as the cause.
                    throw new IOException(e);
                }
            }
        };
    }

    /**
     * Whether a campaign run skips inputs that hit an open finding (one that another change is fixing), so the
     * run can go on exploring: the ids are listed in the system property {@code mlformats.fuzz.knownOpen}
     * (comma-separated, set by {@code fuzz/run-campaign.sh}). Never set in regression mode, where the finding's
     * reproducer fails the build as it should once it is a regression input.
     *
     * @param id the finding's id in FUZZING.md, e.g. {@code "F2"}
     * @return true if the property lists {@code id}
     */
    public static boolean knownOpen(String id) {
        String ids = System.getProperty("mlformats.fuzz.knownOpen", "");
        return ("," + ids.replace(" ", "") + ",").contains("," + id + ",");
    }

    /**
     * Adapts a reader of the library's {@code RecordReader} shape: {@code boolean next()} and {@code stats()}
     * with {@code records()} and {@code skipped()}. Found by reflection because the testkit cannot depend on
     * formats-core (whose own tests use the testkit); the methods are looked up once per reader.
     *
     * @param reader a reader with public {@code next()} and {@code stats()}, closed by the cursor's
     *               {@code close()}
     * @return a cursor over the reader
     * @throws IllegalArgumentException if the reader lacks those methods
     */
    public static Cursor cursor(AutoCloseable reader) {
        Method next;
        Method stats;
        Method records;
        Method skipped;
        try {
            next = reader.getClass().getMethod("next");
            stats = reader.getClass().getMethod("stats");
            records = stats.getReturnType().getMethod("records");
            skipped = stats.getReturnType().getMethod("skipped");
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(reader.getClass() + " is not a RecordReader", e);
        }
        return cursor(reader, () -> (Boolean) call(next, reader), () -> (Long) call(records, call(stats, reader)),
                () -> (Long) call(skipped, call(stats, reader)));
    }

    /** Invokes a reader method, rethrowing what it threw as itself (the checks look at its class). */
    private static Object call(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            throw FuzzChecks.<RuntimeException>sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /**
     * Reads everything once.
     *
     * @param opener     opens the reader
     * @param failFast   the policy to open it with
     * @param documented the exception classes the reader documents; anything else fails the check
     * @return how the read ended
     * @throws AssertionError if an undocumented exception escaped or the counters disagree with the loop
     */
    public static Outcome read(Opener opener, boolean failFast, List<Class<? extends Throwable>> documented) {
        long delivered = 0;
        Cursor c = null;
        Throwable failure = null;
        try {
            c = opener.open(failFast);
            while (c.next()) {
                delivered++;
            }
        } catch (Throwable t) {
            failure = documentedOrThrow(t, documented, failFast);
        }
        long records = c == null ? -1 : c.countedRecords();
        long skipped = c == null ? -1 : c.countedSkipped();
        if (c != null) {
            try {
                c.close();
            } catch (Throwable t) {
                Throwable f = documentedOrThrow(t, documented, failFast);
                failure = failure == null ? f : failure;
            }
        }
        Outcome o = new Outcome(delivered, records, skipped, failure);
        if (c != null && records != delivered) {
            throw new AssertionError(policy(failFast) + ": the reader counted " + records + " record(s) but delivered "
                    + delivered + ": " + o, failure);
        }
        if (failFast && c != null && skipped != 0) {
            throw new AssertionError("fail-fast read skipped records: " + o, failure);
        }
        return o;
    }

    /**
     * Reads the input fail-fast and skipping-and-counting and checks that no record was lost without being
     * counted (see the class comment).
     *
     * @param what       names the target and input in failure messages
     * @param opener     opens a reader over the input with either policy
     * @param documented the exception classes the reader documents
     * @return the skipping read's outcome (for target-specific checks)
     * @throws AssertionError if an invariant is broken
     */
    public static Outcome noRecordLost(String what, Opener opener, List<Class<? extends Throwable>> documented) {
        Outcome strict = read(opener, true, documented);
        Outcome skip = read(opener, false, documented);
        String both = what + ": fail-fast " + strict + "; skip-and-count " + skip;
        if (strict.ok() && !(skip.ok() && skip.skipped() == 0 && skip.delivered() == strict.delivered())) {
            throw new AssertionError("the fail-fast read succeeded but the skipping read disagrees: " + both,
                    skip.failure());
        }
        if (skip.ok() && skip.skipped() == 0 && !(strict.ok() && strict.delivered() == skip.delivered())) {
            throw new AssertionError("a record was lost without being counted (the skipping read reports no error):"
                    + " " + both, strict.failure());
        }
        if (!skip.ok() && strict.ok()) {
            throw new AssertionError("the skipping read failed where the fail-fast read succeeded: " + both,
                    skip.failure());
        }
        if (strict.delivered() > skip.delivered()) {
            throw new AssertionError("the skipping read delivered fewer records than the fail-fast read before its"
                    + " failure: " + both, strict.failure());
        }
        return skip;
    }

    /**
     * Checks that a throwable is one of the documented classes.
     *
     * @param t          what was thrown
     * @param documented the allowed classes
     * @param failFast   for the message
     * @return {@code t} if documented
     * @throws AssertionError wrapping {@code t} otherwise
     */
    private static Throwable documentedOrThrow(Throwable t, List<Class<? extends Throwable>> documented,
            boolean failFast) {
        for (Class<? extends Throwable> k : documented) {
            if (k.isInstance(t)) {
                return t;
            }
        }
        throw new AssertionError(policy(failFast) + ": undocumented " + t.getClass().getName() + " escaped (documented: "
                + documented + ")", t);
    }

    private static String policy(boolean failFast) {
        return failFast ? "fail-fast read" : "skip-and-count read";
    }
}
