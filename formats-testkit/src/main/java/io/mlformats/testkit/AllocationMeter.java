package io.mlformats.testkit;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from {@code com.sun.management.ThreadMXBean}: the zero-allocation
 * tests measure a hot loop with it (a real measurement, not a timing).
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /**
     * Total bytes the current thread has allocated so far.
     *
     * @return bytes allocated by the calling thread since it started (ThreadMXBean)
     */
    public static long allocatedBytes() {
        return MX.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
