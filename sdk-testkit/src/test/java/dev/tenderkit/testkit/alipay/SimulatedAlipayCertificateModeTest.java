package dev.tenderkit.testkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.testkit.alipay.TestAlipayClient.Reply;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certificate mode: minted certificates, their SNs, and the gateway's SN checks. */
class SimulatedAlipayCertificateModeTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final String APP_ID = "2021000000000001";
    private static final SimulatedAlipayCertificates CERTS = SimulatedAlipayCertificates.issue(KEYS, APP_ID);
    private static final String PAY = "{\"out_trade_no\":\"C1\",\"scene\":\"bar_code\",\"auth_code\":\"286543210987654321\","
            + "\"total_amount\":\"9.90\",\"subject\":\"tea\"}";

    private SimulatedAlipay alipay;
    private TestAlipayClient client;

    @BeforeEach
    void start() throws Exception {
        alipay = SimulatedAlipay.builder(KEYS).appId(APP_ID).certificates(CERTS).start();
        client = new TestAlipayClient(alipay.gatewayUrl(), APP_ID, KEYS.appPrivateKeyPem(), KEYS.alipayPublicKeyPem());
    }

    @AfterEach
    void stop() {
        alipay.close();
    }

    /** Alipay's rule, written again here: MD5(issuer DN RFC 2253 + decimal serial), 32 lowercase hex digits. */
    private static String sn(X509Certificate c) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest((c.getIssuerX500Principal().getName()
                + c.getSerialNumber()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5);
    }

    @Test
    void mintedCertificatesAreAChainTheJdkParsesWithAlipaysSerialNumberRules() throws Exception {
        List<X509Certificate> roots = CERTS.rootCertificates();
        assertEquals(List.of("SHA256withRSA", "SHA256withECDSA", "SHA256withRSA"),
                roots.stream().map(X509Certificate::getSigAlgName).toList());
        CERTS.appCertificate().verify(roots.get(0).getPublicKey());
        CERTS.alipayCertificate().verify(roots.get(0).getPublicKey());
        roots.get(1).verify(roots.get(1).getPublicKey());
        assertEquals(KEYS.appKeyPair().getPublic(), CERTS.appCertificate().getPublicKey());
        assertEquals(KEYS.alipayKeyPair().getPublic(), CERTS.alipayCertificate().getPublicKey());
        assertTrue(CERTS.appCertificate().getSerialNumber().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0);
        assertEquals("CN=Simulated Alipay Root CA R1,OU=Certification Authority,O=TenderKit testkit,C=CN",
                CERTS.appCertificate().getIssuerX500Principal().getName());
        assertEquals(sn(CERTS.appCertificate()), CERTS.appCertSn());
        assertEquals(sn(CERTS.alipayCertificate()), CERTS.alipayCertSn());
        assertEquals(sn(roots.get(0)) + "_" + sn(roots.get(2)), CERTS.rootCertSn(), "the EC root is skipped");
        assertTrue(CERTS.appCertSn().matches("[0-9a-f]{32}"));
        // the PEM forms parse back to the same certificates, the bundle to all three
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        assertEquals(CERTS.appCertificate(), x509.generateCertificate(new ByteArrayInputStream(
                CERTS.appCertPem().getBytes(StandardCharsets.US_ASCII))));
        assertEquals(roots, List.copyOf(x509.generateCertificates(new ByteArrayInputStream(
                CERTS.rootCertPem().getBytes(StandardCharsets.US_ASCII)))));
        assertFalse(CERTS.certify(SimulatedAlipayKeys.generate()));
    }

    @Test
    void aRequestWithBothSerialNumbersIsAnsweredWithTheAlipayCertSerialNumber() throws Exception {
        client.extra.put("app_cert_sn", CERTS.appCertSn());
        client.extra.put("alipay_root_cert_sn", CERTS.rootCertSn());
        Reply r = client.call("alipay.trade.pay", PAY);
        assertTrue(r.signatureValid(), r.body());
        assertEquals("10000", r.code());
        assertTrue(r.body().startsWith("{\"alipay_trade_pay_response\":" + r.rawContent() + ",\"alipay_cert_sn\":\""
                + CERTS.alipayCertSn() + "\",\"sign\":\""), r.body());
        assertTrue(alipay.received().get(0).signatureValid());
    }

    @Test
    void aWrongOrMissingAppCertSerialNumberIsAlipaysCertNotExist() throws Exception {
        Reply missing = client.call("alipay.trade.pay", PAY);
        assertEquals("isv.app-cert-not-exist", missing.subCode());
        client.extra.put("app_cert_sn", SimulatedAlipayCertificates.issue(KEYS, APP_ID).appCertSn());
        client.extra.put("alipay_root_cert_sn", CERTS.rootCertSn());
        Reply wrong = client.call("alipay.trade.pay", PAY);
        assertTrue(wrong.signatureValid(), "error answers are signed too");
        assertEquals("alipay_trade_pay_response", wrong.node());
        assertEquals("40002", wrong.code());
        assertEquals("isv.app-cert-not-exist", wrong.subCode());
        assertTrue(alipay.ledger().trades().isEmpty());
        assertFalse(alipay.received().get(1).signatureValid());
    }

    @Test
    void aWrongRootSerialNumberIsRefused() throws Exception {
        client.extra.put("app_cert_sn", CERTS.appCertSn());
        client.extra.put("alipay_root_cert_sn", CERTS.rootCertSn().substring(0, 32));
        Reply r = client.call("alipay.trade.pay", PAY);
        assertEquals("isv.invalid-alipay-root-cert-sn", r.subCode());
        assertTrue(alipay.ledger().trades().isEmpty());
    }

    @Test
    void certificatesForOtherKeysAreRefusedAtStart() {
        SimulatedAlipayCertificates other = SimulatedAlipayCertificates.issue(SimulatedAlipayKeys.generate(), APP_ID);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedAlipay.builder(KEYS).certificates(other).start());
        assertTrue(e.getMessage().startsWith("certificates:"), e.getMessage());
    }
}
