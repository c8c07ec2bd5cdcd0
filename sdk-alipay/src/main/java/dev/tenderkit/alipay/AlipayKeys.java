package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses the keys and certificates a merchant downloads from Alipay's open platform, in the forms
 * they actually arrive in: PEM or bare base64 (the one-line form Alipay's key tool shows), private
 * keys in PKCS#8 or PKCS#1 (a PKCS#1 key is wrapped into PKCS#8 here, without BouncyCastle).
 *
 * <p>Every failure is a {@link ConfigurationException} naming the setting and saying what to do.
 * RSA keys (and the keys of RSA certificates) shorter than 2048 bits are refused: RSA2 requires
 * 2048 bits or more.
 * Keys are parsed once, when credentials are built; nothing here is used per call.
 */
public final class AlipayKeys {
    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    /** DER of the OID id-ecPublicKey (1.2.840.10045.2.1): an EC key, such as an SM2 key. */
    private static final byte[] EC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

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
        Pem pem = decode(setting, text, "the app private key");
        if (pem.label.contains("CERTIFICATE") || pem.label.contains("PUBLIC")) {
            throw new ConfigurationException(setting, "this is a " + pem.label.toLowerCase(Locale.ROOT)
                    + ", not a private key; paste the app private key (应用私钥)");
        }
        if (pem.label.equals("EC PRIVATE KEY")) {
            throw new ConfigurationException(setting, "is an SEC1 EC key (BEGIN EC PRIVATE KEY); SM2 needs PKCS#8:"
                    + " convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem` and paste the result");
        }
        if (pem.label.equals("RSA PRIVATE KEY") || !contains(pem.der, EC_KEY_OID)) {
            throw new ConfigurationException(setting, "is not an EC (SM2) private key; with signType SM2 paste the SM2"
                    + " app private key, or use signType RSA2 for an RSA key");
        }
        return Sm2Support.privateKey(setting, pem.der);
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
        Pem pem = decodePublicKey(setting, text);
        if (!contains(pem.der, EC_KEY_OID)) {
            throw new ConfigurationException(setting, "is not an EC (SM2) public key; with signType SM2 paste Alipay's"
                    + " SM2 public key, or use signType RSA2 for an RSA key");
        }
        return Sm2Support.publicKey(setting, pem.der);
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
            return RsaKeySize.require(setting, key, "use the certificates issued for RSA2 on the open platform"
                    + " (appCertPublicKey_<APPID>.crt, alipayCertPublicKey_RSA2.crt), for a 2048-bit key pair");
        }
        return Sm2Support.publicKey(setting, key.getEncoded());
    }

    /** Decodes the Alipay public key's PEM or base64, refusing private keys and certificates by their label. */
    private static Pem decodePublicKey(String setting, String text) {
        Pem pem = decode(setting, text, "the Alipay public key");
        if (pem.label.contains("PRIVATE")) {
            throw new ConfigurationException(setting, "this is a private key; configure the Alipay public key (支付宝公钥)"
                    + " shown on the open platform, never a private key");
        }
        if (pem.label.contains("CERTIFICATE")) {
            throw new ConfigurationException(setting, "this is a certificate; use certificate mode (alipayCertificate)"
                    + " or paste the Alipay public key (支付宝公钥) instead");
        }
        return pem;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
        Pem pem = decode(setting, text, "the app private key");
        if (pem.label.contains("CERTIFICATE") || pem.label.equals("PUBLIC KEY") || pem.label.equals("RSA PUBLIC KEY")) {
            throw new ConfigurationException(setting, "this is a " + pem.label.toLowerCase(Locale.ROOT)
                    + ", not a private key; paste the app private key (应用私钥) you generated with Alipay's key tool");
        }
        byte[] der = pem.der;
        Der outer = Der.sequence(der);
        if (outer == null) {
            throw new ConfigurationException(setting, "is not a DER key (base64 of PKCS#8 or PKCS#1); paste the app private key");
        }
        byte[] pkcs8;
        if (outer.secondTag == 0x02) {
            pkcs8 = wrapPkcs1(der); // RSAPrivateKey ::= SEQUENCE { version, modulus INTEGER, ... }
        } else if (outer.secondTag == 0x30 && outer.firstTag == 0x02) {
            pkcs8 = der; // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING }
        } else if (outer.firstTag == 0x30) {
            throw new ConfigurationException(setting, "looks like a public key (X.509 SubjectPublicKeyInfo), not a private key;"
                    + " paste the app private key (应用私钥), not the app or Alipay public key");
        } else {
            throw new ConfigurationException(setting, "is neither a PKCS#8 nor a PKCS#1 RSA private key");
        }
        if (contains(pkcs8, EC_KEY_OID)) {
            throw new ConfigurationException(setting, "is an EC (SM2) private key, not RSA; set signType SM2 (with"
                    + " BouncyCastle), or paste the RSA2 app private key");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(setting, "is not a valid RSA private key (" + e.getMessage()
                    + "); paste the app private key in PKCS#8 or PKCS#1, PEM or base64");
        }
        return RsaKeySize.require(setting, key, "generate a 2048-bit key pair with Alipay's key tool (密钥工具),"
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
        Pem pem = decodePublicKey(setting, text);
        Der outer = Der.sequence(pem.der);
        if (outer != null && outer.firstTag == 0x02) {
            throw new ConfigurationException(setting, "looks like a private key or a PKCS#1 public key;"
                    + " paste the Alipay public key (支付宝公钥) as X.509 (BEGIN PUBLIC KEY or its base64)");
        }
        if (contains(pem.der, EC_KEY_OID)) {
            throw new ConfigurationException(setting, "is an EC (SM2) public key, not RSA; set signType SM2 (with"
                    + " BouncyCastle), or paste the RSA2 Alipay public key");
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem.der));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(setting, "is not a valid RSA public key (" + e.getMessage()
                    + "); paste the Alipay public key (支付宝公钥) as X.509 (BEGIN PUBLIC KEY or its base64)");
        }
        return RsaKeySize.require(setting, key, "a shorter key is not an RSA2 key (the old RSA sign type used 1024"
                + " bits); paste the Alipay public key (支付宝公钥) shown for the RSA2 key on the open platform");
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
        List<X509Certificate> all = parseCertificates(setting, text, type);
        if (all.size() != 1) {
            throw new ConfigurationException(setting, "holds " + all.size() + " certificates, expected exactly one");
        }
        return all.get(0);
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
        return CertificateBlocks.parse(setting, text, type, false);
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
        return CertificateBlocks.parse(setting, text, type, true);
    }

    static byte[] base64Of(String setting, String text, String what) {
        return base64(setting, text, what);
    }

    /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(pkcs1.length + 32);
        body.write(0x02);
        body.write(0x01);
        body.write(0x00); // version 0
        body.writeBytes(RSA_ALGORITHM_ID);
        writeTlv(body, 0x04, pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
        writeTlv(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write((len >> 8) & 0xff);
            out.write(len & 0xff);
        }
        out.writeBytes(value);
    }

    private record Pem(String label, byte[] der) {
    }

    private static Pem decode(String setting, String text, String what) {
        Objects.requireNonNull(setting, "setting");
        if (text == null || text.isBlank()) {
            throw new ConfigurationException(setting, "is empty; paste " + what);
        }
        String t = text.strip();
        if (t.startsWith("-----BEGIN ")) {
            int labelEnd = t.indexOf("-----", 11);
            if (labelEnd < 0) {
                throw new ConfigurationException(setting, "has a broken PEM header");
            }
            String label = t.substring(11, labelEnd);
            String end = "-----END " + label + "-----";
            int endAt = t.indexOf(end);
            if (endAt < 0) {
                throw new ConfigurationException(setting, "has no '" + end + "' line");
            }
            String body = t.substring(labelEnd + 5, endAt);
            if (body.contains("Proc-Type") || body.contains("ENCRYPTED")) {
                throw new ConfigurationException(setting, "is encrypted; export it without a passphrase");
            }
            return new Pem(label, base64(setting, body, what));
        }
        return new Pem("", base64(setting, t, what));
    }

    private static byte[] base64(String setting, String text, String what) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting, "is not base64 (" + e.getMessage() + "); paste " + what
                    + " as PEM or as the one-line base64 text");
        }
    }

    /** The first two element tags inside an outer DER SEQUENCE, enough to tell key formats apart. */
    private record Der(int firstTag, int secondTag) {
        static Der sequence(byte[] der) {
            if (der.length < 4 || der[0] != 0x30) {
                return null;
            }
            int pos = 1;
            int len = der[pos++] & 0xff;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n < 1 || n > 3 || pos + n > der.length) {
                    return null;
                }
                pos += n;
            }
            if (pos + 2 > der.length) {
                return null;
            }
            int first = der[pos] & 0xff;
            int firstLen = der[pos + 1] & 0xff;
            int next = pos + 2;
            if (firstLen >= 0x80) {
                int n = firstLen & 0x7f;
                if (n < 1 || n > 3 || next + n > der.length) {
                    return null;
                }
                firstLen = 0;
                for (int i = 0; i < n; i++) {
                    firstLen = (firstLen << 8) | (der[next + i] & 0xff);
                }
                next += n;
            }
            next += firstLen;
            int second = next < der.length ? der[next] & 0xff : -1;
            return new Der(first, second);
        }
    }
}
