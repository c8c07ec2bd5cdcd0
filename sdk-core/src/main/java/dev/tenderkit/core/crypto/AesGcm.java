package dev.tenderkit.core.crypto;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 12-byte nonce, associated data and a 16-byte tag appended to the ciphertext —
 * WeChat Pay's {@code AEAD_AES_256_GCM}, with which its APIv3 key decrypts notifications and platform
 * certificates.
 *
 * <p>A wrong key, or an altered ciphertext, tag, nonce or associated data, is refused with a
 * {@link TenderKitException} of code {@link ErrorCode#DECRYPTION_FAILED}: never garbage plaintext.
 * Immutable and thread-safe (a {@link Cipher} is made per call); {@code toString} never shows the key.
 */
public final class AesGcm {
    /** Key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;
    /** Nonce length in bytes. */
    public static final int NONCE_BYTES = 12;
    /** Tag length in bytes, appended to the ciphertext. */
    public static final int TAG_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;

    private AesGcm(SecretKeySpec key) {
        this.key = key;
    }

    /**
     * @param setting the builder setting the key came from, for messages
     * @param key the 32-byte key (WeChat Pay's APIv3 key is 32 ASCII characters: pass their bytes)
     * @return the cipher
     * @throws ConfigurationException if the key is not 32 bytes
     */
    public static AesGcm of(String setting, byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new ConfigurationException(setting, "is " + key.length + " bytes; AES-256-GCM needs a key of exactly "
                    + KEY_BYTES + " bytes (WeChat Pay's APIv3 key is the 32-character key set on the merchant platform)");
        }
        return new AesGcm(new SecretKeySpec(key, "AES"));
    }

    /**
     * @param nonce the 12-byte nonce, never reused with this key
     * @param associatedData authenticated but not encrypted
     * @param plaintext the data
     * @return the ciphertext with the 16-byte tag appended
     */
    public byte[] encrypt(byte[] nonce, byte[] associatedData, byte[] plaintext) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, nonce, associatedData).doFinal(Objects.requireNonNull(plaintext, "plaintext"));
        } catch (GeneralSecurityException e) {
            throw new TenderKitException(ErrorCode.EXTENSION_FAILURE, "AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param nonce the 12-byte nonce it was encrypted with
     * @param associatedData the associated data it was encrypted with
     * @param ciphertextAndTag the ciphertext with the 16-byte tag appended
     * @return the plaintext
     * @throws TenderKitException {@link ErrorCode#DECRYPTION_FAILED} if the tag does not match
     * @throws InvalidInputException if the nonce is not 12 bytes or the data is shorter than a tag
     */
    public byte[] decrypt(byte[] nonce, byte[] associatedData, byte[] ciphertextAndTag) {
        Objects.requireNonNull(ciphertextAndTag, "ciphertextAndTag");
        if (ciphertextAndTag.length < TAG_BYTES) {
            throw new InvalidInputException("ciphertext", "is " + ciphertextAndTag.length + " bytes, shorter than the "
                    + TAG_BYTES + "-byte tag it must end with");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, nonce, associatedData).doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw new TenderKitException(ErrorCode.DECRYPTION_FAILED, "AES-GCM tag mismatch: the key is not the one the"
                    + " data was encrypted with (check the APIv3 key), or the data, nonce or associated data were altered", e);
        } catch (GeneralSecurityException e) {
            throw new TenderKitException(ErrorCode.EXTENSION_FAILURE, "AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts in the shape WeChat Pay sends: nonce and associated data as text, the ciphertext
     * (with tag) as base64, the plaintext UTF-8.
     *
     * @param nonce the nonce, 12 characters of UTF-8
     * @param associatedData the associated data, UTF-8 (empty if none)
     * @param base64CiphertextAndTag the base64 of ciphertext and tag
     * @return the plaintext
     * @throws TenderKitException {@link ErrorCode#DECRYPTION_FAILED} if the tag does not match
     * @throws InvalidInputException if the ciphertext is not base64 or the nonce not 12 bytes
     */
    public String decryptToString(String nonce, String associatedData, String base64CiphertextAndTag) {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(Objects.requireNonNull(base64CiphertextAndTag, "base64CiphertextAndTag"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ciphertext", "is not base64 (" + e.getMessage() + ")");
        }
        return new String(decrypt(nonce.getBytes(StandardCharsets.UTF_8), associatedData.getBytes(StandardCharsets.UTF_8),
                data), StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(associatedData, "associatedData");
        if (nonce.length != NONCE_BYTES) {
            throw new InvalidInputException("nonce", "is " + nonce.length + " bytes; AES-GCM here takes a "
                    + NONCE_BYTES + "-byte nonce");
        }
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        c.updateAAD(associatedData);
        return c;
    }

    @Override
    public String toString() {
        return "AesGcm[AES-256, key hidden]";
    }
}
