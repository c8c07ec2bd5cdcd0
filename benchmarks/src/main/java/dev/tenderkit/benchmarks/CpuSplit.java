package dev.tenderkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The interleaved client-CPU measurement (benchmarks/README.md, "Interleaved measurement"): a wallet
 * call and the bare sign + verify of the same bytes run back to back in one operation, alternating
 * which goes first, each charged its own thread CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()},
 * which does not count time spent waiting for a core), so the machine's drift cannot fall on one side
 * only. Used by the Alipay and the WeChat Pay interleaved benchmarks.
 *
 * <p>The counters are {@link AuxCounters.Type#EVENTS}: JMH sums them over the measured iterations
 * (and forks), so the bar's ratio is {@code payCallCpuNanos / floorCpuNanos} of the printed totals
 * and the CPU per call is a total divided by {@code pairs}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuSplit {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Thread CPU of the wallet calls, nanoseconds. */
    public long payCallCpuNanos;
    /** Thread CPU of the bare sign + verify, nanoseconds. */
    public long floorCpuNanos;
    /** Call + floor pairs run. */
    public long pairs;

    /** One side of a pair: its result goes to the blackhole. */
    @FunctionalInterface
    public interface Step {
        /** @return what JMH must consume @throws Exception as the step does */
        Object run() throws Exception;
    }

    /** @throws IllegalStateException when this JVM cannot measure a thread's CPU time */
    public static void requireThreadCpuTime() {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
    }

    /** Counts afresh each iteration (JMH then sums the iterations). */
    @Setup(Level.Iteration)
    public void reset() {
        payCallCpuNanos = 0;
        floorCpuNanos = 0;
        pairs = 0;
    }

    /**
     * Runs one pair and charges each side its CPU; the call goes first on even pairs.
     *
     * @param call the wallet call
     * @param floor the bare sign + verify of the same bytes
     * @param bh consumes both results
     * @throws Exception as a step does
     */
    public void measurePair(Step call, Step floor, Blackhole bh) throws Exception {
        boolean callFirst = (pairs & 1) == 0;
        long t0 = THREADS.getCurrentThreadCpuTime();
        bh.consume(callFirst ? call.run() : floor.run());
        long t1 = THREADS.getCurrentThreadCpuTime();
        bh.consume(callFirst ? floor.run() : call.run());
        long t2 = THREADS.getCurrentThreadCpuTime();
        payCallCpuNanos += callFirst ? t1 - t0 : t2 - t1;
        floorCpuNanos += callFirst ? t2 - t1 : t1 - t0;
        pairs++;
    }
}
