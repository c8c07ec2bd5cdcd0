package dev.tenderkit.core;

import java.lang.management.ManagementFactory;

/**
 * Reads how many bytes the current thread has allocated, so a test can prove that a hot-path
 * method allocates nothing (or only its result). HotSpot counts every allocation, interpreted or
 * compiled, so a method that allocates shows up from the first call.
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private AllocationMeter() {
    }

    /** @return whether this JVM can count allocated bytes per thread */
    public static boolean isSupported() {
        return THREADS != null && THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** @return bytes allocated by the current thread since it started */
    public static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean ? bean : null;
    }
}
