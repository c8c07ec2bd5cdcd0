package dev.tenderkit.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * The client-CPU bars of issues 6 and 12 (a wallet call ≤ 1.05 × the bare sign + verify of the same
 * bytes with the same provider), measured so that the machine's drift cannot fall on one side only:
 * each operation runs one call and one bare sign + verify back to back, alternating which goes first,
 * each charged its own thread CPU ({@link CpuSplit}). A wallet's benchmark extends this and says what
 * its call and its floor are ({@link #steps}); JMH generates the benchmark for each subclass. The ratio
 * is {@code payCallCpuNanos / floorCpuNanos} of the printed totals.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public abstract class InterleavedClientCpuBenchmark {
    /** The JCA provider of both the SDK and the floor. */
    @Param({"JDK", "CONSCRYPT"})
    public CryptoProvider provider;

    private CpuSplit.Step call;
    private CpuSplit.Step floor;

    /**
     * The wallet call and its floor, set up with one provider.
     *
     * @param call the wallet call
     * @param floor the bare sign + verify of the same bytes
     */
    public record Steps(CpuSplit.Step call, CpuSplit.Step floor) {
    }

    /**
     * @param provider the JCA provider of both
     * @return the call and the floor, set up (and checked) with it
     * @throws Exception when set-up fails
     */
    protected abstract Steps steps(CryptoProvider provider) throws Exception;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CpuSplit.requireThreadCpuTime();
        Steps s = steps(provider);
        call = s.call();
        floor = s.floor();
    }

    @Benchmark
    public void payCallThenFloorAlternating(CpuSplit split, Blackhole bh) throws Exception {
        split.measurePair(call, floor, bh);
    }
}
