package dev.tenderkit.benchmarks.fee;

import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.fee.LeastCostRouter;
import dev.tenderkit.core.fee.QuoteRequest;
import dev.tenderkit.core.fee.RouteDecision;
import dev.tenderkit.core.fee.Routed;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ranking ten capable, priced channels (bar: 3 µs). {@code rankTenChannels} ranks with a capability
 * verdict the caller already has; {@code routeTenChannels} also resolves capability for the ten
 * channels first. {@code baseline} returns a field, measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RouteBenchmark {
    private LeastCostRouter router;
    private CheckoutContext context;
    private CapabilityVerdict verdict;
    private QuoteRequest request;

    /** Builds the world and checks that all ten channels are ranked. */
    @Setup
    public void setUp() {
        CapabilityResolver resolver = FeeWorld.resolver();
        router = LeastCostRouter.builder().resolver(resolver).schedule(FeeWorld.schedule()).build();
        context = FeeWorld.context();
        request = QuoteRequest.builder(PaymentMethods.ALIPAY, Money.parse("88.00")).on(FeeWorld.TODAY).build();
        verdict = resolver.resolve(context, PaymentMethods.ALIPAY, request.amount());
        RouteDecision d = router.route(context, request);
        if (!(d instanceof Routed) || d.ranked().size() != FeeWorld.CHANNELS || !d.excluded().isEmpty()) {
            throw new IllegalStateException("expected ten ranked channels, got " + d);
        }
    }

    /** @return a field: what the harness costs */
    @Benchmark
    public QuoteRequest baseline() {
        return request;
    }

    /** @return ten channels quoted and ranked, with the verdict given */
    @Benchmark
    public RouteDecision rankTenChannels() {
        return router.route(context, verdict, request);
    }

    /** @return capability resolved for ten channels, then ten quoted and ranked */
    @Benchmark
    public RouteDecision routeTenChannels() {
        return router.route(context, request);
    }
}
