package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.api.internal.util.AntCertificationUtil;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayCertificates;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Alipay adapter in certificate mode (公钥证书) against the simulated Alipay in certificate mode:
 * certificates minted by the testkit, SNs computed three ways (testkit, adapter, official SDK).
 */
class AlipayCertificateModeTest {
    private static final String APP_ID = "2021000000000001";
    private static final String CODE = "281234567890123456";
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final SimulatedAlipayCertificates CERTS = SimulatedAlipayCertificates.issue(KEYS, APP_ID);
    /** Another issue for the same keys: same public keys, other serial numbers and roots. */
    private static final SimulatedAlipayCertificates OTHER = SimulatedAlipayCertificates.issue(KEYS, APP_ID);

    private static SimulatedAlipay alipay;
    private static GatewayTransport transport;

    @BeforeAll
    static void start() {
        alipay = SimulatedAlipay.builder(KEYS).appId(APP_ID).certificates(CERTS).start();
        transport = GatewayTransport.builder().readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        alipay.close();
    }

    private static AlipayGateway gateway(String appCert, String alipayCert, String roots) {
        AlipayCredentials credentials = AlipayCredentials.builder().appId(APP_ID).appPrivateKey(KEYS.appPrivateKeyPem())
                .certificates(appCert, alipayCert, roots).build();
        return AlipayGateway.builder().credentials(credentials).gatewayUrl(alipay.gatewayUrl()).transport(transport).build();
    }

    private static PayRequest pay(String outTradeNo) {
        return new PayRequest(new TradeRef(outTradeNo, "alipay-direct"), Money.parse("12.30"),
                PaymentCodeClassifier.standard().classify(CODE), "tea", PaymentMethods.ALIPAY, Optional.empty(), true);
    }

    @Test
    void theSerialNumbersAgreeBetweenTheTestkitTheAdapterAndTheOfficialSdk() throws Exception {
        AlipayCredentials c = AlipayCredentials.builder().appId(APP_ID).appPrivateKey(KEYS.appPrivateKeyPem())
                .certificates(CERTS.appCertPem(), CERTS.alipayCertPem(), CERTS.rootCertPem()).build();
        assertEquals(Optional.of(CERTS.appCertSn()), c.appCertSn());
        assertEquals(Optional.of(CERTS.alipayCertSn()), c.alipayCertSn());
        assertEquals(Optional.of(CERTS.rootCertSn()), c.alipayRootCertSn());
        assertEquals(CERTS.appCertSn(), AntCertificationUtil.getCertSN(AntCertificationUtil.getCertFromContent(CERTS.appCertPem())));
        assertEquals(CERTS.alipayCertSn(),
                AntCertificationUtil.getCertSN(AntCertificationUtil.getCertFromContent(CERTS.alipayCertPem())));
        assertEquals(CERTS.rootCertSn(), AntCertificationUtil.getRootCertSN(CERTS.rootCertPem()));
    }

    @Test
    void aGatewayInCertificateModePaysAndEveryRequestCarriesBothSerialNumbers() {
        AlipayGateway gateway = gateway(CERTS.appCertPem(), CERTS.alipayCertPem(), CERTS.rootCertPem());
        PayResult.Paid paid = assertInstanceOf(PayResult.Paid.class, gateway.pay(pay("CM1")));
        assertEquals(Money.parse("12.30"), paid.payment().amount());
        assertInstanceOf(QueryResult.Paid.class, gateway.query(new TradeRef("CM1", "alipay-direct")));
        SimulatedAlipay.Received last = alipay.received().get(alipay.received().size() - 1);
        assertTrue(last.signatureValid());
        assertEquals(CERTS.appCertSn(), last.params().get("app_cert_sn"));
        assertEquals(CERTS.rootCertSn(), last.params().get("alipay_root_cert_sn"));
    }

    @Test
    void anAppCertificateTheGatewayDoesNotKnowIsDeclinedAsAConfigurationToFix() {
        AlipayGateway gateway = gateway(OTHER.appCertPem(), CERTS.alipayCertPem(), CERTS.rootCertPem());
        PayResult.Declined d = assertInstanceOf(PayResult.Declined.class, gateway.pay(pay("CM2")));
        assertEquals(Cause.TERMINAL_NOT_CONFIGURED, d.error().cause());
        assertEquals("40002", d.error().raw().code());
        assertEquals(Optional.of("isv.app-cert-not-exist"), d.error().raw().subCode());
        assertTrue(alipay.ledger().trade("CM2").isEmpty(), "nothing was charged");
    }

    @Test
    void aRootBundleTheGatewayDoesNotKnowIsDeclinedAsAConfigurationToFix() {
        AlipayGateway gateway = gateway(CERTS.appCertPem(), CERTS.alipayCertPem(), OTHER.rootCertPem());
        PayResult.Declined d = assertInstanceOf(PayResult.Declined.class, gateway.pay(pay("CM3")));
        assertEquals(Cause.TERMINAL_NOT_CONFIGURED, d.error().cause());
        assertEquals(Optional.of("isv.invalid-alipay-root-cert-sn"), d.error().raw().subCode());
    }

    @Test
    void anAnswerSignedUnderAnotherAlipayCertificateIsUnknownSayingToDownloadTheCurrentOne() {
        // Same key, other certificate: the SN differs, as after Alipay rotates its certificate.
        AlipayGateway gateway = gateway(CERTS.appCertPem(), OTHER.alipayCertPem(), CERTS.rootCertPem());
        PayResult.Unknown u = assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay("CM4")));
        assertTrue(u.reason().contains("UNKNOWN_ALIPAY_CERT"), u.reason());
        // the charge happened; only a verified answer may say so
        assertEquals(Money.parse("12.30"), alipay.ledger().trade("CM4").orElseThrow().charged());
    }
}
