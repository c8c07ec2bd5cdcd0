package dev.tenderkit.benchmarks.capability;

import dev.tenderkit.core.capability.CapabilityMatrix;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the capability resolver takes to answer at the counter, under a realistic policy
 * ({@link RealisticPolicy}) in the two worlds of {@link CheckoutWorlds}.
 *
 * <ul>
 *   <li>{@link #resolveOneAccepted}: Huabei for 688.00 where it works on all three channels. Bar:
 *       at most 500 ns and about 0 bytes allocated per resolution (the resolver hands back the
 *       context's cached clean verdict).
 *   <li>{@link #resolveOneRefused}: Huabei where it is refused for four reasons; every finding is
 *       built with its texts and remedy. No bar.
 *   <li>{@link #matrixAccepted}: all 11 standard methods at once in the accepted world. Bar: at most
 *       3 µs.
 *   <li>{@link #baselineMapLookups}: the bare map lookups of one accepted resolution
 *       ({@link LookupBaseline}), as a yardstick for the machine.
 * </ul>
 *
 * <p>Everything is built once per trial; {@link #setUp()} checks that each world is what it claims,
 * so a change in the data or the rules cannot silently turn a benchmark into a different one.
 * Results are returned, so JMH consumes them and nothing is eliminated as dead code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(2)
@State(Scope.Benchmark)
public class CapabilityResolverBenchmark {

    private CapabilityResolver resolver;
    private CheckoutContext accepted;
    private CheckoutContext refused;
    private PaymentMethod method;
    private Money amount;
    private LookupBaseline baseline;

    /** Builds the policy, the resolver and both worlds, and checks them. */
    @Setup(Level.Trial)
    public void setUp() {
        CapabilityPolicy policy = RealisticPolicy.build();
        resolver = CheckoutWorlds.resolver(policy);
        accepted = CheckoutWorlds.accepted();
        refused = CheckoutWorlds.refused();
        method = CheckoutWorlds.METHOD;
        amount = CheckoutWorlds.AMOUNT;
        baseline = LookupBaseline.of(policy, resolver.registry(), accepted, method);

        CapabilityVerdict yes = resolver.resolve(accepted, method, amount);
        if (!yes.isAccepted() || !yes.findings().isEmpty() || yes.acceptingChannels().size() != 3) {
            throw new IllegalStateException("the accepted world is not clean: " + yes + " " + yes.findings());
        }
        CapabilityVerdict no = resolver.resolve(refused, method, amount);
        if (no.isAccepted() || no.findings().size() != 4) {
            throw new IllegalStateException("the refused world is not refused as intended: " + no + " "
                    + no.findings());
        }
        CapabilityMatrix matrix = resolver.matrix(accepted, amount);
        if (matrix.acceptedMethods().size() != resolver.registry().all().size()) {
            throw new IllegalStateException("the accepted world refuses some method: " + matrix.refused());
        }
        int expected = baseline.hashLookups() + baseline.treeLookups();
        if (baseline.lookUp() != expected) {
            throw new IllegalStateException("the baseline's lookups do not all hit");
        }
    }

    /** @return the verdict for Huabei in the accepted world */
    @Benchmark
    public CapabilityVerdict resolveOneAccepted() {
        return resolver.resolve(accepted, method, amount);
    }

    /** @return the verdict for Huabei in the refused world */
    @Benchmark
    public CapabilityVerdict resolveOneRefused() {
        return resolver.resolve(refused, method, amount);
    }

    /** @return the verdicts of all 11 methods in the accepted world */
    @Benchmark
    public CapabilityMatrix matrixAccepted() {
        return resolver.matrix(accepted, amount);
    }

    /** @return how many of one accepted resolution's map lookups hit (all) */
    @Benchmark
    public int baselineMapLookups() {
        return baseline.lookUp();
    }
}
