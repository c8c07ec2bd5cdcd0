package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;

/**
 * The signature algorithm named by Alipay's {@code sign_type} parameter.
 *
 * <p>{@link #RSA2} ({@code SHA256withRSA}) is the default. {@link #SM2} ({@code SM3withSM2}, signer
 * id {@code 1234567812345678}, keys on {@code sm2p256v1}) needs BouncyCastle on the class path
 * ({@code org.bouncycastle:bcprov-jdk18on}, an optional dependency of sdk-alipay); without it,
 * choosing SM2 fails at configuration with a message that says what to add.
 */
public enum SignType {
    /** RSA with SHA-256 ({@code SHA256withRSA}): what Alipay recommends and TenderKit uses by default. */
    RSA2("SHA256withRSA"),
    /** China's SM2 with SM3 ({@code SM3withSM2}); needs {@code org.bouncycastle:bcprov-jdk18on}. */
    SM2("SM3withSM2");

    static final String BOUNCY_CASTLE_CLASS = "org.bouncycastle.jce.provider.BouncyCastleProvider";

    private final String jcaAlgorithm;

    SignType(String jcaAlgorithm) {
        this.jcaAlgorithm = jcaAlgorithm;
    }

    /** @return the JCA signature algorithm, e.g. {@code SHA256withRSA} */
    public String jcaAlgorithm() {
        return jcaAlgorithm;
    }

    /** @return the value sent as {@code sign_type} */
    public String wireName() {
        return name();
    }

    /**
     * Fails unless TenderKit can sign and verify with this type here.
     *
     * @throws ConfigurationException (setting {@code signType}) naming what to add or choose
     */
    void requireUsable() {
        requireUsable(BOUNCY_CASTLE_CLASS);
    }

    /** As {@link #requireUsable()}, looking for BouncyCastle under the given class name (tests). */
    void requireUsable(String bouncyCastleClass) {
        if (this == RSA2) {
            return;
        }
        if (!isOnClassPath(bouncyCastleClass)) {
            throw new ConfigurationException("signType",
                    "SM2 needs BouncyCastle: add org.bouncycastle:bcprov-jdk18on to your dependencies"
                            + " (sdk-alipay declares it optional), or use RSA2");
        }
    }

    static boolean isOnClassPath(String className) {
        try {
            Class.forName(className, false, SignType.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
