package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.crypto.Certificates;
import dev.tenderkit.core.crypto.KeyForm;
import dev.tenderkit.core.crypto.PemBlock;
import dev.tenderkit.core.crypto.PemText;
import dev.tenderkit.core.crypto.PrivateKeys;
import dev.tenderkit.core.crypto.PublicKeys;
import dev.tenderkit.core.crypto.RsaKeySize;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Parses the keys and certificates a merchant downloads from Alipay's open platform, in the forms
 * they actually arrive in: PEM or bare base64 (the one-line form Alipay's key tool shows), private
 * keys in PKCS#8 or PKCS#1 (Alipay's key tool writes both, so a PKCS#1 key is wrapped into PKCS#8).
 *
 * <p>The parsing itself is core's ({@link dev.tenderkit.core.crypto}); what is Alipay's lives here:
 * the names of the keys in messages, SM2 keys and certificates (on BouncyCastle), and which root
 * certificates the root SN leaves out. Every failure is a {@link ConfigurationException} naming the
 * setting and saying what to do. RSA keys (and the keys of RSA certificates) shorter than 2048 bits
 * are refused: RSA2 requires 2048 bits or more. Keys are parsed once, when credentials are built;
 * nothing here is used per call. Stateless and thread-safe.
 */
public final class AlipayKeys {
    private static final String APP_PRIVATE_KEY = "the app private key (应用私钥) you generated with Alipay's key tool";
    private static final String ALIPAY_PUBLIC_KEY = "the Alipay public key (支付宝公钥)";
    private static final String CERTIFICATE_FILE = "the certificate file's content (.crt, PEM) downloaded from the open"
            + " platform";
    private static final String RSA2_REQUIRES = "Alipay's RSA2 (SHA256withRSA)";

    private AlipayKeys() {
    }

    /**
     * Parses the app private key for a sign type: RSA for {@link SignType#RSA2} (PKCS#8 or PKCS#1), an
     * SM2 key in PKCS#8 for {@link SignType#SM2}.
     *
     * @param setting the builder setting, for messages
     * @param text PEM or bare base64
     * @param type the sign type the key is for
     * @return the key
     * @throws ConfigurationException if it is not a private key of that type, saying what it is instead,
     *     or an RSA key shorter than 2048 bits
     */
    public static PrivateKey parsePrivateKey(String setting, String text, SignType type) {
        if (type == SignType.RSA2) {
            return parseRsaPrivateKey(setting, text);
        }
        type.requireUsable();
        PemBlock pem = PemText.decode(setting, text, APP_PRIVATE_KEY);
        KeyForm form = KeyForm.of(pem);
        if (!form.isPrivate()) {
            throw new ConfigurationException(setting, "this is " + form.description() + ", not a private key; paste the"
                    + " app private key (应用私钥)");
        }
        if (form == KeyForm.SEC1_EC_PRIVATE_KEY) {
            throw new ConfigurationException(setting, "is an SEC1 EC key (BEGIN EC PRIVATE KEY); SM2 needs PKCS#8:"
                    + " convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem` and paste the result");
        }
        if (!isEc(pem)) {
            throw new ConfigurationException(setting, "is not an EC (SM2) private key; with signType SM2 paste the SM2"
                    + " app private key, or use signType RSA2 for an RSA key");
        }
        return Sm2Support.privateKey(setting, pem.der());
    }

    /**
     * Parses the Alipay public key for a sign type (X.509 SubjectPublicKeyInfo).
     *
     * @param setting the builder setting, for messages
     * @param text PEM or bare base64
     * @param type the sign type the key is for
     * @return the key
     * @throws ConfigurationException if it is not a public key of that type, or an RSA key shorter than
     *     2048 bits
     */
    public static PublicKey parsePublicKey(String setting, String text, SignType type) {
        if (type == SignType.RSA2) {
            return parseRsaPublicKey(setting, text);
        }
        type.requireUsable();
        PemBlock pem = decodePublicKey(setting, text);
        if (!isEc(pem)) {
            throw new ConfigurationException(setting, "is not an EC (SM2) public key; with signType SM2 paste Alipay's"
                    + " SM2 public key, or use signType RSA2 for an RSA key");
        }
        return Sm2Support.publicKey(setting, pem.der());
    }

    /**
     * The public key of a certificate, as a key the sign type's signatures accept.
     *
     * @param setting the builder setting, for messages
     * @param cert the certificate
     * @param type the sign type
     * @return its public key
     * @throws ConfigurationException if the certificate holds a key of another kind, or an RSA key
     *     shorter than 2048 bits
     */
    static PublicKey certificateKey(String setting, X509Certificate cert, SignType type) {
        PublicKey key = cert.getPublicKey();
        String expected = type == SignType.RSA2 ? "RSA" : "EC";
        if (!key.getAlgorithm().equals(expected)) {
            throw new ConfigurationException(setting, "holds a " + key.getAlgorithm() + " key, but signType is " + type
                    + " (needs " + (type == SignType.RSA2 ? "an RSA" : "an SM2") + " key); use the certificates issued"
                    + " for " + type + " or change signType");
        }
        if (type == SignType.RSA2) {
            return rsa2(setting, key, "use the certificates issued for RSA2 on the open platform"
                    + " (appCertPublicKey_<APPID>.crt, alipayCertPublicKey_RSA2.crt), for a 2048-bit key pair");
        }
        return Sm2Support.publicKey(setting, key.getEncoded());
    }

    /**
     * Parses an RSA private key.
     *
     * @param setting the builder setting, for messages
     * @param text PEM ({@code BEGIN PRIVATE KEY} or {@code BEGIN RSA PRIVATE KEY}) or bare base64 of
     *     PKCS#8 or PKCS#1 DER
     * @return the key
     * @throws ConfigurationException if it is not an RSA private key, saying what it looks like instead,
     *     or if it is shorter than 2048 bits
     */
    public static PrivateKey parseRsaPrivateKey(String setting, String text) {
        PemBlock pem = PemText.decode(setting, text, APP_PRIVATE_KEY);
        if (KeyForm.of(pem).isPrivate() && isEc(pem)) {
            throw new ConfigurationException(setting, "is an EC (SM2) private key, not RSA; set signType SM2 (with"
                    + " BouncyCastle), or paste the RSA2 app private key");
        }
        PrivateKey key = PrivateKeys.rsa(setting, pem, APP_PRIVATE_KEY, PrivateKeys.Accepted.PKCS8_OR_PKCS1);
        return rsa2(setting, key, "generate a 2048-bit key pair with Alipay's key tool (密钥工具),"
                + " upload its app public key on the open platform and paste the new app private key");
    }

    /**
     * Parses an RSA public key in X.509 SubjectPublicKeyInfo form (what Alipay shows as 支付宝公钥).
     *
     * @param setting the builder setting, for messages
     * @param text PEM ({@code BEGIN PUBLIC KEY}) or bare base64
     * @return the key
     * @throws ConfigurationException if it is a private key, a certificate or not a key, or an RSA key
     *     shorter than 2048 bits
     */
    public static PublicKey parseRsaPublicKey(String setting, String text) {
        PemBlock pem = decodePublicKey(setting, text);
        if (isEc(pem)) {
            throw new ConfigurationException(setting, "is an EC (SM2) public key, not RSA; set signType SM2 (with"
                    + " BouncyCastle), or paste the RSA2 Alipay public key");
        }
        return rsa2(setting, PublicKeys.rsa(setting, pem, ALIPAY_PUBLIC_KEY), "a shorter key is not an RSA2 key (the old"
                + " RSA sign type used 1024 bits); paste the Alipay public key (支付宝公钥) shown for the RSA2 key on the"
                + " open platform");
    }

    /** Decodes the Alipay public key's PEM or base64, refusing private keys and certificates in Alipay's words. */
    private static PemBlock decodePublicKey(String setting, String text) {
        PemBlock pem = PemText.decode(setting, text, ALIPAY_PUBLIC_KEY);
        KeyForm form = KeyForm.of(pem);
        if (form.isPrivate()) {
            throw new ConfigurationException(setting, "this is a private key; configure the Alipay public key (支付宝公钥)"
                    + " shown on the open platform, never a private key");
        }
        if (form == KeyForm.CERTIFICATE) {
            throw new ConfigurationException(setting, "this is a certificate; use certificate mode (alipayCertificate)"
                    + " or paste the Alipay public key (支付宝公钥) instead");
        }
        return pem;
    }

    private static boolean isEc(PemBlock pem) {
        return KeyForm.keyAlgorithm(pem).filter("EC"::equals).isPresent();
    }

    private static <K extends Key> K rsa2(String setting, K key, String remedy) {
        return RsaKeySize.requireMinimum(setting, key, RSA2_REQUIRES, remedy);
    }

    /**
     * Parses one X.509 certificate (PEM or base64 DER).
     *
     * @param setting the builder setting, for messages
     * @param text the certificate
     * @return it
     * @throws ConfigurationException if the text holds no certificate
     */
    public static X509Certificate parseCertificate(String setting, String text) {
        return parseCertificate(setting, text, SignType.RSA2);
    }

    /**
     * As {@link #parseCertificate(String, String)} for a sign type.
     *
     * @param setting the builder setting, for messages
     * @param text the certificate
     * @param type the sign type
     * @return it
     */
    public static X509Certificate parseCertificate(String setting, String text, SignType type) {
        return Certificates.one(setting, parseCertificates(setting, text, type));
    }

    /**
     * Parses every certificate in a PEM bundle (Alipay's root certificate file holds several).
     *
     * @param setting the builder setting, for messages
     * @param text one or more PEM certificates, or one base64 DER certificate
     * @return them, in file order
     * @throws ConfigurationException if the text holds no certificate
     */
    public static List<X509Certificate> parseCertificates(String setting, String text) {
        return parseCertificates(setting, text, SignType.RSA2);
    }

    /**
     * As {@link #parseCertificates(String, String)}, reading SM2 certificates with BouncyCastle when
     * the sign type is SM2.
     *
     * @param setting the builder setting, for messages
     * @param text one or more PEM certificates, or one base64 DER certificate
     * @param type the sign type
     * @return them, in file order
     */
    public static List<X509Certificate> parseCertificates(String setting, String text, SignType type) {
        return readCertificates(setting, text, type, false);
    }

    /**
     * Parses Alipay's root certificate file for the root SN: as {@link #parseCertificates(String,
     * String, SignType)}, except that a certificate this platform cannot read is left out when its
     * signature algorithm is one the root SN skips anyway — the real {@code alipayRootCert.crt}
     * holds an SM2 certificate, which the JDK alone cannot parse, next to the RSA ones RSA2 needs.
     *
     * @param setting the builder setting, for messages
     * @param text the root certificate file
     * @param type the sign type
     * @return the readable certificates, in file order
     */
    static List<X509Certificate> parseRootBundle(String setting, String text, SignType type) {
        return readCertificates(setting, text, type, true);
    }

    private static List<X509Certificate> readCertificates(String setting, String text, SignType type, boolean rootBundle) {
        type.requireUsable();
        CertificateFactory factory;
        try {
            factory = type == SignType.SM2 ? Sm2Support.certificateFactory() : CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new ConfigurationException(setting, "no X.509 certificate factory here (" + e.getMessage() + ")");
        }
        return Certificates.all(setting, text, CERTIFICATE_FILE, factory, new Certificates.Unreadable() {
            @Override
            public boolean skip(String oid) {
                return rootBundle && oid != null && !AlipayCertSn.countsInRoot(oid, type);
            }

            @Override
            public String hint(String oid) {
                return type == SignType.RSA2 && oid != null && oid.startsWith("1.2.156.")
                        ? "; it is an SM2 certificate: use signType SM2 with BouncyCastle" : "";
            }
        });
    }
}
