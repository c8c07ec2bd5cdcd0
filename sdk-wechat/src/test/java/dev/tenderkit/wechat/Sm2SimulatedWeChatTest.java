package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.wechat.BuyerScript;
import dev.tenderkit.testkit.wechat.CallbackDelivery;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.testkit.wechat.WeChatTrade;
import dev.tenderkit.transport.http.GatewayTransport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 国密 scheme end to end, against SimulatedWeChatPay started with SM2 key material (its SM2 on
 * BouncyCastle's lightweight signer and its SM4-GCM on BouncyCastle's JCA cipher, both written apart
 * from ours): WECHATPAY2-SM2-WITH-SM3 requests it accepts, SM2-signed answers we verify, a callback in
 * AEAD_SM4_GCM we decrypt, and the SM2 platform-certificate list.
 */
class Sm2SimulatedWeChatTest {
    private static final String BUYER = "134567890123456789";
    private static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayKeys.generateSm2();

    private static WeChatPayCredentials.Builder credentials(SimulatedWeChatPay wechat) {
        return WeChatPayCredentials.builder().signingScheme(SigningScheme.SM2).mchid(wechat.mchid())
                .appid(wechat.appid()).merchantPrivateKey(KEYS.merchantPrivateKeyPem())
                .merchantSerialNumber(KEYS.merchantCertificateSerial()).merchantCertificate(KEYS.merchantCertificatePem())
                .apiV3Key(KEYS.apiV3Key());
    }

    private static TradeOutcome pay(Path dir, BuyerScript buyer, Duration deadline, SimulatedWeChatPay wechat)
            throws Exception {
        Clock clock = Clock.systemUTC();
        try (ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("wechat-sm2-engine-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            wechat.script(BUYER, buyer);
            WeChatPayGateway gateway = TestEngines.compressedTiming(credentials(wechat)
                    .wechatPayPublicKey(KEYS.wechatPublicKeyPem(), KEYS.publicKeyId()).build(), wechat.baseUrl(), deadline);
            PaymentEngine engine = TestEngines.wechatDirect(gateway, journal, scheduler, clock);
            TradeOutcome outcome = engine.pay(BarcodePaymentRequest.of("ORD-1", Money.ofFen(1234), BUYER, "咖啡"));
            String no = outcome.record().orElseThrow().outTradeNo();
            Money charged = wechat.ledger().trade(no).map(WeChatTrade::charged).orElse(Money.ZERO);
            assertEquals(outcome instanceof TradeOutcome.Paid ? Money.ofFen(1234) : Money.ZERO, charged, outcome::toString);
            return outcome;
        }
    }

    private static void allSignedWithSm2(SimulatedWeChatPay wechat) {
        List<SimulatedWeChatPay.Received> got = wechat.received();
        assertTrue(!got.isEmpty() && got.stream().allMatch(SimulatedWeChatPay.Received::authentic),
                "every request verified by the simulator's SM2: " + got);
    }

    @Test
    void aBuyerWhoPaysAtOnceIsPaidThroughSm2(@TempDir Path dir) throws Exception {
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).start()) {
            TradeOutcome.Paid p = assertInstanceOf(TradeOutcome.Paid.class,
                    pay(dir, BuyerScript.paysAtOnce(), Duration.ofSeconds(60), wechat));
            assertEquals(Money.ofFen(1234), p.payment().amount());
            allSignedWithSm2(wechat);
        }
    }

    @Test
    void aBuyerWhoEntersHerPinIsPolledUntilPaidThroughSm2(@TempDir Path dir) throws Exception {
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).start()) {
            assertInstanceOf(TradeOutcome.Paid.class, pay(dir, BuyerScript.pinFor(3), Duration.ofSeconds(60), wechat));
            assertTrue(wechat.received().stream().filter(r -> r.endpoint().equals("query")).count() >= 3,
                    "queried while she typed");
            allSignedWithSm2(wechat);
        }
    }

    @Test
    void aBuyerWhoNeverEntersItIsReversedThroughSm2(@TempDir Path dir) throws Exception {
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).start()) {
            assertInstanceOf(TradeOutcome.Reversed.class, pay(dir, BuyerScript.neverPays(), Duration.ofSeconds(1), wechat));
            assertTrue(wechat.received().stream().anyMatch(r -> r.endpoint().equals("reverse")));
            allSignedWithSm2(wechat);
        }
    }

    @Test
    void rsaCredentialsAgainstAnSm2WeChatNeverGetAnOutcome() throws Exception {
        SimulatedWeChatPayKeys rsa = SimulatedWeChatPayKeys.generate();
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).start()) {
            WeChatPayGateway gateway = WeChatPayGateway.builder().credentials(WeChatPayCredentials.builder()
                            .mchid(wechat.mchid()).appid(wechat.appid()).merchantPrivateKey(rsa.merchantPrivateKeyPem())
                            .merchantSerialNumber(rsa.merchantCertificateSerial()).apiV3Key(KEYS.apiV3Key())
                            .wechatPayPublicKey(rsa.wechatPublicKeyPem(), KEYS.publicKeyId()).build())
                    .transport(GatewayTransport.builder().callTimeout(Duration.ofSeconds(5)).build())
                    .baseUrl(wechat.baseUrl()).deviceId("POS-01").storeId("S-1").build();
            var result = gateway.query(new dev.tenderkit.core.payment.spi.TradeRef("T-NONE", "wechat-direct"));
            // the simulator refuses the RSA request (401 SIGN_ERROR, signed with SM2); our RSA verifier
            // refuses its SM2 signature type: unknown, never "not found"
            assertInstanceOf(dev.tenderkit.core.payment.spi.QueryResult.Unknown.class, result, result::toString);
            assertTrue(result.toString().contains("WRONG_SIGNATURE_TYPE"), result::toString);
            assertTrue(wechat.received().stream().noneMatch(SimulatedWeChatPay.Received::authentic));
        }
    }

    @Test
    void anSm4GcmCallbackIsDecryptedAndSettlesTheQrPayment(@TempDir Path dir) throws Exception {
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).start()) {
            List<CallbackDelivery> d = SimulatedWeChatCallbackTest.qrSettledByItsCallback(wechat, credentials(wechat)
                    .wechatPayPublicKey(KEYS.wechatPublicKeyPem(), KEYS.publicKeyId()).build(), dir);
            assertTrue(d.get(0).body().contains("\"algorithm\":\"AEAD_SM4_GCM\""), d.get(0).body());
            assertEquals(SigningScheme.SM2.authorizationScheme(), d.get(0).headers().get("Wechatpay-Signature-Type"));
        }
    }

    @Test
    void platformCertificateModeDownloadsTheSm2CertificatesInSm4Gcm() throws Exception {
        try (SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(KEYS).publicKeyMode(false)
                .platformCertificates(true).start()) {
            SimulatedWeChatCallbackTest.downloadsItsCertificate(wechat, credentials(wechat).platformCertificates(true)
                    .build(), KEYS);
            assertTrue(wechat.received().stream().anyMatch(x -> x.url().equals("/v3/certificates?algorithm_type=SM2")),
                    "asked for the SM2 certificates: " + wechat.received());
        }
    }
}
