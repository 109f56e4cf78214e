package io.mlformats.benchmarks.spark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a group of variants in interleaved passes (A B C A B C ...: warm-up rounds, then measured rounds), so that
 * the machine's drift over minutes hits every variant alike, and reports medians. Per pass it measures wall time,
 * GC time (all {@link GarbageCollectorMXBean}s) and bytes allocated by all live threads (HotSpot's
 * {@code ThreadMXBean.getThreadAllocatedBytes}; a thread that ends during a pass takes its count with it, which
 * Spark's pooled task threads do not). Not thread-safe.
 */
final class Interleaved {
    /** One pass of a variant; returns the bytes it wrote (0 if none). */
    interface Pass {
        long run() throws Exception;
    }

    /**
     * A variant of a group.
     *
     * @param name the name printed
     * @param pass one pass
     * @param inputBytes bytes read per pass (0 if the pass reads no file)
     */
    record Variant(String name, Pass pass, long inputBytes) {
    }

    /**
     * The measured passes of one variant.
     *
     * @param variant the variant
     * @param seconds wall time per measured pass
     * @param gcMillis GC time per measured pass
     * @param allocated bytes allocated per measured pass
     * @param outputBytes bytes written by the last pass
     */
    record Result(Variant variant, double[] seconds, double[] gcMillis, double[] allocated, long outputBytes) {
        double median() {
            return Interleaved.median(seconds);
        }

        double medianGcMillis() {
            return Interleaved.median(gcMillis);
        }

        double medianAllocated() {
            return Interleaved.median(allocated);
        }

        String range() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            return String.format(Locale.ROOT, "%.3f-%.3f", s[0], s[s.length - 1]);
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Interleaved() {
    }

    /**
     * Runs {@code warmup} unmeasured and {@code passes} measured rounds of every variant, in turn.
     *
     * @param variants the variants, in the order of each round
     * @param warmup warm-up rounds
     * @param passes measured rounds
     * @return one result per variant, in order
     * @throws Exception what a pass throws
     */
    static List<Result> run(List<Variant> variants, int warmup, int passes) throws Exception {
        int n = variants.size();
        double[][] sec = new double[n][passes];
        double[][] gc = new double[n][passes];
        double[][] alloc = new double[n][passes];
        long[] out = new long[n];
        for (int round = 0; round < warmup + passes; round++) {
            for (int v = 0; v < n; v++) {
                long gc0 = gcMillis();
                Map<Long, Long> a0 = allocatedByThread();
                long t0 = System.nanoTime();
                out[v] = variants.get(v).pass().run();
                long t1 = System.nanoTime();
                long a = allocatedSince(a0);
                long g = gcMillis() - gc0;
                if (round >= warmup) {
                    sec[v][round - warmup] = (t1 - t0) / 1e9;
                    gc[v][round - warmup] = g;
                    alloc[v][round - warmup] = a;
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            results.add(new Result(variants.get(v), sec[v], gc[v], alloc[v], out[v]));
        }
        return results;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, b.getCollectionTime());
        }
        return t;
    }

    static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                m.put(ids[i], bytes[i]);
            }
        }
        return m;
    }

    static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> e : allocatedByThread().entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    /** Bytes the current thread has allocated so far. */
    static long currentThreadAllocated() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
