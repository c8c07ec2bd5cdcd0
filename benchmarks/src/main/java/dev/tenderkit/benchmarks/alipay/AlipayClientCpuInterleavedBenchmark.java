package dev.tenderkit.benchmarks.alipay;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The client-CPU bar of issue 6 (a pay call ≤ 1.05 × the bare sign + verify of the same bytes with
 * the same provider), measured so that the machine's drift cannot fall on one side only: each
 * operation runs one pay call and one bare sign + verify back to back, alternating which goes
 * first, and charges each its own thread CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()},
 * which does not count time spent waiting for a core). {@link AlipayClientCpuBenchmark} runs the two
 * as separate benchmarks, minutes apart, and on this shared machine their ratio scattered from 0.91
 * to 1.31 while the SDK's own work measured 6–8 µs; here both sides see the same moments.
 *
 * <p>The counters are {@link AuxCounters.Type#EVENTS}: JMH sums them over the measured iterations
 * (and forks), so the ratio is {@code payCallCpuNanos / floorCpuNanos} of the printed totals and the
 * CPU per call is a total divided by {@code pairs}. The pay call and the floor are
 * {@link AlipayClientCpuBenchmark#payCallCpu} and {@link AlipayClientCpuBenchmark#bareSignAndVerify},
 * same set-up, same keys.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class AlipayClientCpuInterleavedBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The JCA provider of both the SDK and the floor. */
    @Param({"JDK", "CONSCRYPT"})
    public CryptoProvider provider;

    private final AlipayClientCpuBenchmark calls = new AlipayClientCpuBenchmark();

    /** CPU time charged to each side, summed by JMH over the measured iterations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuSplit {
        /** Thread CPU of the pay calls, nanoseconds. */
        public long payCallCpuNanos;
        /** Thread CPU of the bare sign + verify, nanoseconds. */
        public long floorCpuNanos;
        /** Pay call + floor pairs run. */
        public long pairs;

        /** Counts afresh each iteration (JMH then sums the iterations). */
        @Setup(Level.Iteration)
        public void reset() {
            payCallCpuNanos = 0;
            floorCpuNanos = 0;
            pairs = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        calls.provider = provider;
        calls.setUp();
    }

    @Benchmark
    public void payCallThenFloorAlternating(CpuSplit split, Blackhole bh) throws GeneralSecurityException {
        boolean payFirst = (split.pairs & 1) == 0;
        long t0 = THREADS.getCurrentThreadCpuTime();
        if (payFirst) {
            bh.consume(calls.payCallCpu());
        } else {
            bh.consume(calls.bareSignAndVerify());
        }
        long t1 = THREADS.getCurrentThreadCpuTime();
        if (payFirst) {
            bh.consume(calls.bareSignAndVerify());
        } else {
            bh.consume(calls.payCallCpu());
        }
        long t2 = THREADS.getCurrentThreadCpuTime();
        split.payCallCpuNanos += payFirst ? t1 - t0 : t2 - t1;
        split.floorCpuNanos += payFirst ? t2 - t1 : t1 - t0;
        split.pairs++;
    }
}
