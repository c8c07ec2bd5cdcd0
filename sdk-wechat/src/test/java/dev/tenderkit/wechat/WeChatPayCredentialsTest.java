package dev.tenderkit.wechat;

import static dev.tenderkit.wechat.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import org.junit.jupiter.api.Test;

class WeChatPayCredentialsTest {

    private static ConfigurationException refused(WeChatPayCredentials.Builder b) {
        return assertThrows(ConfigurationException.class, b::build);
    }

    @Test
    void publicKeyModeBuildsAndNeverShowsAKey() {
        WeChatPayCredentials c = Fixtures.publicKeyMode();
        assertEquals(Fixtures.SERIAL, c.merchantSerial());
        assertEquals(Fixtures.PUB_KEY_ID, c.publicKeyId().orElseThrow());
        assertFalse(c.toString().contains("PRIVATE"));
        assertFalse(c.toString().contains(Fixtures.API_V3_KEY));
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() {
        ConfigurationException e = refused(Fixtures.base().merchantPrivateKey(text("merchant-key-pkcs1.pem"))
                .wechatPayPublicKey(text("wechat-pub.pem"), Fixtures.PUB_KEY_ID));
        assertEquals("merchantPrivateKey", e.setting());
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
    }

    @Test
    void aSerialThatIsNotHexIsRefused() {
        ConfigurationException e = refused(Fixtures.base().merchantSerialNumber("3775-B6A4")
                .wechatPayPublicKey(text("wechat-pub.pem"), Fixtures.PUB_KEY_ID));
        assertEquals("merchantSerialNumber", e.setting());
    }

    @Test
    void anApiV3KeyOfAnotherLengthIsRefused() {
        ConfigurationException e = refused(Fixtures.base().apiV3Key("short")
                .wechatPayPublicKey(text("wechat-pub.pem"), Fixtures.PUB_KEY_ID));
        assertEquals("apiV3Key", e.setting());
        assertTrue(e.getMessage().contains("32"), e.getMessage());
    }

    @Test
    void theMerchantsOwnPublicKeyConfiguredAsWeChatPaysIsRefused() {
        String own = text("merchant-cert.pem");
        String ownPublic = Fixtures.publicFromCert(own);
        ConfigurationException e = refused(Fixtures.base().wechatPayPublicKey(ownPublic, Fixtures.PUB_KEY_ID));
        assertEquals("wechatPayPublicKey", e.setting());
        assertTrue(e.getMessage().contains("your own merchant"), e.getMessage());
    }

    @Test
    void aPublicKeyIdWithoutItsPrefixIsRefused() {
        assertEquals("wechatPayPublicKeyId", refused(Fixtures.base().wechatPayPublicKey(text("wechat-pub.pem"),
                Fixtures.SERIAL)).setting());
    }

    @Test
    void aKeyThatDoesNotMatchTheMerchantCertificateIsRefused() {
        ConfigurationException e = refused(Fixtures.base().merchantCertificate(text("other-merchant-cert.pem"))
                .wechatPayPublicKey(text("wechat-pub.pem"), Fixtures.PUB_KEY_ID));
        assertEquals("merchantPrivateKey", e.setting());
    }

    @Test
    void aSerialThatIsNotTheCertificatesIsRefused() {
        ConfigurationException e = refused(Fixtures.base().merchantSerialNumber("ABCDEF")
                .merchantCertificate(text("merchant-cert.pem"))
                .wechatPayPublicKey(text("wechat-pub.pem"), Fixtures.PUB_KEY_ID));
        assertEquals("merchantSerialNumber", e.setting());
    }

    @Test
    void theMatchingCertificateIsAccepted() {
        Fixtures.base().merchantCertificate(text("merchant-cert.pem"))
                .wechatPayPublicKey(text("wechat-pub.pem"), Fixtures.PUB_KEY_ID).build();
    }

    @Test
    void noVerificationMaterialIsRefused() {
        assertEquals("wechatPayPublicKey", refused(Fixtures.base()).setting());
    }

    @Test
    void aShortKeyIsRefused() {
        assertEquals("merchantPrivateKey", refused(Fixtures.base().merchantPrivateKey(text("short-key.pem"))
                .platformCertificates(true)).setting());
    }

    @Test
    void aMerchantNumberMustBeDigits() {
        assertEquals("mchid", refused(Fixtures.base().mchid("19x").platformCertificates(true)).setting());
    }
}
