package dev.tenderkit.benchmarks.wechat;

import dev.tenderkit.benchmarks.CryptoProvider;
import dev.tenderkit.benchmarks.InterleavedClientCpuBenchmark;
import java.security.GeneralSecurityException;

/**
 * The client-CPU bar of issue 12 (a codepay call ≤ 1.05 × the bare sign + verify of the same bytes
 * with the same provider), measured as the Alipay one is ({@link InterleavedClientCpuBenchmark}): the
 * call is {@link WeChatClientCpuBenchmark#payCallCpu}, the floor
 * {@link WeChatClientCpuBenchmark#bareSignAndVerify}, same set-up, same keys.
 */
public class WeChatClientCpuInterleavedBenchmark extends InterleavedClientCpuBenchmark {
    @Override
    protected Steps steps(CryptoProvider provider) throws GeneralSecurityException {
        WeChatClientCpuBenchmark calls = new WeChatClientCpuBenchmark();
        calls.provider = provider;
        calls.setUp();
        return new Steps(calls::payCallCpu, calls::bareSignAndVerify);
    }
}
