package dev.tenderkit.benchmarks.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.benchmarks.CpuSplit;
import dev.tenderkit.benchmarks.CryptoProvider;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The interleaved client-CPU benchmark charges both sides, alternates their order, and runs a pay
 * call that succeeds (its set-up throws otherwise), so it cannot silently measure nothing.
 */
class AlipayClientCpuInterleavedBenchmarkTest {

    @Test
    void eachOperationChargesThePayCallAndTheFloorTheirOwnCpu() throws Exception {
        for (CryptoProvider provider : new CryptoProvider[] {CryptoProvider.JDK, CryptoProvider.CONSCRYPT}) {
            AlipayClientCpuInterleavedBenchmark b = new AlipayClientCpuInterleavedBenchmark();
            b.provider = provider;
            b.setUp();
            CpuSplit split = new CpuSplit();
            split.reset();
            Blackhole bh = new Blackhole(
                    "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            for (int i = 0; i < 4; i++) {
                b.payCallThenFloorAlternating(split, bh);
            }
            assertEquals(4, split.pairs);
            assertTrue(split.payCallCpuNanos > 0 && split.floorCpuNanos > 0, provider + ": both sides charged");
        }
    }
}
