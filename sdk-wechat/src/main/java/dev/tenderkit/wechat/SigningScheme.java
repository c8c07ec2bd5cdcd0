package dev.tenderkit.wechat;

import dev.tenderkit.core.ConfigurationException;

/**
 * Which of WeChat Pay APIv3's two algorithm suites a merchant's credentials use. Each names the
 * {@code Authorization} scheme of requests (also the {@code Wechatpay-Signature-Type} of answers),
 * the signature, and the {@code algorithm} of the encrypted resources in callbacks and in the
 * platform-certificate list (wechatpay.md §1 and the 国密 guide).
 *
 * <p>{@link #RSA} is the default and needs nothing beyond the JDK. {@link #SM2} (国密: SM2 with SM3,
 * signer id {@code 1234567812345678}, DER-encoded signatures; {@code AEAD_SM4_GCM} with the first 128
 * bits of SM3(APIv3 key)) needs BouncyCastle ({@code org.bouncycastle:bcprov-jdk18on}, an optional
 * dependency of sdk-wechat) and keys issued for SM2; without BouncyCastle, building SM2 credentials
 * fails with a {@link ConfigurationException} saying what to add.
 */
public enum SigningScheme {
    /** {@code WECHATPAY2-SHA256-RSA2048}: SHA256withRSA, resources in {@code AEAD_AES_256_GCM}. */
    RSA("WECHATPAY2-SHA256-RSA2048", "SHA256withRSA", "AEAD_AES_256_GCM", "RSA"),
    /** {@code WECHATPAY2-SM2-WITH-SM3}: SM2 with SM3, resources in {@code AEAD_SM4_GCM}; needs BouncyCastle. */
    SM2("WECHATPAY2-SM2-WITH-SM3", "SM3withSM2", "AEAD_SM4_GCM", "SM2");

    static final String BOUNCY_CASTLE_CLASS = "org.bouncycastle.jce.provider.BouncyCastleProvider";

    private final String authorization;
    private final String jcaAlgorithm;
    private final String resourceAlgorithm;
    private final String certificateType;

    SigningScheme(String authorization, String jcaAlgorithm, String resourceAlgorithm, String certificateType) {
        this.authorization = authorization;
        this.jcaAlgorithm = jcaAlgorithm;
        this.resourceAlgorithm = resourceAlgorithm;
        this.certificateType = certificateType;
    }

    /** @return the {@code Authorization} scheme and the expected {@code Wechatpay-Signature-Type} */
    public String authorizationScheme() {
        return authorization;
    }

    /** @return the JCA signature algorithm, e.g. {@code SHA256withRSA} */
    public String jcaAlgorithm() {
        return jcaAlgorithm;
    }

    /** @return the {@code algorithm} of encrypted resources (callbacks, platform certificates) */
    public String resourceAlgorithm() {
        return resourceAlgorithm;
    }

    /** @return the {@code algorithm_type} asked of {@code GET /v3/certificates} */
    String certificateType() {
        return certificateType;
    }

    /** @return the scheme whose resources carry {@code algorithm}, if one does */
    static java.util.Optional<SigningScheme> forResourceAlgorithm(String algorithm) {
        for (SigningScheme s : values()) {
            if (s.resourceAlgorithm.equals(algorithm)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Fails unless TenderKit can sign, verify and decrypt with this scheme here.
     *
     * @throws ConfigurationException (setting {@code signingScheme}) naming what to add
     */
    void requireUsable() {
        requireUsable(BOUNCY_CASTLE_CLASS);
    }

    /** As {@link #requireUsable()}, looking for BouncyCastle under the given class name. */
    void requireUsable(String bouncyCastleClass) {
        if (this == RSA) {
            return;
        }
        try {
            Class.forName(bouncyCastleClass, false, SigningScheme.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException("signingScheme", "SM2 (WECHATPAY2-SM2-WITH-SM3, AEAD_SM4_GCM) needs "
                    + "BouncyCastle: add org.bouncycastle:bcprov-jdk18on to your dependencies (sdk-wechat declares it "
                    + "optional), or use SigningScheme.RSA");
        }
    }
}
