package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.core.capability.CheckoutContext;
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
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        Clock clock = Clock.systemUTC();
        List<Integer> answered = new CopyOnWriteArrayList<>();
        AtomicReference<WeChatPayCallbackHandler> handler = new AtomicReference<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/wechat/notify", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = ex.getRequestHeaders();
            CallbackAnswer a = handler.get().handle(body, h.getFirst("Wechatpay-Timestamp"),
                    h.getFirst("Wechatpay-Nonce"), h.getFirst("Wechatpay-Signature"), h.getFirst("Wechatpay-Serial"));
            answered.add(a.status());
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            }
            ex.close();
        });
        receiver.start();
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).start();
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("wechat-callback-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            WeChatPayGateway gateway = WeChatPayGateway.builder()
                    .credentials(credentials(wechat).wechatPayPublicKey(KEYS.wechatPublicKeyPem(), KEYS.publicKeyId())
                            .build())
                    .transport(GatewayTransport.builder().callTimeout(Duration.ofSeconds(5)).build())
                    .baseUrl(wechat.baseUrl()).deviceId("POS-01").storeId("S-1")
                    .notifyUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/wechat/notify")
                    // the first scheduled query is ten minutes away: only the callback can settle it sooner
                    .timing(new GatewayTiming(Duration.ofMinutes(10), Duration.ofMinutes(10), 1.0,
                            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMillis(20), 2.0,
                            Duration.ofMillis(100), 5))
                    .build();
            CheckoutContext context = WeChatEngines.context();
            PaymentEngine engine = PaymentEngine.builder().terminalId("T1")
                    .resolver(WeChatEngines.resolver(clock))
                    .context(() -> context).store(journal).gateway("wechat-direct", gateway).scheduler(scheduler)
                    .build();
            handler.set(WeChatPayCallbackHandler.builder().gateway(gateway)
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
            wechat.awaitAcknowledged(1, Duration.ofSeconds(10));
            assertTrue(answered.contains(204), "answered " + answered);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void platformCertificateModeDownloadsTheSimulatorsCertificates() throws Exception {
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).publicKeyMode(false)
                .platformCertificates(true).start()) {
            ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.now());
            WeChatPayGateway gateway = WeChatPayGateway.builder()
                    .credentials(credentials(wechat).platformCertificates(true).build())
                    .transport(GatewayTransport.builder().callTimeout(Duration.ofSeconds(5)).build())
                    .baseUrl(wechat.baseUrl()).deviceId("POS-01").storeId("S-1").scheduler(scheduler).build();
            CertificateRefresh r = gateway.refreshPlatformCertificates();
            assertTrue(r.succeeded(), r.toString());
            assertEquals(Set.of(KEYS.platformCertificateSerial()), r.serials());
            gateway.stopCertificateRefresh();
        }
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
