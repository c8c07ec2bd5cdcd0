package dev.tenderkit.testkit.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated WeChat Pay's own cryptography, written on the JDK alone and apart from sdk-wechat's
 * and sdk-core's, so that a bug in one cannot hide in the other: SHA256withRSA signatures in base64
 * over UTF-8 text, AEAD_AES_256_GCM (AES/GCM/NoPadding, 128-bit tag appended to the ciphertext,
 * nonce and associated data as UTF-8 bytes) and the random strings WeChat uses as nonces.
 * Thread-safe.
 */
final class SimulatorCrypto {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    /** @return SHA256withRSA over the UTF-8 bytes of {@code message}, base64 */
    String sign(String message, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the simulator's key", e);
        }
    }

    /** @return whether base64 {@code signature} verifies over the UTF-8 bytes of {@code message}; false if malformed */
    boolean verify(String message, String signature, PublicKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** @return AEAD_AES_256_GCM of {@code plaintext} under {@code key}: base64 of ciphertext followed by the tag */
    String encrypt(byte[] key, String nonce, String associatedData, String plaintext) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with AES-256-GCM", e);
        }
    }

    /** @return {@code length} random letters and digits */
    String nonce(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /** @return {@code length} random decimal digits */
    String digits(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
