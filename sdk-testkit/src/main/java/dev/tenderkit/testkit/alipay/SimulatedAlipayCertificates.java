package dev.tenderkit.testkit.alipay;

import dev.tenderkit.testkit.alipay.CertificateMinter.Algorithm;
import dev.tenderkit.testkit.alipay.CertificateMinter.Rdn;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Certificate mode (公钥证书) for {@link SimulatedAlipay}: an app public key certificate for the
 * app's key, an Alipay public key certificate for the simulator's "Alipay" key, and a root bundle,
 * freshly minted with the JDK for one {@link SimulatedAlipayKeys}. Nothing here is a real
 * certificate or trusted anywhere.
 *
 * <p>The root bundle holds, like Alipay's {@code alipayRootCert.crt}, more than one root: an RSA
 * root (sha256WithRSA) that issued both leaf certificates, an EC root (ecdsa-with-SHA256) that
 * the root SN must skip, and a second RSA root. Serial numbers are larger than a {@code long}.
 *
 * <p>The serial numbers are computed the way Alipay does (alipay.md §3), by this module's own code:
 * MD5 of the issuer DN in RFC 2253 form followed by the serial number in decimal, lowercase hex,
 * left-padded with {@code 0} to 32 digits; the root SN joins those of the RSA-signed roots with
 * {@code _}. Configure an adapter with {@link #appCertPem()}, {@link #alipayCertPem()} and
 * {@link #rootCertPem()}; start the simulator with {@link SimulatedAlipayBuilder#certificates}.
 * Immutable.
 */
public final class SimulatedAlipayCertificates {
    private static final String RSA_SIGNATURE_OID_PREFIX = "1.2.840.113549.1.1";

    private final X509Certificate appCert;
    private final X509Certificate alipayCert;
    private final List<X509Certificate> roots;

    private SimulatedAlipayCertificates(X509Certificate appCert, X509Certificate alipayCert, List<X509Certificate> roots) {
        this.appCert = appCert;
        this.alipayCert = alipayCert;
        this.roots = List.copyOf(roots);
    }

    /**
     * Mints a root bundle and the two leaf certificates for {@code keys}. Each call makes new roots
     * and new serial numbers, so two sets issued for the same keys have different SNs.
     *
     * @param keys the app's and the simulator's key pairs to certify
     * @param appId the app id, written into the app certificate's subject
     * @return the certificates
     */
    public static SimulatedAlipayCertificates issue(SimulatedAlipayKeys keys, String appId) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(appId, "appId");
        SecureRandom random = new SecureRandom();
        KeyPair rsaRoot = rsa();
        KeyPair rsaRoot2 = rsa();
        KeyPair ecRoot;
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            ecRoot = ec.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate P-256 keys", e);
        }
        List<Rdn> rootName = name("Simulated Alipay Root CA R1");
        List<Rdn> ecRootName = name("Simulated Alipay Root CA E1");
        List<Rdn> rootName2 = name("Simulated Alipay Root CA R2");
        X509Certificate root = CertificateMinter.mint(serial(random), rootName, rootName, rsaRoot.getPublic(), true,
                rsaRoot.getPrivate(), Algorithm.SHA256_WITH_RSA);
        X509Certificate root2 = CertificateMinter.mint(serial(random), rootName2, rootName2, rsaRoot2.getPublic(), true,
                rsaRoot2.getPrivate(), Algorithm.SHA256_WITH_RSA);
        X509Certificate ecCert = CertificateMinter.mint(serial(random), ecRootName, ecRootName, ecRoot.getPublic(), true,
                ecRoot.getPrivate(), Algorithm.SHA256_WITH_ECDSA);
        X509Certificate app = CertificateMinter.mint(serial(random), rootName,
                List.of(new Rdn("C", "CN"), new Rdn("O", "TenderKit testkit"), new Rdn("OU", "Alipay Open Platform"),
                        new Rdn("CN", appId)),
                keys.appKeyPair().getPublic(), false, rsaRoot.getPrivate(), Algorithm.SHA256_WITH_RSA);
        X509Certificate alipay = CertificateMinter.mint(serial(random), rootName,
                List.of(new Rdn("C", "CN"), new Rdn("O", "TenderKit testkit"), new Rdn("OU", "Alipay Open Platform"),
                        new Rdn("CN", "Simulated Alipay public key RSA2")),
                keys.alipayKeyPair().getPublic(), false, rsaRoot.getPrivate(), Algorithm.SHA256_WITH_RSA);
        return new SimulatedAlipayCertificates(app, alipay, List.of(root, ecCert, root2));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate RSA-2048 keys", e);
        }
    }

    private static List<Rdn> name(String cn) {
        return List.of(new Rdn("C", "CN"), new Rdn("O", "TenderKit testkit"), new Rdn("OU", "Certification Authority"),
                new Rdn("CN", cn));
    }

    /** A positive serial wider than a long, as Alipay's are. */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(96, random).setBit(95);
    }

    /** @return the app public key certificate ({@code appCertPublicKey_<APPID>.crt}), PEM */
    public String appCertPem() {
        return pem(appCert);
    }

    /** @return the Alipay public key certificate ({@code alipayCertPublicKey_RSA2.crt}), PEM */
    public String alipayCertPem() {
        return pem(alipayCert);
    }

    /** @return the root bundle ({@code alipayRootCert.crt}): RSA root, EC root, second RSA root, PEM */
    public String rootCertPem() {
        StringBuilder sb = new StringBuilder();
        roots.forEach(c -> sb.append(pem(c)));
        return sb.toString();
    }

    /** @return the app certificate */
    public X509Certificate appCertificate() {
        return appCert;
    }

    /** @return the Alipay certificate */
    public X509Certificate alipayCertificate() {
        return alipayCert;
    }

    /** @return the roots, in bundle order */
    public List<X509Certificate> rootCertificates() {
        return roots;
    }

    /** @return {@code app_cert_sn}: what requests must carry */
    public String appCertSn() {
        return sn(appCert);
    }

    /** @return {@code alipay_cert_sn}: what the simulator's answers carry */
    public String alipayCertSn() {
        return sn(alipayCert);
    }

    /** @return {@code alipay_root_cert_sn}: what requests must carry */
    public String rootCertSn() {
        StringJoiner j = new StringJoiner("_");
        for (X509Certificate c : roots) {
            if (c.getSigAlgOID().startsWith(RSA_SIGNATURE_OID_PREFIX)) {
                j.add(sn(c));
            }
        }
        return j.toString();
    }

    /** @return whether these certificates certify exactly these keys */
    public boolean certify(SimulatedAlipayKeys keys) {
        return appCert.getPublicKey().equals(keys.appKeyPair().getPublic())
                && alipayCert.getPublicKey().equals(keys.alipayKeyPair().getPublic());
    }

    private static String sn(X509Certificate c) {
        String source = c.getIssuerX500Principal().getName() + c.getSerialNumber().toString(10);
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(source.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (byte b : md5) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    private static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Says what these are without printing them. */
    @Override
    public String toString() {
        return "SimulatedAlipayCertificates[app_cert_sn=" + appCertSn() + ", alipay_cert_sn=" + alipayCertSn()
                + ", alipay_root_cert_sn=" + rootCertSn() + "]";
    }
}
