package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wechat.pay.java.core.cipher.AeadAesCipher;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.transport.http.GatewayTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Platform-certificate mode: download, decrypt, verify, keep per gateway, refresh on the injected scheduler. */
class PlatformCertificatesTest {
    private static final String QUERY = "/v3/pay/transactions/out-trade-no/T1?mchid=" + Fixtures.MCHID;
    private final GatewayTransport transport = GatewayTransport.builder().callTimeout(Duration.ofSeconds(10)).build();

    private static String certificatesBody(String certFile, String serial, String apiV3Key) {
        AeadAesCipher cipher = new AeadAesCipher(apiV3Key.getBytes(StandardCharsets.US_ASCII));
        String nonce = "a1b2c3d4e5f6";
        String ct = cipher.encrypt("certificate".getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8),
                Fixtures.text(certFile).getBytes(StandardCharsets.UTF_8));
        return "{\"data\":[{\"serial_no\":\"" + serial + "\",\"effective_time\":\"2026-01-01T00:00:00+08:00\","
                + "\"expire_time\":\"2031-01-01T00:00:00+08:00\",\"encrypt_certificate\":{\"algorithm\":"
                + "\"AEAD_AES_256_GCM\",\"nonce\":\"" + nonce + "\",\"associated_data\":\"certificate\",\"ciphertext\":\""
                + ct + "\"}}]}";
    }

    private WeChatPayGateway gateway(LoopbackWeChat wechat, ManualTaskScheduler scheduler) {
        return WeChatPayGateway.builder().credentials(Fixtures.base().platformCertificates(true).build())
                .transport(transport).baseUrl(wechat.url()).deviceId("POS-01").storeId("S-1").scheduler(scheduler)
                .certificateRefresh(Duration.ofMinutes(60), Duration.ofMinutes(1)).build();
    }

    @Test
    void certificatesAreDownloadedDecryptedVerifiedAndRefreshedInTheBackground() throws Exception {
        ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.now());
        try (LoopbackWeChat wechat = new LoopbackWeChat(Fixtures.WeChatSide.platform(), scheduler.clock())) {
            wechat.answer(PlatformCertificates.PATH, 200, certificatesBody("platform-cert.pem", Fixtures.PLATFORM_SERIAL,
                    Fixtures.API_V3_KEY));
            wechat.answer(QUERY, 200, "{\"mchid\":\"" + Fixtures.MCHID + "\",\"out_trade_no\":\"T1\",\"trade_state\":"
                    + "\"NOTPAY\"}");
            WeChatPayGateway g = gateway(wechat, scheduler);
            TradeRef ref = new TradeRef("T1", "wechat");
            assertInstanceOf(QueryResult.Unknown.class, g.query(ref), "no certificate yet: nothing verifies");
            scheduler.runDueTasks();
            assertInstanceOf(QueryResult.AwaitingBuyer.class, g.query(ref));
            assertEquals(Fixtures.PLATFORM_SERIAL, wechat.received.get(wechat.received.size() - 1).wechatpaySerial());
            int downloads = count(wechat);
            scheduler.advance(Duration.ofMinutes(59));
            assertEquals(downloads, count(wechat));
            scheduler.advance(Duration.ofMinutes(1));
            assertEquals(downloads + 1, count(wechat), "refreshed after 60 min");
            g.stopCertificateRefresh();
            scheduler.advance(Duration.ofHours(3));
            assertEquals(downloads + 1, count(wechat));
        }
    }

    @Test
    void aDownloadThatDoesNotDecryptOrVerifyReplacesNothing() throws Exception {
        ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.now());
        try (LoopbackWeChat wechat = new LoopbackWeChat(Fixtures.WeChatSide.platform(), scheduler.clock())) {
            WeChatPayGateway g = gateway(wechat, scheduler);
            g.stopCertificateRefresh();
            wechat.answer(PlatformCertificates.PATH, 200, certificatesBody("platform-cert.pem", Fixtures.PLATFORM_SERIAL,
                    "ffffffffffffffffffffffffffffffff"));
            CertificateRefresh r = g.refreshPlatformCertificates();
            assertFalse(r.succeeded());
            assertTrue(r.failure().get().contains("APIv3"), r.failure().get());
            wechat.answer(PlatformCertificates.PATH, 200, certificatesBody("platform2-cert.pem", "6A2B",
                    Fixtures.API_V3_KEY));
            assertFalse(g.refreshPlatformCertificates().succeeded(), "signed by a certificate the answer does not carry");
            wechat.answer(PlatformCertificates.PATH, 200, certificatesBody("merchant-cert.pem", Fixtures.SERIAL,
                    Fixtures.API_V3_KEY));
            assertFalse(g.refreshPlatformCertificates().succeeded(), "the merchant's own certificate is not WeChat's");
            wechat.answer(PlatformCertificates.PATH, 404, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"无可用的平台证书\"}");
            assertFalse(g.refreshPlatformCertificates().succeeded());
            assertEquals(Set.of(), g.refreshPlatformCertificates().serials());
        }
    }

    @Test
    void gatewaysInOneJvmKeepTheirOwnCertificatesConcurrently() throws Exception {
        ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.now());
        try (LoopbackWeChat one = new LoopbackWeChat(Fixtures.WeChatSide.platform(), scheduler.clock());
                LoopbackWeChat two = new LoopbackWeChat(new Fixtures.WeChatSide("platform2-key.pem", "6A2B"),
                        scheduler.clock())) {
            one.answer(PlatformCertificates.PATH, 200, certificatesBody("platform-cert.pem", Fixtures.PLATFORM_SERIAL,
                    Fixtures.API_V3_KEY));
            two.answer(PlatformCertificates.PATH, 200, certificatesBody("platform2-cert.pem", "6A2B", Fixtures.API_V3_KEY));
            String paid = "{\"appid\":\"" + Fixtures.APPID + "\",\"mchid\":\"" + Fixtures.MCHID + "\",\"out_trade_no\":"
                    + "\"T1\",\"transaction_id\":\"42\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":100}}";
            one.answer("/v3/pay/transactions/codepay", 200, paid);
            two.answer("/v3/pay/transactions/codepay", 200, paid);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<WeChatPayGateway>> built = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    LoopbackWeChat w = i % 2 == 0 ? one : two;
                    built.add(pool.submit(() -> gateway(w, scheduler)));
                }
                List<WeChatPayGateway> gateways = new ArrayList<>();
                for (Future<WeChatPayGateway> f : built) {
                    gateways.add(f.get());
                }
                scheduler.runDueTasks();
                List<Callable<PayResult>> pays = new ArrayList<>();
                for (WeChatPayGateway g : gateways) {
                    pays.add(() -> g.pay(new PayRequest(new TradeRef("T1", "wechat"), Money.ofFen(100),
                            PaymentCodeClassifier.standard().classify("134567890123456789"), "x",
                            PaymentMethods.WECHAT_PAY, Optional.empty(), true)));
                }
                for (Future<PayResult> f : pool.invokeAll(pays)) {
                    assertInstanceOf(PayResult.Paid.class, f.get());
                }
                for (int i = 0; i < gateways.size(); i++) {
                    Set<String> serials = gateways.get(i).refreshPlatformCertificates().serials();
                    assertEquals(Set.of(i % 2 == 0 ? Fixtures.PLATFORM_SERIAL : "6A2B"), serials, "gateway " + i);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int count(LoopbackWeChat w) {
        return (int) w.received.stream().filter(r -> r.pathAndQuery().equals(PlatformCertificates.PATH)).count();
    }
}
