package dev.tenderkit.wechat;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * WeChat Pay's {@code AEAD_SM4_GCM} (国密 guide §4): SM4 in GCM mode with a 12-byte nonce and a
 * 128-bit tag appended to the ciphertext, the 128-bit key being the first half of SM3(APIv3 key),
 * since SM4 keys are 16 bytes. Runs on BouncyCastle's lightweight API (no JCA provider, nothing
 * registered); loaded only for {@link SigningScheme#SM2}. Immutable and thread-safe: a GCM engine
 * is made per call. {@code toString} never shows the key.
 */
final class Sm4Gcm implements ResourceCipher {
    static final int KEY_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private final byte[] key;

    private Sm4Gcm(byte[] key) {
        this.key = key;
    }

    /** @param apiV3Key the APIv3 key's bytes @return the cipher keyed with the first 128 bits of their SM3 */
    static Sm4Gcm fromApiV3Key(byte[] apiV3Key) {
        return new Sm4Gcm(Arrays.copyOf(sm3(apiV3Key), KEY_BYTES));
    }

    /** @param key a raw 16-byte SM4 key (known-answer tests) @return the cipher */
    static Sm4Gcm withKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an SM4 key is " + KEY_BYTES + " bytes, was " + key.length);
        }
        return new Sm4Gcm(key.clone());
    }

    /** @return SM3 of {@code data} (32 bytes) */
    static byte[] sm3(byte[] data) {
        SM3Digest d = new SM3Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public String algorithm() {
        return SigningScheme.SM2.resourceAlgorithm();
    }

    @Override
    public String decryptToString(String nonce, String associatedData, String base64CiphertextAndTag) {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(Objects.requireNonNull(base64CiphertextAndTag, "base64CiphertextAndTag"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ciphertext", "is not base64 (" + e.getMessage() + ")");
        }
        return new String(decrypt(nonce.getBytes(StandardCharsets.UTF_8),
                associatedData.getBytes(StandardCharsets.UTF_8), data), StandardCharsets.UTF_8);
    }

    /**
     * @param nonce the 12-byte nonce
     * @param associatedData the associated data
     * @param ciphertextAndTag the ciphertext with the 16-byte tag appended
     * @return the plaintext
     */
    byte[] decrypt(byte[] nonce, byte[] associatedData, byte[] ciphertextAndTag) {
        if (ciphertextAndTag.length < TAG_BITS / 8) {
            throw new InvalidInputException("ciphertext", "is " + ciphertextAndTag.length + " bytes, shorter than the "
                    + TAG_BITS / 8 + "-byte tag it must end with");
        }
        GCMModeCipher gcm = decrypting(nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(ciphertextAndTag.length)];
        int n = gcm.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new TenderKitException(ErrorCode.DECRYPTION_FAILED, "SM4-GCM tag mismatch: the key is not the one the"
                    + " data was encrypted with (check the APIv3 key), or the data, nonce or associated data were altered", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private GCMModeCipher decrypting(byte[] nonce, byte[] associatedData) {
        if (nonce.length != NONCE_BYTES) {
            throw new InvalidInputException("nonce", "is " + nonce.length + " bytes; SM4-GCM here takes a " + NONCE_BYTES
                    + "-byte nonce");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
        return gcm;
    }

    @Override
    public String toString() {
        return "ResourceCipher[AEAD_SM4_GCM, key hidden]";
    }
}
