package dev.tenderkit.testkit.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated WeChat Pay's own cryptography, written on the JDK alone and apart from sdk-wechat's
 * and sdk-core's, so that a bug in one cannot hide in the other: SHA256withRSA signatures in base64
 * over UTF-8 text, AEAD_AES_256_GCM (AES/GCM/NoPadding, 128-bit tag appended to the ciphertext,
 * nonce and associated data as UTF-8 bytes) and the random strings WeChat uses as nonces. In SM2
 * mode (SM2 key material) signatures are SM2 with SM3 and resources AEAD_SM4_GCM, by
 * {@link SimulatorShangMi}. Thread-safe.
 */
final class SimulatorCrypto {
    static final String RSA_SCHEME = "WECHATPAY2-SHA256-RSA2048";
    static final String SM2_SCHEME = "WECHATPAY2-SM2-WITH-SM3";

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Optional<SimulatorShangMi> sm;

    /** RSA mode. */
    SimulatorCrypto() {
        this.sm = Optional.empty();
    }

    /** SM2 mode, on the simulator's own 国密 code. */
    SimulatorCrypto(SimulatorShangMi sm) {
        this.sm = Optional.of(sm);
    }

    /** @return the Authorization scheme requests must use and answers announce as Wechatpay-Signature-Type */
    String scheme() {
        return sm.isPresent() ? SM2_SCHEME : RSA_SCHEME;
    }

    /** @return the algorithm of encrypted resources (callbacks, certificates) */
    String resourceAlgorithm() {
        return sm.isPresent() ? "AEAD_SM4_GCM" : "AEAD_AES_256_GCM";
    }

    /** @return the algorithm_type the certificate download serves */
    String certificateType() {
        return sm.isPresent() ? "SM2" : "RSA";
    }

    /** @return SHA256withRSA (SM2 mode: SM2 with SM3) over the UTF-8 bytes of {@code message}, base64 */
    String sign(String message, PrivateKey key) {
        if (sm.isPresent()) {
            return sm.get().sign(message, key);
        }
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
        if (sm.isPresent()) {
            return sm.get().verify(message, signature, key);
        }
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * @return AEAD_AES_256_GCM (SM2 mode: AEAD_SM4_GCM) of {@code plaintext} under the APIv3 key: base64 of
     *     ciphertext followed by the tag
     */
    String encrypt(byte[] key, String nonce, String associatedData, String plaintext) {
        if (sm.isPresent()) {
            return sm.get().encrypt(key, nonce, associatedData, plaintext);
        }
        try {
            return gcm(Cipher.getInstance("AES/GCM/NoPadding"), new SecretKeySpec(key, "AES"), nonce, associatedData,
                    plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with AES-256-GCM", e);
        }
    }

    /** @return {@code plaintext} sealed by a GCM cipher: nonce and associated data UTF-8, 128-bit tag appended, base64 */
    static String gcm(Cipher c, SecretKeySpec key, String nonce, String associatedData, String plaintext)
            throws GeneralSecurityException {
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
        c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
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
