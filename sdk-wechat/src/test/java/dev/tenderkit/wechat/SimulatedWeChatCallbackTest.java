package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.QrTicket;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.wechat.CallbackDelivery;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against SimulatedWeChatPay: its callback (its own signing and AES-GCM) reaches our handler over
 * HTTP, and the accepted callback prompts {@code PaymentEngine.checkNow}, which settles a QR payment
 * long before the engine's first scheduled query; and platform-certificate mode downloads the
 * simulator's certificates.
 */
class SimulatedWeChatCallbackTest {
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayKeys.generate();

    private static WeChatPayCredentials.Builder credentials(SimulatedWeChatPay wechat) {
        return WeChatPayCredentials.builder().mchid(wechat.mchid()).appid(wechat.appid())
                .merchantPrivateKey(KEYS.merchantPrivateKeyPem()).merchantSerialNumber(KEYS.merchantCertificateSerial())
                .apiV3Key(KEYS.apiV3Key());
    }

    @Test
    void aVerifiedCallbackPromptsTheEngineToQueryAndSettleTheQrPayment(@TempDir Path dir) throws Exception {
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).start()) {
            qrSettledByItsCallback(wechat, credentials(wechat).wechatPayPublicKey(KEYS.wechatPublicKeyPem(),
                    KEYS.publicKeyId()).build(), dir);
        }
    }

    /**
     * A QR payment whose first scheduled query is ten minutes away is settled by the callback the
     * simulator sends once the buyer scans: our handler verifies and decrypts it, answers 204, and
     * prompts the engine's query.
     *
     * @return the simulator's callback deliveries
     */
    static List<CallbackDelivery> qrSettledByItsCallback(SimulatedWeChatPay wechat, WeChatPayCredentials credentials,
            Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        try (CallbackReceiver receiver = new CallbackReceiver();
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("wechat-callback-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(credentials)
                    .transport(GatewayTransport.builder().callTimeout(Duration.ofSeconds(5)).build())
                    .baseUrl(wechat.baseUrl()).deviceId("POS-01").storeId("S-1")
                    .notifyUrl(receiver.url())
                    // the first scheduled query is ten minutes away: only the callback can settle it sooner
                    .timing(new GatewayTiming(Duration.ofMinutes(10), Duration.ofMinutes(10), 1.0,
                            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMillis(20), 2.0,
                            Duration.ofMillis(100), 5))
                    .build();
            PaymentEngine engine = TestEngines.wechatDirect(gateway, journal, scheduler, clock);
            receiver.handler(WeChatPayCallbackHandler.builder().gateway(gateway)
                    .orders(no -> engine.trade(no).map(TradeRecord::amount))
                    .listener(cb -> engine.checkNow(cb.outTradeNo())).build());

            QrTicket ticket = engine.startQr(new QrPaymentRequest("ORD-QR", Money.ofFen(888), "扫码点单",
                    PaymentMethods.WECHAT_PAY, Duration.ofMinutes(5), Optional.empty()));
            assertTrue(ticket.qrCode().get(10, TimeUnit.SECONDS).startsWith("weixin://"));
            String no = ticket.outTradeNo().orElseThrow();
            assertTrue(wechat.buyerScansQr(no));
            TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class,
                    ticket.outcome().get(20, TimeUnit.SECONDS));
            assertEquals(Money.ofFen(888), paid.payment().amount());
            List<CallbackDelivery> delivered = wechat.awaitAcknowledged(1, Duration.ofSeconds(10));
            assertTrue(receiver.answered().contains(204), "answered " + receiver.answered());
            return delivered;
        }
    }

    @Test
    void platformCertificateModeDownloadsTheSimulatorsCertificates() throws Exception {
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).publicKeyMode(false)
                .platformCertificates(true).start()) {
            downloadsItsCertificate(wechat, credentials(wechat).platformCertificates(true).build(), KEYS);
        }
    }

    /** Platform-certificate mode: the download succeeds with the simulator's one certificate. */
    static void downloadsItsCertificate(SimulatedWeChatPay wechat, WeChatPayCredentials credentials,
            SimulatedWeChatPayKeys keys) {
        ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.now());
        WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(credentials)
                .transport(GatewayTransport.builder().callTimeout(Duration.ofSeconds(5)).build())
                .baseUrl(wechat.baseUrl()).deviceId("POS-01").storeId("S-1").scheduler(scheduler).build();
        CertificateRefresh r = gateway.refreshPlatformCertificates();
        assertTrue(r.succeeded(), r.toString());
        assertEquals(Set.of(keys.platformCertificateSerial()), r.serials());
        gateway.stopCertificateRefresh();
    }

    @Test
    void theGatewayRefusesPlainHttpToAnythingButLoopback() {
        assertEquals("baseUrl", org.junit.jupiter.api.Assertions.assertThrows(
                dev.tenderkit.core.ConfigurationException.class, () -> WeChatPayGateway.builder()
                        .credentials(Fixtures.publicKeyMode()).transport(GatewayTransport.builder().build())
                        .baseUrl(URI.create("http://api.mch.weixin.qq.com")).deviceId("P").storeId("S").build())
                .setting());
    }
}
