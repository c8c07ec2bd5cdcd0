package dev.tenderkit.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemTextTest {
    private static final String WHAT = "the merchant private key";
    private static final byte[] DER = Base64.getDecoder().decode(CryptoFixtures.base64("rsa-pkcs8.pem"));

    private static String message(Runnable r) {
        return assertThrows(ConfigurationException.class, r::run).getMessage();
    }

    @Test
    void pemWithCrlfLineEndsAndIndentationDecodesToTheSameBytes() {
        String pem = CryptoFixtures.text("rsa-pkcs8.pem");
        String crlf = pem.replace("\n", "\r\n");
        String indented = "\n   " + pem.replace("\n", "\n    ") + "  \n";
        for (String text : List.of(pem, crlf, indented)) {
            PemBlock block = PemText.decode("key", text, WHAT);
            assertEquals("PRIVATE KEY", block.label());
            assertArrayEquals(DER, block.der());
        }
    }

    @Test
    void bareBase64WithoutHeaderIsABlockWithNoLabel() {
        String spaced = CryptoFixtures.base64("rsa-pkcs8.pem").replaceAll("(.{64})", "$1 \r\n");
        PemBlock block = PemText.decode("key", spaced, WHAT);
        assertTrue(block.isBare());
        assertArrayEquals(DER, block.der());
    }

    @Test
    void decodeTakesTheFirstBlockAndDecodeAllEveryBlockOfTheLabel() {
        String chain = CryptoFixtures.text("chain.crt");
        assertEquals("CERTIFICATE", PemText.decode("cert", chain, "a certificate").label());
        List<PemBlock> blocks = PemText.decodeAll("cert", chain, "CERTIFICATE", "a certificate");
        assertEquals(2, blocks.size());
        assertArrayEquals(PemText.decode("cert", CryptoFixtures.text("root.crt"), "x").der(), blocks.get(1).der());
    }

    @Test
    void aBlockOfAnotherLabelIsNamedWithWhatToPaste() {
        String m = message(() -> PemText.decodeAll("cert", CryptoFixtures.text("rsa-public.pem"), "CERTIFICATE",
                "the platform certificate"));
        assertTrue(m.startsWith("cert: holds no certificate (no BEGIN CERTIFICATE block); paste the platform certificate"), m);
    }

    @Test
    void emptyTextMissingEndLineAndNonBase64AreRefusedNamingTheSetting() {
        assertEquals("key: is empty; paste " + WHAT, message(() -> PemText.decode("key", " \r\n", WHAT)));
        String cut = CryptoFixtures.text("rsa-pkcs8.pem").replace("-----END PRIVATE KEY-----", "");
        assertEquals("key: has no '-----END PRIVATE KEY-----' line", message(() -> PemText.decode("key", cut, WHAT)));
        String second = CryptoFixtures.text("chain.crt").replaceFirst("(?s)(.*)-----END CERTIFICATE-----", "$1");
        assertTrue(message(() -> PemText.decodeAll("c", second, "CERTIFICATE", "x")).contains("certificate 2 has no"));
        assertTrue(message(() -> PemText.decode("key", "not base64 !", WHAT)).startsWith("key: is not base64"));
        assertTrue(message(() -> PemText.decode("key", "-----BEGIN PRIVATE KEY", WHAT)).contains("broken PEM header"));
    }

    @Test
    void legacyEncryptedPemIsRefused() {
        String legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n";
        assertTrue(message(() -> PemText.decode("key", legacy, WHAT)).contains("without a passphrase"));
    }

    @Test
    void aBlockNeverPrintsItsBytes() {
        PemBlock block = PemText.decode("key", CryptoFixtures.text("rsa-pkcs8.pem"), WHAT);
        assertEquals("PemBlock[PRIVATE KEY, " + DER.length + " bytes]", block.toString());
    }
}
