package dev.tenderkit.testkit.wechat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Generated key material for a test against {@link SimulatedWeChatPay}, none of it real:
 * <ul>
 *   <li>the <em>merchant's</em> API key pair (RSA-2048; the private key as PKCS#8 PEM, what an adapter
 *     signs requests with) and the merchant API certificate over it, with its hex serial number
 *     (the {@code serial_no} of the {@code Authorization} header);</li>
 *   <li><em>WeChat Pay's</em> RSA-2048 key pair, which signs the simulator's answers and callbacks,
 *     exposed both ways WeChat gives it to merchants: public-key mode (微信支付公钥, its
 *     {@link #publicKeyId()} {@code PUB_KEY_ID_…} and {@link #wechatPublicKeyPem()}) and
 *     platform-certificate mode ({@link #platformCertificateSerial()} and
 *     {@link #platformCertificatePem()}, served encrypted by {@code GET /v3/certificates});</li>
 *   <li>the 32-character APIv3 key, whose UTF-8 bytes are the AES-256-GCM key of callbacks and
 *     certificates.</li>
 * </ul>
 * {@link #generateSm2()} makes the same material for WeChat Pay's 国密 scheme: SM2 key pairs on
 * {@code sm2p256v1} (PKCS#8 / X.509, as WeChat issues them for SM2), SM2-signed certificates, and a
 * simulator started with them verifies {@code WECHATPAY2-SM2-WITH-SM3} requests, signs with SM2 and
 * encrypts with {@code AEAD_SM4_GCM}; it needs BouncyCastle on the class path.
 *
 * <p>Generating takes a few RSA key generations; {@link #generate()} makes new material every time,
 * so tests keep one instance in a {@code static final} field. Immutable and thread-safe;
 * {@link #toString()} shows no secret.
 */
public final class SimulatedWeChatPayKeys {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final KeyPair merchant;
    private final X509Certificate merchantCertificate;
    private final KeyPair wechat;
    private final X509Certificate platformCertificate;
    private final X509Certificate caCertificate;
    private final String publicKeyId;
    private final String apiV3Key;
    private final boolean sm2;

    private SimulatedWeChatPayKeys(boolean sm2, KeyPair merchant, X509Certificate merchantCertificate, KeyPair wechat,
            X509Certificate platformCertificate, X509Certificate caCertificate, String publicKeyId, String apiV3Key) {
        this.sm2 = sm2;
        this.merchant = merchant;
        this.merchantCertificate = merchantCertificate;
        this.wechat = wechat;
        this.platformCertificate = platformCertificate;
        this.caCertificate = caCertificate;
        this.publicKeyId = publicKeyId;
        this.apiV3Key = apiV3Key;
    }

    /** @return new key material: merchant pair and certificate, WeChat Pay pair, its certificate, an APIv3 key */
    public static SimulatedWeChatPayKeys generate() {
        KeyPairGenerator g;
        try {
            g = KeyPairGenerator.getInstance("RSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate RSA-2048 keys", e);
        }
        g.initialize(2048, new SecureRandom());
        return generate(false, g::generateKeyPair, CertificateIssuer.Signing::rsa);
    }

    /**
     * @return new 国密 (SM2) key material: SM2 merchant pair and certificate, SM2 WeChat Pay pair and
     *     platform certificate, an APIv3 key
     * @throws IllegalStateException if BouncyCastle ({@code org.bouncycastle:bcprov-jdk18on}) is not on the class path
     */
    public static SimulatedWeChatPayKeys generateSm2() {
        try {
            Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider", false,
                    SimulatedWeChatPayKeys.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("generateSm2: the simulated WeChat Pay's SM2 mode needs BouncyCastle: add "
                    + "org.bouncycastle:bcprov-jdk18on to the test dependencies");
        }
        SimulatorShangMi sm = new SimulatorShangMi();
        return generate(true, sm::generate, k -> CertificateIssuer.Signing.sm2(sm, k));
    }

    private static SimulatedWeChatPayKeys generate(boolean sm2, Supplier<KeyPair> pairs,
            Function<PrivateKey, CertificateIssuer.Signing> signing) {
        SecureRandom random = new SecureRandom();
        KeyPair ca = pairs.get();
        KeyPair merchant = pairs.get();
        KeyPair wechat = pairs.get();
        CertificateIssuer.Signing byCa = signing.apply(ca.getPrivate());
        ZonedDateTime from = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        X509Certificate caCert = CertificateIssuer.issue(serial(random), "Tenpay.com", "Simulated Tenpay.com Root CA",
                "Tenpay.com", "Simulated Tenpay.com Root CA", ca.getPublic(), true, byCa, from);
        X509Certificate merchantCert = CertificateIssuer.issue(serial(random), "Tenpay.com",
                "Simulated Tenpay.com Root CA", "微信商户系统", "1900000109", merchant.getPublic(), false, byCa, from);
        X509Certificate platformCert = CertificateIssuer.issue(serial(random), "Tenpay.com",
                "Simulated Tenpay.com Root CA", "Tenpay.com", "Tenpay.com sign", wechat.getPublic(), false, byCa, from);
        StringBuilder id = new StringBuilder("PUB_KEY_ID_01");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            id.append((char) ('0' + random.nextInt(10)));
            key.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return new SimulatedWeChatPayKeys(sm2, merchant, merchantCert, wechat, platformCert, caCert, id.toString(),
                key.toString());
    }

    /** A positive 20-byte serial, as WeChat's certificates have (40 hex digits once printed). */
    private static BigInteger serial(SecureRandom random) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        b[0] = (byte) ((b[0] & 0x7f) | 0x10);
        return new BigInteger(b);
    }

    /** @return whether this is 国密 (SM2) key material: the simulator then runs in SM2 mode */
    public boolean isSm2() {
        return sm2;
    }

    /** @return the merchant's API key pair */
    public KeyPair merchantKeyPair() {
        return merchant;
    }

    /** @return the merchant API private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) */
    public String merchantPrivateKeyPem() {
        return pem("PRIVATE KEY", merchant.getPrivate().getEncoded());
    }

    /** @return the merchant API public key, X.509 SubjectPublicKeyInfo PEM */
    public String merchantPublicKeyPem() {
        return pem("PUBLIC KEY", merchant.getPublic().getEncoded());
    }

    /** @return the merchant API certificate ({@code apiclient_cert.pem}) */
    public X509Certificate merchantCertificate() {
        return merchantCertificate;
    }

    /** @return the merchant API certificate, PEM */
    public String merchantCertificatePem() {
        return certificatePem(merchantCertificate);
    }

    /** @return the merchant API certificate's serial number, upper-case hex: the {@code serial_no} requests carry */
    public String merchantCertificateSerial() {
        return hex(merchantCertificate.getSerialNumber());
    }

    /** @return WeChat Pay's key pair (the simulator signs with its private key) */
    public KeyPair wechatKeyPair() {
        return wechat;
    }

    /** @return the public-key mode id, {@code PUB_KEY_ID_} and digits, sent in {@code Wechatpay-Serial} */
    public String publicKeyId() {
        return publicKeyId;
    }

    /** @return WeChat Pay's public key (微信支付公钥), X.509 SubjectPublicKeyInfo PEM */
    public String wechatPublicKeyPem() {
        return pem("PUBLIC KEY", wechat.getPublic().getEncoded());
    }

    /** @return WeChat Pay's platform certificate over the same key */
    public X509Certificate platformCertificate() {
        return platformCertificate;
    }

    /** @return the platform certificate, PEM */
    public String platformCertificatePem() {
        return certificatePem(platformCertificate);
    }

    /** @return the platform certificate's serial number, upper-case hex */
    public String platformCertificateSerial() {
        return hex(platformCertificate.getSerialNumber());
    }

    /** @return the CA that issued both certificates */
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** @return the APIv3 key: 32 letters and digits */
    public String apiV3Key() {
        return apiV3Key;
    }

    /** @return the APIv3 key's UTF-8 bytes (32): the AES-256-GCM key */
    public byte[] apiV3KeyBytes() {
        return apiV3Key.getBytes(StandardCharsets.UTF_8);
    }

    PrivateKey wechatPrivateKey() {
        return wechat.getPrivate();
    }

    PublicKey merchantPublicKey() {
        return merchant.getPublic();
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }

    private static String certificatePem(X509Certificate c) {
        try {
            return pem("CERTIFICATE", c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate the JDK parsed", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Says what these are without printing any of them. */
    @Override
    public String toString() {
        return "SimulatedWeChatPayKeys[" + (sm2 ? "SM2, " : "") + "merchant serial " + merchantCertificateSerial() + ", " + publicKeyId
                + ", platform serial " + platformCertificateSerial() + ", generated]";
    }
}
