package dev.tenderkit.wechat;

import dev.tenderkit.core.crypto.AesGcm;

/**
 * Decrypts the encrypted resources WeChat Pay sends (a callback's {@code resource}, each entry of the
 * platform-certificate list) with the key derived from the APIv3 key: {@code AEAD_AES_256_GCM} for
 * {@link SigningScheme#RSA}, {@code AEAD_SM4_GCM} for {@link SigningScheme#SM2}. Nonce and associated
 * data are UTF-8 text, the ciphertext base64 with the 16-byte tag appended. A wrong key or altered
 * data fails with a {@link dev.tenderkit.core.TenderKitException} of code
 * {@link dev.tenderkit.core.ErrorCode#DECRYPTION_FAILED}; bad base64 or a nonce that is not 12 bytes
 * with an {@link dev.tenderkit.core.InvalidInputException}. Implementations are immutable and
 * thread-safe.
 */
interface ResourceCipher {

    /** @return the {@code algorithm} value this cipher decrypts */
    String algorithm();

    /**
     * @param nonce the resource's {@code nonce}
     * @param associatedData its {@code associated_data} (empty if none)
     * @param base64CiphertextAndTag its {@code ciphertext}
     * @return the plaintext, UTF-8
     */
    String decryptToString(String nonce, String associatedData, String base64CiphertextAndTag);

    /** @return core's AES-256-GCM as {@code AEAD_AES_256_GCM} */
    static ResourceCipher aes(AesGcm cipher) {
        return new ResourceCipher() {
            @Override
            public String algorithm() {
                return SigningScheme.RSA.resourceAlgorithm();
            }

            @Override
            public String decryptToString(String nonce, String associatedData, String base64CiphertextAndTag) {
                return cipher.decryptToString(nonce, associatedData, base64CiphertextAndTag);
            }

            @Override
            public String toString() {
                return "ResourceCipher[AEAD_AES_256_GCM, key hidden]";
            }
        };
    }
}
