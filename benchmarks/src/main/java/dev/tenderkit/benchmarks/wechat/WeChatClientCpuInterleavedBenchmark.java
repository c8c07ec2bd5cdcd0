package dev.tenderkit.benchmarks.wechat;

import dev.tenderkit.benchmarks.CpuSplit;
import dev.tenderkit.benchmarks.CryptoProvider;
import java.security.GeneralSecurityException;
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
 * The client-CPU bar of issue 12 (a codepay call ≤ 1.05 × the bare sign + verify of the same bytes
 * with the same provider), measured as the Alipay one is: each operation runs one
 * {@link WeChatClientCpuBenchmark#payCallCpu} and one {@link WeChatClientCpuBenchmark#bareSignAndVerify}
 * back to back, alternating which goes first, each charged its own thread CPU ({@link CpuSplit}).
 * The ratio is {@code payCallCpuNanos / floorCpuNanos} of the printed totals.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class WeChatClientCpuInterleavedBenchmark {
    /** The JCA provider of both the SDK and the floor. */
    @Param({"JDK", "CONSCRYPT"})
    public CryptoProvider provider;

    private final WeChatClientCpuBenchmark calls = new WeChatClientCpuBenchmark();
    private final CpuSplit.Step payCall = calls::payCallCpu;
    private final CpuSplit.Step floor = calls::bareSignAndVerify;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        CpuSplit.requireThreadCpuTime();
        calls.provider = provider;
        calls.setUp();
    }

    @Benchmark
    public void payCallThenFloorAlternating(CpuSplit split, Blackhole bh) throws Exception {
        split.measurePair(payCall, floor, bh);
    }
}
