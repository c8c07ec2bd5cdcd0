package dev.tenderkit.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM as WeChat Pay's APIv3 uses it, against a known answer made here with the JDK's own
 * {@link Cipher}: the same bytes decrypt, and any change to key, tag, nonce or associated data is
 * refused, never turned into garbage.
 */
class AesGcmTest {
    private static final String API_V3_KEY = "0123456789abcdefABCDEF0123456789"; // 32 ASCII characters
    private static final String NONCE = "fdasflkja484";
    private static final String AAD = "certificate";
    private static final String PLAINTEXT = "{\"out_trade_no\":\"T1\",\"trade_state\":\"SUCCESS\",\"payer\":\"买家\"}";
    private static final AesGcm CIPHER = AesGcm.of("apiV3Key", API_V3_KEY.getBytes(StandardCharsets.US_ASCII));

    /** The known answer: what the JDK's AES/GCM/NoPadding makes of the plaintext, ciphertext || 16-byte tag. */
    private static byte[] knownAnswer() throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.US_ASCII), "AES"),
                new GCMParameterSpec(128, NONCE.getBytes(StandardCharsets.US_ASCII)));
        c.updateAAD(AAD.getBytes(StandardCharsets.US_ASCII));
        return c.doFinal(PLAINTEXT.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(Runnable r) {
        assertEquals(ErrorCode.DECRYPTION_FAILED, assertThrows(TenderKitException.class, r::run).code());
    }

    @Test
    void theJdksCiphertextDecryptsAndOurEncryptionMatchesIt() throws Exception {
        byte[] answer = knownAnswer();
        assertEquals(PLAINTEXT.getBytes(StandardCharsets.UTF_8).length + AesGcm.TAG_BYTES, answer.length);
        assertEquals(PLAINTEXT, CIPHER.decryptToString(NONCE, AAD, Base64.getEncoder().encodeToString(answer)));
        assertArrayEquals(answer, CIPHER.encrypt(NONCE.getBytes(StandardCharsets.US_ASCII),
                AAD.getBytes(StandardCharsets.US_ASCII), PLAINTEXT.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTamperedTagCiphertextAadNonceOrAWrongKeyIsRefused() throws Exception {
        byte[] answer = knownAnswer();
        byte[] nonce = NONCE.getBytes(StandardCharsets.US_ASCII);
        byte[] aad = AAD.getBytes(StandardCharsets.US_ASCII);
        byte[] badTag = answer.clone();
        badTag[badTag.length - 1] ^= 1;
        refused(() -> CIPHER.decrypt(nonce, aad, badTag));
        byte[] badBody = answer.clone();
        badBody[0] ^= 1;
        refused(() -> CIPHER.decrypt(nonce, aad, badBody));
        refused(() -> CIPHER.decrypt(nonce, "transaction".getBytes(StandardCharsets.US_ASCII), answer));
        refused(() -> CIPHER.decrypt("fdasflkja485".getBytes(StandardCharsets.US_ASCII), aad, answer));
        AesGcm otherKey = AesGcm.of("apiV3Key", "1123456789abcdefABCDEF0123456789".getBytes(StandardCharsets.US_ASCII));
        refused(() -> otherKey.decrypt(nonce, aad, answer));
    }

    @Test
    void aKeyThatIsNot32BytesIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AesGcm.of("apiV3Key", "short".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("apiV3Key", e.setting());
        assertEquals("AesGcm[AES-256, key hidden]", CIPHER.toString());
    }

    @Test
    void malformedInputIsNamed() {
        assertEquals("nonce", assertThrows(InvalidInputException.class,
                () -> CIPHER.decrypt(new byte[8], new byte[0], new byte[32])).field());
        assertEquals("ciphertext", assertThrows(InvalidInputException.class,
                () -> CIPHER.decrypt(new byte[12], new byte[0], new byte[15])).field());
        assertEquals("ciphertext", assertThrows(InvalidInputException.class,
                () -> CIPHER.decryptToString(NONCE, AAD, "not base64 !")).field());
    }
}
