package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 ({@code SM3withSM2}) through BouncyCastle, as Alipay's own SDK does it (alipay.md §1): keys
 * are PKCS#8 / X.509 EC keys on the curve {@code sm2p256v1}, signatures are DER-encoded (r, s) over
 * SM3 with the signer id {@code 1234567812345678} (GM/T 0009's default).
 *
 * <p>This is the only class that names BouncyCastle; it is loaded only when a caller chooses
 * {@link SignType#SM2}, after {@link SignType#requireUsable()} has checked that BouncyCastle is on
 * the class path. BouncyCastle is used as an object, never registered in {@link java.security.Security}:
 * TenderKit does not change the JVM-wide provider list of the application it is embedded in.
 */
final class Sm2Support {
    /** The signer id Alipay uses (GM/T 0009-2012's default user id). */
    static final String USER_ID = "1234567812345678";

    /** The curve OID of sm2p256v1 (GB/T 32918), inside SM2 keys' AlgorithmIdentifier. */
    static final String CURVE_OID = "1.2.156.10197.1.301";

    /** The order n of sm2p256v1 (GB/T 32918.5), to tell an SM2 key from another EC key. */
    private static final BigInteger SM2_ORDER =
            new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Sm2Support() {
    }

    /** @return the provider SM2 runs on when the user chose none */
    static Provider defaultProvider() {
        return BOUNCY_CASTLE;
    }

    /**
     * A {@code SM3withSM2} signature object with Alipay's signer id set.
     *
     * @param provider the user's provider, or null for BouncyCastle
     */
    static Signature newSignature(Provider provider) {
        Provider on = provider == null ? BOUNCY_CASTLE : provider;
        Signature s;
        try {
            s = Signature.getInstance(SignType.SM2.jcaAlgorithm(), on);
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigurationException("provider", on.getName() + " offer no " + SignType.SM2.jcaAlgorithm()
                    + "; choose a provider that does");
        }
        try {
            s.setParameter(new SM2ParameterSpec(USER_ID.getBytes(StandardCharsets.US_ASCII)));
        } catch (InvalidAlgorithmParameterException e) {
            throw new ConfigurationException("provider", s.getProvider().getName() + "'s SM3withSM2 does not take"
                    + " BouncyCastle's SM2ParameterSpec (the signer id Alipay needs); use BouncyCastle for SM2");
        }
        return s;
    }

    /** Parses a PKCS#8 SM2 private key. */
    static PrivateKey privateKey(String setting, byte[] pkcs8) {
        try {
            return requireSm2(setting, KeyFactory.getInstance("EC", BOUNCY_CASTLE)
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8)), "private");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException(setting, "is not a valid SM2 private key (" + e.getMessage()
                    + "); paste the app private key (应用私钥) in PKCS#8, PEM or base64, generated for SM2");
        }
    }

    /** Parses an X.509 SubjectPublicKeyInfo SM2 public key. */
    static PublicKey publicKey(String setting, byte[] spki) {
        try {
            return requireSm2(setting, KeyFactory.getInstance("EC", BOUNCY_CASTLE)
                    .generatePublic(new X509EncodedKeySpec(spki)), "public");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException(setting, "is not a valid SM2 public key (" + e.getMessage()
                    + "); paste the Alipay public key (支付宝公钥) for SM2 as X.509 (BEGIN PUBLIC KEY or its base64)");
        }
    }

    private static <K extends Key> K requireSm2(String setting, K key, String half) {
        if (!(key instanceof ECKey ec) || !ec.getParams().getOrder().equals(SM2_ORDER)) {
            throw new ConfigurationException(setting, "is an EC " + half + " key on another curve, not SM2 (sm2p256v1);"
                    + " SM2 needs keys generated for SM2 (Alipay's key tool, SM2 option)");
        }
        return key;
    }

    /**
     * A certificate factory that reads SM2 certificates (the JDK's can parse them but not hand out
     * their sm2p256v1 public keys).
     */
    static CertificateFactory certificateFactory() throws CertificateException {
        return CertificateFactory.getInstance("X.509", BOUNCY_CASTLE);
    }
}
