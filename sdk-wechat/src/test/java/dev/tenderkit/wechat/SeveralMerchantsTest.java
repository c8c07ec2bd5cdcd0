package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.wechat.BuyerScript;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two merchants (own mchid, keys, APIv3 key, platform certificates) in one JVM, built and paying
 * concurrently through one shared transport: no "provider already exists", no certificate of one
 * used for the other, nothing static between them.
 */
class SeveralMerchantsTest {
    private static final String BUYER = "134567890123456789";

    private static WeChatPayGateway gateway(SimulatedWeChatPay w, SimulatedWeChatPayKeys k, GatewayTransport t,
            ManualTaskScheduler scheduler) {
        return WeChatPayGateway.builder().credentials(WeChatPayCredentials.builder().mchid(w.mchid()).appid(w.appid())
                        .merchantPrivateKey(k.merchantPrivateKeyPem()).merchantSerialNumber(k.merchantCertificateSerial())
                        .apiV3Key(k.apiV3Key()).platformCertificates(true).build())
                .transport(t).baseUrl(w.baseUrl()).deviceId("POS").storeId("S").scheduler(scheduler).build();
    }

    @Test
    void twoMerchantsPayConcurrentlyEachWithItsOwnKeysAndCertificates() throws Exception {
        SimulatedWeChatPayKeys ka = SimulatedWeChatPayKeys.generate();
        SimulatedWeChatPayKeys kb = SimulatedWeChatPayKeys.generate();
        GatewayTransport shared = GatewayTransport.builder().callTimeout(Duration.ofSeconds(10)).build();
        ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SimulatedWeChatPay a = SimulatedWeChatPay.builder(ka).mchid("1900000101").publicKeyMode(false)
                        .platformCertificates(true).start();
                SimulatedWeChatPay b = SimulatedWeChatPay.builder(kb).mchid("1900000202").publicKeyMode(false)
                        .platformCertificates(true).start()) {
            a.script(BUYER, BuyerScript.paysAtOnce());
            b.script(BUYER, BuyerScript.paysAtOnce());
            Future<WeChatPayGateway> fa = pool.submit(() -> gateway(a, ka, shared, scheduler));
            Future<WeChatPayGateway> fb = pool.submit(() -> gateway(b, kb, shared, scheduler));
            WeChatPayGateway ga = fa.get();
            WeChatPayGateway gb = fb.get();
            scheduler.runDueTasks();   // both first downloads
            assertEquals(java.util.Set.of(ka.platformCertificateSerial()), ga.refreshPlatformCertificates().serials());
            assertEquals(java.util.Set.of(kb.platformCertificateSerial()), gb.refreshPlatformCertificates().serials());
            List<Callable<PayResult>> pays = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                WeChatPayGateway g = i % 2 == 0 ? ga : gb;
                String no = (i % 2 == 0 ? "A" : "B") + i;
                pays.add(() -> g.pay(new PayRequest(new TradeRef(no, "wechat"), Money.ofFen(100 + i(no)),
                        PaymentCodeClassifier.standard().classify(BUYER), "x", PaymentMethods.WECHAT_PAY,
                        Optional.empty(), true)));
            }
            for (Future<PayResult> f : pool.invokeAll(pays)) {
                assertInstanceOf(PayResult.Paid.class, f.get());
            }
            assertEquals(10, a.ledger().trades().size());
            assertEquals(10, b.ledger().trades().size());
            assertTrue(a.ledger().trades().keySet().stream().allMatch(no -> no.startsWith("A")));
            // merchant B's gateway pointed at merchant A's WeChat verifies nothing it says
            WeChatPayGateway crossed = WeChatPayGateway.builder().credentials(WeChatPayCredentials.builder()
                            .mchid(b.mchid()).appid(b.appid()).merchantPrivateKey(kb.merchantPrivateKeyPem())
                            .merchantSerialNumber(kb.merchantCertificateSerial()).apiV3Key(kb.apiV3Key())
                            .wechatPayPublicKey(kb.wechatPublicKeyPem(), kb.publicKeyId()).build())
                    .transport(shared).baseUrl(a.baseUrl()).deviceId("POS").storeId("S").build();
            assertInstanceOf(QueryResult.Unknown.class, crossed.query(new TradeRef("A0", "wechat")));
            ga.stopCertificateRefresh();
            gb.stopCertificateRefresh();
        } finally {
            pool.shutdownNow();
        }
    }

    private static int i(String no) {
        return Integer.parseInt(no.substring(1));
    }
}
