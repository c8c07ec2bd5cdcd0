package dev.tenderkit.benchmarks.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.benchmarks.CpuSplit;
import dev.tenderkit.benchmarks.CryptoProvider;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The WeChat Pay client-CPU benchmark's set-up reaches a verified, bound codepay and a floor that
 * signs the very text the SDK signed (it throws otherwise), for every provider, and the interleaved
 * one charges both sides: it cannot silently measure nothing.
 */
class WeChatClientCpuInterleavedBenchmarkTest {

    @Test
    void everyProviderPaysAndTheFloorSignsTheSameText() throws Exception {
        for (CryptoProvider provider : CryptoProvider.values()) {
            WeChatClientCpuBenchmark b = new WeChatClientCpuBenchmark();
            b.provider = provider;
            b.setUp();
            assertEquals(WeChatTrade.TRANSACTION_ID, b.payCallCpu().payment().gatewayTradeNo(), provider.name());
            assertTrue(b.bareSignAndVerify(), provider.name());
        }
    }

    @Test
    void eachOperationChargesTheCallAndTheFloorTheirOwnCpu() throws Exception {
        WeChatClientCpuInterleavedBenchmark b = new WeChatClientCpuInterleavedBenchmark();
        b.provider = CryptoProvider.CONSCRYPT;
        b.setUp();
        CpuSplit split = new CpuSplit();
        split.reset();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < 4; i++) {
            b.payCallThenFloorAlternating(split, bh);
        }
        assertEquals(4, split.pairs);
        assertTrue(split.payCallCpuNanos > 0 && split.floorCpuNanos > 0, "both sides charged");
    }
}
