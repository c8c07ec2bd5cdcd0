package dev.tenderkit.testkit.wechat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The simulated WeChat Pay's own 国密 cryptography, for its SM2 mode, written apart from sdk-wechat's:
 * SM2 keys generated and SM2-with-SM3 signatures made and checked with BouncyCastle's lightweight
 * {@link SM2Signer} (signer id {@code 1234567812345678}, DER), keys crossing to and from their PKCS#8 /
 * X.509 bytes; {@code AEAD_SM4_GCM} through BouncyCastle's JCA {@code SM4/GCM/NoPadding} and {@code SM3}
 * objects (the adapter uses the lightweight GCM engine and digest, and JCA signatures: the other way
 * round). BouncyCastle is used as an object, never registered. The only class of the testkit that
 * names it; loaded only by SM2 key material. Thread-safe.
 */
final class SimulatorShangMi {
    private static final byte[] SIGNER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final int SM4_KEY_BYTES = 16;

    private final Provider bc = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();

    /** @return a new SM2 key pair on sm2p256v1, as JCA keys (BouncyCastle's classes) */
    KeyPair generate() {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1,
                GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1)), random));
        AsymmetricCipherKeyPair pair = g.generateKeyPair();
        try {
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded();
            KeyFactory f = KeyFactory.getInstance("EC", bc);
            return new KeyPair(f.generatePublic(new X509EncodedKeySpec(spki)), f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a generated SM2 key", e);
        }
    }

    /** @return SM2-with-SM3 over {@code data}, DER */
    byte[] signBytes(byte[] data, PrivateKey key) {
        try {
            SM2Signer s = new SM2Signer();
            s.init(true, new ParametersWithID(new ParametersWithRandom(PrivateKeyFactory.createKey(key.getEncoded()),
                    random), SIGNER_ID));
            s.update(data, 0, data.length);
            return s.generateSignature();
        } catch (IOException | CryptoException e) {
            throw new IllegalStateException("cannot sign with the simulator's SM2 key", e);
        }
    }

    /** @return SM2-with-SM3 over the UTF-8 bytes of {@code message}, base64 */
    String sign(String message, PrivateKey key) {
        return Base64.getEncoder().encodeToString(signBytes(message.getBytes(StandardCharsets.UTF_8), key));
    }

    /** @return whether base64 {@code signature} is an SM2 signature over the UTF-8 bytes of {@code message}; false if malformed */
    boolean verify(String message, String signature, PublicKey key) {
        try {
            SM2Signer s = new SM2Signer();
            s.init(false, new ParametersWithID(PublicKeyFactory.createKey(key.getEncoded()), SIGNER_ID));
            byte[] m = message.getBytes(StandardCharsets.UTF_8);
            s.update(m, 0, m.length);
            return s.verifySignature(Base64.getDecoder().decode(signature));
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return false; // not base64, not DER, or not an SM2 key at all
        }
    }

    /** @return AEAD_SM4_GCM of {@code plaintext}: key the first 16 bytes of SM3(apiV3Key), base64 of ciphertext and tag */
    String encrypt(byte[] apiV3Key, String nonce, String associatedData, String plaintext) {
        try {
            byte[] key = Arrays.copyOf(MessageDigest.getInstance("SM3", bc).digest(apiV3Key), SM4_KEY_BYTES);
            return SimulatorCrypto.gcm(Cipher.getInstance("SM4/GCM/NoPadding", bc), new SecretKeySpec(key, "SM4"), nonce,
                    associatedData, plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with SM4-GCM", e);
        }
    }

    /** @return an X.509 factory that reads SM2 certificates and hands out their keys */
    CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509", bc);
        } catch (CertificateException e) {
            throw new IllegalStateException("BouncyCastle offers no X.509 factory", e);
        }
    }
}
