package dev.tenderkit.alipay.crash;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.testkit.crash.CrashTerminal;
import dev.tenderkit.testkit.crash.EndpointFile;
import dev.tenderkit.testkit.crash.TerminalSetup;
import dev.tenderkit.transport.http.GatewayTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The terminal the crash test kills: the payment engine, the Alipay adapter and the HTTP transport
 * on a journal ({@code CrashTerminal.openJournal}), pointed at the simulated Alipay of the test's JVM. The child and the test's final
 * recovery build it the same way, so the last restart is no different from the others.
 */
public final class TerminalUnderTest implements TerminalSetup {
    static final String CHANNEL = "alipay-direct";

    /**
     * Alipay's shape (poll, back off, reverse at the deadline, retry the reversal), compressed so a
     * trade lives about two seconds: short enough that restarts often land on trades still polling
     * or past their deadline, long enough that a child also gets to pay.
     */
    static final GatewayTiming TIMING = new GatewayTiming(Duration.ofMillis(150), Duration.ofMillis(150), 1.3,
            Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMillis(100), 2.0, Duration.ofMillis(500), 5);

    /** Made by name in the child ({@link TerminalSetup}). */
    public TerminalUnderTest() {
    }

    @Override
    public CrashTerminal.EngineFactory engines(Path endpointFile) {
        Endpoint endpoint = Endpoint.read(endpointFile);
        return (store, scheduler, listener) -> engine(endpoint, store, scheduler, listener);
    }

    /** Where the simulator listens and the generated keys to talk to it, handed to the child in a file. */
    record Endpoint(URI gatewayUrl, String appId, String appPrivateKeyPem, String alipayPublicKeyPem) {
        void write(Path file) {
            EndpointFile.write(file, Map.of("gatewayUrl", gatewayUrl.toString(), "appId", appId,
                    "appPrivateKeyPem", appPrivateKeyPem, "alipayPublicKeyPem", alipayPublicKeyPem));
        }

        static Endpoint read(Path file) {
            Map<String, String> p = EndpointFile.read(file, "gatewayUrl", "appId", "appPrivateKeyPem",
                    "alipayPublicKeyPem");
            return new Endpoint(URI.create(p.get("gatewayUrl")), p.get("appId"), p.get("appPrivateKeyPem"),
                    p.get("alipayPublicKeyPem"));
        }
    }

    static PaymentEngine engine(Endpoint endpoint, TransactionStore store, TaskScheduler scheduler,
            TradeListener listener) {
        AlipayGateway gateway = AlipayGateway.builder()
                .credentials(AlipayCredentials.builder().appId(endpoint.appId())
                        .appPrivateKey(endpoint.appPrivateKeyPem()).alipayPublicKey(endpoint.alipayPublicKeyPem())
                        .build())
                // Generous against a loaded machine: a timeout makes the outcome unknown, which is
                // handled, but too many of them would only slow the run down.
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofSeconds(8)).build())
                .gatewayUrl(endpoint.gatewayUrl())
                .timing(TIMING)
                .build();
        return CrashTerminal.engine(new ChannelProfile(CHANNEL, LocalizedText.of("支付宝直连", "Alipay direct"),
                LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                        ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, false))), gateway, store, scheduler, listener);
    }
}
