package dev.tenderkit.benchmarks.wechat;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole WeChat Pay calls over loopback HTTP, side by side in one run against one server
 * ({@link LoopbackWeChatCalls}): the official SDK's {@code NativePayService.prepay} and
 * {@code queryOrderByOutTradeNo} (it has no codepay) and TenderKit's {@code WeChatPayGateway.precreate}
 * and {@code query}, with the JDK's provider and with Conscrypt. Every call builds and signs its
 * request, sends it, receives the answer, verifies its signature and reads it. Bars (issue 12):
 * TenderKit ≥ 1.3 × faster than the official SDK with the JDK's provider, ≥ 2 × with Conscrypt, and
 * ≤ 1/2 of its bytes allocated per call ({@code -prof gc}, {@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// a fixed, pre-touched heap, as in the Alipay benchmarks (benchmarks/README.md): page faults of a growing
// heap would charge each side for how much it allocates on top of what it computes
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class WeChatCallBenchmark {
    private LoopbackWeChatCalls world;

    @Setup(Level.Trial)
    public void setUp() {
        world = LoopbackWeChatCalls.start();
        // each must reach its verified answer before anything is measured
        world.officialPrepay();
        world.officialQuery();
        world.tenderKitJdkPrecreate();
        world.tenderKitJdkQuery();
        world.tenderKitConscryptPrecreate();
        world.tenderKitConscryptQuery();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    @Benchmark
    public Object officialPrepay() {
        return world.officialPrepay();
    }

    @Benchmark
    public Object officialQuery() {
        return world.officialQuery();
    }

    @Benchmark
    public Object tenderKitJdkPrecreate() {
        return world.tenderKitJdkPrecreate();
    }

    @Benchmark
    public Object tenderKitJdkQuery() {
        return world.tenderKitJdkQuery();
    }

    @Benchmark
    public Object tenderKitConscryptPrecreate() {
        return world.tenderKitConscryptPrecreate();
    }

    @Benchmark
    public Object tenderKitConscryptQuery() {
        return world.tenderKitConscryptQuery();
    }
}
