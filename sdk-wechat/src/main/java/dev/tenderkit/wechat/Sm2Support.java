package dev.tenderkit.wechat;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.crypto.Certificates;
import dev.tenderkit.core.crypto.SignatureSource;
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
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECPoint;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 for WeChat Pay's 国密 scheme through BouncyCastle's JCA classes, used as an object (never
 * registered in {@link java.security.Security}, so the embedding application's provider list is left
 * as it was): keys are PKCS#8 / X.509 EC keys on {@code sm2p256v1}, signatures {@code SM3withSM2} with
 * the signer id {@code 1234567812345678} in DER (RS_ASN1), certificates read by BouncyCastle's X.509
 * factory (the JDK parses SM2 certificates but cannot hand out their keys).
 *
 * <p>With {@link Sm4Gcm}, the only classes that name BouncyCastle; loaded only when
 * {@link SigningScheme#SM2} is chosen, after {@link SigningScheme#requireUsable()} found it.
 */
final class Sm2Support {
    /** The signer id of WeChat Pay's SM2 signatures (GM/T 0009's default user id). */
    static final String SIGNER_ID = "1234567812345678";

    /** The order n of sm2p256v1 (GB/T 32918.5): what tells an SM2 key from other EC keys. */
    private static final BigInteger SM2_ORDER =
            new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Sm2Support() {
    }

    /**
     * @param provider the user's provider; empty for BouncyCastle
     * @return a source of {@code SM3withSM2} signatures with WeChat Pay's signer id set
     */
    static SignatureSource signatures(Optional<Provider> provider) {
        return new SignatureSource() {
            @Override
            public Signature newSignature() {
                Provider on = provider.orElse(BOUNCY_CASTLE);
                Signature s;
                try {
                    s = Signature.getInstance(SigningScheme.SM2.jcaAlgorithm(), on);
                } catch (NoSuchAlgorithmException e) {
                    throw new ConfigurationException("provider", on.getName() + " offers no "
                            + SigningScheme.SM2.jcaAlgorithm() + "; choose a provider that does, or none (BouncyCastle)");
                }
                try {
                    s.setParameter(new SM2ParameterSpec(SIGNER_ID.getBytes(StandardCharsets.US_ASCII)));
                } catch (InvalidAlgorithmParameterException e) {
                    throw new ConfigurationException("provider", on.getName() + "'s SM3withSM2 does not take the signer id"
                            + " WeChat Pay signs with (BouncyCastle's SM2ParameterSpec); choose none for BouncyCastle");
                }
                return s;
            }

            @Override
            public Optional<Provider> provider() {
                return provider; // keys are BouncyCastle's already: translated only for a provider the user chose
            }
        };
    }

    /** A key parse on BouncyCastle's EC key factory. */
    @FunctionalInterface
    private interface Parse<K extends Key> {
        K from(KeyFactory factory) throws GeneralSecurityException;
    }

    /** @return the PKCS#8 bytes as an SM2 private key */
    static PrivateKey privateKey(String setting, byte[] pkcs8, String what) {
        return parse(setting, "private", what, f -> f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
    }

    /** @return the X.509 SubjectPublicKeyInfo bytes as an SM2 public key */
    static PublicKey publicKey(String setting, byte[] spki, String what) {
        return parse(setting, "public", what, f -> f.generatePublic(new X509EncodedKeySpec(spki)));
    }

    private static <K extends Key> K parse(String setting, String half, String what, Parse<K> parse) {
        try {
            return requireSm2(setting, parse.from(KeyFactory.getInstance("EC", BOUNCY_CASTLE)), half, what);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException(setting, "is not a valid SM2 " + half + " key (" + e.getMessage()
                    + "); paste " + what);
        }
    }

    /** @return the one SM2 certificate in the text, read by BouncyCastle, its key checked to be SM2 */
    static X509Certificate certificate(String setting, String text, String what) {
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509", BOUNCY_CASTLE);
        } catch (CertificateException e) {
            throw new ConfigurationException(setting, "BouncyCastle offers no X.509 certificate factory ("
                    + e.getMessage() + ")");
        }
        X509Certificate cert = Certificates.one(setting, Certificates.all(setting, text, what, factory,
                Certificates.Unreadable.REFUSE));
        requireSm2(setting, cert.getPublicKey(), "certificate's", what);
        return cert;
    }

    /** @return the public point of an SM2 private key: to tell the merchant's own key when it turns up */
    static ECPoint publicPoint(PrivateKey key) {
        ECPrivateKey k = (ECPrivateKey) key;
        org.bouncycastle.math.ec.ECPoint q = k.getParameters().getG().multiply(k.getD()).normalize();
        return new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    }

    private static <K extends Key> K requireSm2(String setting, K key, String half, String what) {
        if (!(key instanceof ECKey ec) || !ec.getParams().getOrder().equals(SM2_ORDER)) {
            throw new ConfigurationException(setting, "holds " + (key instanceof ECKey ? "an EC " + half + " key on"
                    + " another curve" : "a " + key.getAlgorithm() + " " + half + " key") + ", not SM2 (sm2p256v1); paste "
                    + what + " issued for 国密 (SM2)");
        }
        return key;
    }
}
