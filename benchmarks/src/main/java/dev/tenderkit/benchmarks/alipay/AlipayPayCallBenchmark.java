package dev.tenderkit.benchmarks.alipay;

import com.alipay.api.AlipayApiException;
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
 * A whole pay call over loopback HTTP, side by side in one run: the official SDK's
 * {@code DefaultAlipayClient.execute(AlipayTradePayRequest)} and TenderKit's
 * {@code AlipayGateway.pay} with the JDK's provider and with Conscrypt, against the same server
 * answering one pre-signed success ({@link LoopbackPayCall}). Every call builds, signs, sends,
 * receives, verifies the answer's signature and parses it. Bars (issue 6): TenderKit ≥ 2.5 × faster
 * than the official client with the JDK's provider, ≥ 4 × with Conscrypt, and ≤ 1/4 of its bytes
 * allocated per call ({@code -prof gc}, {@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed, pre-touched heap: with the default (G1 growing the heap as it goes) every call that allocates
// also pays the kernel for faulting in fresh heap pages, about 50 µs per 15 KB allocated next to
// Conscrypt here, measured outside JMH; that is the JVM's warm-up, not the code's, and would make
// the comparison depend on how much each side allocates rather than on what it computes.
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class AlipayPayCallBenchmark {
    private LoopbackPayCall world;

    @Setup(Level.Trial)
    public void setUp() throws AlipayApiException {
        world = LoopbackPayCall.start();
        // each must reach the verified success before anything is measured
        world.payWithOfficialSdk();
        world.payWithTenderKitJdk();
        world.payWithTenderKitConscrypt();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    @Benchmark
    public Object officialDefaultAlipayClient() throws AlipayApiException {
        return world.payWithOfficialSdk();
    }

    @Benchmark
    public Object tenderKitJdkProvider() {
        return world.payWithTenderKitJdk();
    }

    @Benchmark
    public Object tenderKitConscrypt() {
        return world.payWithTenderKitConscrypt();
    }
}
