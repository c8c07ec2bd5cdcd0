package dev.tenderkit.wechat.crash;

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
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.wechat.WeChatPayCredentials;
import dev.tenderkit.wechat.WeChatPayGateway;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The terminal WeChat Pay's crash test kills: the payment engine, the WeChat Pay adapter and the
 * HTTP transport on a journal ({@code CrashTerminal.openJournal}), pointed at the simulated WeChat
 * Pay of the test's JVM. The child and the test's final recovery build it the same way, so the
 * last restart is no different from the others.
 */
public final class TerminalUnderTest implements TerminalSetup {
    static final String CHANNEL = "wechat-direct";
    /**
     * The simulator's window for a request's signed timestamp, 2 s instead of WeChat's 5 minutes, so
     * that a codepay lost to a kill can be proven dead within the run.
     */
    static final Duration REQUEST_WINDOW = Duration.ofSeconds(2);

    /**
     * WeChat's shape (poll, reverse at the deadline, retry the reversal), compressed so a trade lives
     * about two seconds, as in Alipay's test. Request validity 8 s: a codepay is taken by the
     * simulator while its whole-second timestamp is at most 2 s old (under 3 s after it was signed),
     * then charged up to 2 s later ({@link Buyer#PAY_ARRIVES_LATE}), with 3 s to spare for a loaded
     * machine. The flag for a person waits for more attempts than fit in that window: a trade cut
     * off after its intent is reversed in vain (404) until the window closes, which is expected, not
     * a reason to call anyone.
     */
    static final GatewayTiming TIMING = GatewayTiming.builder().firstQueryAfter(Duration.ofMillis(150))
            .queryBackoff(Duration.ofMillis(150), 1.3, Duration.ofMillis(300)).buyerDeadline(Duration.ofSeconds(2))
            .reversalBackoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(500)).attemptsBeforeAttention(40)
            .requestValidity(Duration.ofSeconds(8)).build();

    /** Made by name in the child ({@link TerminalSetup}). */
    public TerminalUnderTest() {
    }

    @Override
    public CrashTerminal.EngineFactory engines(Path endpointFile) {
        Endpoint endpoint = Endpoint.read(endpointFile);
        return (store, scheduler, listener) -> engine(endpoint, store, scheduler, listener);
    }

    /** Where the simulator listens and the generated keys to talk to it, handed to the child in a file. */
    record Endpoint(URI baseUrl, String mchid, String appid, String merchantPrivateKeyPem, String merchantSerial,
            String merchantCertificatePem, String apiV3Key, String wechatPublicKeyPem, String publicKeyId) {

        static Endpoint of(SimulatedWeChatPay wechat, SimulatedWeChatPayKeys keys) {
            return new Endpoint(wechat.baseUrl(), wechat.mchid(), wechat.appid(), keys.merchantPrivateKeyPem(),
                    keys.merchantCertificateSerial(), keys.merchantCertificatePem(), keys.apiV3Key(),
                    keys.wechatPublicKeyPem(), keys.publicKeyId());
        }

        void write(Path file) {
            EndpointFile.write(file, Map.of("baseUrl", baseUrl.toString(), "mchid", mchid, "appid", appid,
                    "merchantPrivateKeyPem", merchantPrivateKeyPem, "merchantSerial", merchantSerial,
                    "merchantCertificatePem", merchantCertificatePem, "apiV3Key", apiV3Key,
                    "wechatPublicKeyPem", wechatPublicKeyPem, "publicKeyId", publicKeyId));
        }

        static Endpoint read(Path file) {
            Map<String, String> p = EndpointFile.read(file, "baseUrl", "mchid", "appid", "merchantPrivateKeyPem",
                    "merchantSerial", "merchantCertificatePem", "apiV3Key", "wechatPublicKeyPem", "publicKeyId");
            return new Endpoint(URI.create(p.get("baseUrl")), p.get("mchid"), p.get("appid"),
                    p.get("merchantPrivateKeyPem"), p.get("merchantSerial"), p.get("merchantCertificatePem"),
                    p.get("apiV3Key"), p.get("wechatPublicKeyPem"), p.get("publicKeyId"));
        }
    }

    static PaymentEngine engine(Endpoint endpoint, TransactionStore store, TaskScheduler scheduler,
            TradeListener listener) {
        WeChatPayCredentials credentials = WeChatPayCredentials.builder().mchid(endpoint.mchid())
                .appid(endpoint.appid()).merchantPrivateKey(endpoint.merchantPrivateKeyPem())
                .merchantSerialNumber(endpoint.merchantSerial()).merchantCertificate(endpoint.merchantCertificatePem())
                .apiV3Key(endpoint.apiV3Key()).wechatPayPublicKey(endpoint.wechatPublicKeyPem(), endpoint.publicKeyId())
                .build();
        WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(credentials)
                // Generous against a loaded machine: a timeout makes the outcome unknown, which is
                // handled, but too many of them would only slow the run down.
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofSeconds(8)).build())
                .baseUrl(endpoint.baseUrl()).deviceId("POS-CRASH").storeId("S-1").timing(TIMING).build();
        return CrashTerminal.engine(new ChannelProfile(CHANNEL, LocalizedText.of("微信支付直连", "WeChat Pay direct"),
                LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.WECHAT_PAY, false))), gateway,
                store, scheduler, listener);
    }
}
