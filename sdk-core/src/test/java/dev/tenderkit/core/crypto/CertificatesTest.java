package dev.tenderkit.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatesTest {
    private static final String WHAT = "the platform certificate";

    @Test
    void aChainIsReadInFileOrderAndEachCertificateIsSignedByTheNext() throws Exception {
        List<X509Certificate> chain = Certificates.chain("chain", CryptoFixtures.text("chain.crt"), WHAT);
        assertEquals(2, chain.size());
        assertEquals("CN=TenderKit Test Merchant", chain.get(0).getSubjectX500Principal().getName());
        assertEquals("CN=TenderKit Test Root", chain.get(1).getSubjectX500Principal().getName());
        chain.get(0).verify(chain.get(1).getPublicKey());
        chain.get(1).verify(chain.get(1).getPublicKey());
    }

    @Test
    void theSerialIsUppercaseHexAsWeChatPayWritesIt() {
        assertEquals("5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
                Certificates.serialHex(Certificates.one("cert", CryptoFixtures.text("leaf.crt"), WHAT)));
        assertEquals("1A2B3C", Certificates.serialHex(Certificates.one("cert", CryptoFixtures.base64("root.crt"), WHAT)));
    }

    @Test
    void oneRefusesAChainAndTextWithoutACertificate() {
        assertEquals("cert: holds 2 certificates, expected exactly one", assertThrows(ConfigurationException.class,
                () -> Certificates.one("cert", CryptoFixtures.text("chain.crt"), WHAT)).getMessage());
        assertTrue(assertThrows(ConfigurationException.class,
                () -> Certificates.one("cert", CryptoFixtures.text("rsa-public.pem"), WHAT)).getMessage()
                .contains("no BEGIN CERTIFICATE"));
    }

    @Test
    void anUnreadableCertificateIsNamedByPositionOrSkippedWhenTheCallerSaysSo() throws Exception {
        String broken = CryptoFixtures.text("chain.crt").replaceFirst("MII", "MIIAAAA");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Certificates.chain("chain", broken, WHAT));
        assertTrue(e.getMessage().startsWith("chain: certificate 1 of 2 is not a valid X.509 certificate"), e.getMessage());
        Certificates.Unreadable skipAll = new Certificates.Unreadable() {
            @Override
            public boolean skip(String signatureAlgorithmOid) {
                return true;
            }
        };
        List<X509Certificate> rest = Certificates.all("chain", broken, WHAT, CertificateFactory.getInstance("X.509"), skipAll);
        assertEquals("1A2B3C", Certificates.serialHex(rest.get(0)));
    }

    @Test
    void theSignatureAlgorithmIsReadWithoutParsing() {
        byte[] der = PemText.decode("c", CryptoFixtures.text("root.crt"), WHAT).der();
        assertEquals("1.2.840.113549.1.1.11", Certificates.signatureAlgorithmOid(der)); // sha256WithRSAEncryption
        assertEquals(null, Certificates.signatureAlgorithmOid(new byte[] {1, 2, 3}));
    }
}
