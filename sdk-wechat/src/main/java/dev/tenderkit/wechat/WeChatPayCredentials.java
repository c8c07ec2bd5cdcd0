package dev.tenderkit.wechat;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.crypto.AesGcm;
import dev.tenderkit.core.crypto.BoundSigner;
import dev.tenderkit.core.crypto.BoundVerifier;
import dev.tenderkit.core.crypto.Certificates;
import dev.tenderkit.core.crypto.SignatureSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One WeChat Pay merchant's keys and identity, parsed and checked once: the merchant number
 * ({@code mchid}), the app id, the merchant API private key (PKCS#8) and its certificate's serial
 * number, the 32-byte APIv3 key, and WeChat Pay's verification material — the 微信支付公钥 with its
 * {@code PUB_KEY_ID_…} (public-key mode), the platform certificates downloaded from
 * {@code /v3/certificates} (platform-certificate mode), or both during a migration — all of one
 * {@link SigningScheme}: RSA by default, or SM2 (国密, with BouncyCastle on the class path).
 *
 * <p>Keys are bound to the JCA provider chosen here (the JDK's by default). Immutable and
 * thread-safe; several merchants' credentials live side by side in one JVM, nothing is global.
 * {@link #toString()} shows the merchant number and serials only, never a key.
 */
public final class WeChatPayCredentials {
    /** The prefix every WeChat Pay public-key id carries. */
    public static final String PUBLIC_KEY_ID_PREFIX = "PUB_KEY_ID_";
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,64}");
    private static final Pattern MCHID = Pattern.compile("[0-9]{1,32}");

    private final String mchid;
    private final String appid;
    private final String merchantSerial;
    private final SigningScheme scheme;
    private final Object merchantIdentity;
    private final BoundSigner signer;
    private final ResourceCipher apiV3Cipher;
    private final Optional<String> publicKeyId;
    private final Optional<BoundVerifier> publicKeyVerifier;
    private final boolean platformCertificates;
    private final SignatureSource signatures;

    private WeChatPayCredentials(Builder b, PrivateKey key, Optional<PublicKey> wechatKey) {
        this.mchid = b.mchid;
        this.appid = b.appid;
        this.merchantSerial = normalSerial(b.merchantSerial);
        this.scheme = b.scheme;
        this.merchantIdentity = SchemeKeys.identity(scheme, key);
        this.signatures = SchemeKeys.signatures(scheme, b.provider);
        this.signer = BoundSigner.of(key, signatures);
        this.apiV3Cipher = SchemeKeys.resourceCipher(scheme, b.apiV3Key.getBytes(StandardCharsets.US_ASCII));
        this.publicKeyId = b.publicKeyId;
        this.publicKeyVerifier = wechatKey.map(k -> BoundVerifier.of(k, signatures));
        this.platformCertificates = b.platformCertificates;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the merchant number ({@code mchid}) */
    public String mchid() {
        return mchid;
    }

    /** @return the app id bound to the merchant ({@code appid}) */
    public String appid() {
        return appid;
    }

    /** @return the algorithm suite of requests, answers, callbacks and certificates */
    public SigningScheme signingScheme() {
        return scheme;
    }

    /** @return the merchant API certificate's serial number, uppercase hex: {@code serial_no} of requests */
    public String merchantSerial() {
        return merchantSerial;
    }

    /** @return the WeChat Pay public-key id, in public-key mode */
    public Optional<String> publicKeyId() {
        return publicKeyId;
    }

    /** @return whether platform certificates are downloaded and used (alone or beside the public key) */
    public boolean usesPlatformCertificates() {
        return platformCertificates;
    }

    /** @return the value of the {@code Wechatpay-Serial} request header: the public-key id if configured */
    Optional<String> preferredAnswerSerial() {
        return publicKeyId;
    }

    BoundSigner signer() {
        return signer;
    }

    ResourceCipher apiV3Cipher() {
        return apiV3Cipher;
    }

    Optional<BoundVerifier> publicKeyVerifier() {
        return publicKeyVerifier;
    }

    SignatureSource signatures() {
        return signatures;
    }

    /** @return whether the key is the merchant's own (its public half), never WeChat Pay's */
    boolean isMerchantKey(PublicKey key) {
        return SchemeKeys.identity(key).filter(merchantIdentity::equals).isPresent();
    }

    static String normalSerial(String hex) {
        return new BigInteger(hex, 16).toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    /** @return the serial normalised if it is hex, else as given (a public-key id, or garbage) */
    static String normalSerialOrSelf(String serial) {
        return HEX.matcher(serial).matches() ? normalSerial(serial) : serial;
    }

    @Override
    public String toString() {
        return "WeChatPayCredentials[mchid=" + mchid + ", " + scheme + ", serial=" + merchantSerial
                + publicKeyId.map(id -> ", publicKeyId=" + id).orElse("")
                + (platformCertificates ? ", platform certificates" : "") + "]";
    }

    /** Collects and checks the settings; {@link #build()} names the first one that cannot work. */
    public static final class Builder {
        private String mchid;
        private String appid;
        private String privateKeyPem;
        private String merchantSerial;
        private Optional<String> merchantCertificatePem = Optional.empty();
        private String apiV3Key;
        private Optional<String> publicKeyPem = Optional.empty();
        private Optional<String> publicKeyId = Optional.empty();
        private boolean platformCertificates;
        private Optional<Provider> provider = Optional.empty();
        private SigningScheme scheme = SigningScheme.RSA;

        private Builder() {
        }

        /**
         * @param scheme the algorithm suite all the keys below are for: {@link SigningScheme#RSA} (default) or
         *     {@link SigningScheme#SM2} (国密: SM2 keys and certificates, needs BouncyCastle)
         * @return this
         */
        public Builder signingScheme(SigningScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "signingScheme");
            return this;
        }

        /** @param mchid the merchant number (digits) @return this */
        public Builder mchid(String mchid) {
            this.mchid = mchid;
            return this;
        }

        /** @param appid the app id bound to the merchant (e.g. {@code wx…}) @return this */
        public Builder appid(String appid) {
            this.appid = appid;
            return this;
        }

        /** @param pem the merchant API private key ({@code apiclient_key.pem}, PKCS#8; RSA, or SM2 for 国密) @return this */
        public Builder merchantPrivateKey(String pem) {
            this.privateKeyPem = pem;
            return this;
        }

        /** @param serialHex the merchant API certificate's serial number, hex @return this */
        public Builder merchantSerialNumber(String serialHex) {
            this.merchantSerial = serialHex;
            return this;
        }

        /**
         * @param pem the merchant API certificate ({@code apiclient_cert.pem}), optional: when given,
         *     the private key must match it and the serial number must be its
         * @return this
         */
        public Builder merchantCertificate(String pem) {
            this.merchantCertificatePem = Optional.of(pem);
            return this;
        }

        /** @param key the APIv3 key: 32 ASCII characters, set in 商户平台 → API安全 @return this */
        public Builder apiV3Key(String key) {
            this.apiV3Key = key;
            return this;
        }

        /**
         * Public-key mode: WeChat Pay's public key (微信支付公钥, {@code pub_key.pem}) and its id.
         *
         * @param pem the public key, PEM
         * @param id its id, {@code PUB_KEY_ID_…}
         * @return this
         */
        public Builder wechatPayPublicKey(String pem, String id) {
            this.publicKeyPem = Optional.of(pem);
            this.publicKeyId = Optional.of(id);
            return this;
        }

        /**
         * Platform-certificate mode: answers signed by a platform certificate are verified with the
         * certificates the gateway downloads from {@code /v3/certificates} (alone, or beside the
         * public key during a migration).
         *
         * @param use whether to use platform certificates
         * @return this
         */
        public Builder platformCertificates(boolean use) {
            this.platformCertificates = use;
            return this;
        }

        /**
         * @param provider the JCA provider to sign and verify with (e.g. Conscrypt; for SM2 one that takes
         *     BouncyCastle's {@code SM2ParameterSpec}, default BouncyCastle itself)
         * @return this
         */
        public Builder provider(Provider provider) {
            this.provider = Optional.of(provider);
            return this;
        }

        /** @return the credentials */
        public WeChatPayCredentials build() {
            required("mchid", mchid);
            if (!MCHID.matcher(mchid).matches()) {
                throw new ConfigurationException("mchid", "must be the merchant number, digits only (商户号), got \""
                        + mchid + "\"");
            }
            required("appid", appid);
            if (appid.isBlank()) {
                throw new ConfigurationException("appid", "is blank; set the app id bound to merchant " + mchid);
            }
            scheme.requireUsable();
            required("merchantPrivateKey", privateKeyPem);
            PrivateKey key = SchemeKeys.merchantKey(scheme, privateKeyPem);
            required("merchantSerialNumber", merchantSerial);
            if (!HEX.matcher(merchantSerial).matches()) {
                throw new ConfigurationException("merchantSerialNumber", "must be the merchant API certificate's serial "
                        + "number in hex (e.g. `openssl x509 -in apiclient_cert.pem -noout -serial`), got \""
                        + merchantSerial + "\"");
            }
            Object identity = SchemeKeys.identity(scheme, key);
            if (merchantCertificatePem.isPresent()) {
                X509Certificate cert = SchemeKeys.certificate(scheme, "merchantCertificate", merchantCertificatePem.get(),
                        "the merchant API certificate (apiclient_cert.pem)");
                if (!SchemeKeys.identity(cert.getPublicKey()).filter(identity::equals).isPresent()) {
                    throw new ConfigurationException("merchantPrivateKey", "does not match the merchant certificate "
                            + Certificates.serialHex(cert) + ": paste the apiclient_key.pem issued with that certificate");
                }
                if (!Certificates.serialHex(cert).equals(normalSerial(merchantSerial))) {
                    throw new ConfigurationException("merchantSerialNumber", normalSerial(merchantSerial)
                            + " is not the merchant certificate's serial " + Certificates.serialHex(cert));
                }
            }
            required("apiV3Key", apiV3Key);
            if (apiV3Key.length() != AesGcm.KEY_BYTES || !StandardCharsets.US_ASCII.newEncoder().canEncode(apiV3Key)) {
                throw new ConfigurationException("apiV3Key", "must be exactly 32 ASCII characters (the APIv3 key set in "
                        + "商户平台 → API安全 → 设置APIv3密钥), got " + apiV3Key.length() + " characters");
            }
            Optional<PublicKey> wechatKey = Optional.empty();
            if (publicKeyPem.isPresent()) {
                String id = publicKeyId.orElseThrow();
                if (!id.startsWith(PUBLIC_KEY_ID_PREFIX) || id.length() == PUBLIC_KEY_ID_PREFIX.length()) {
                    throw new ConfigurationException("wechatPayPublicKeyId", "must be the public key's id, "
                            + PUBLIC_KEY_ID_PREFIX + "…, shown beside the key in 商户平台 → API安全, got \"" + id + "\"");
                }
                PublicKey pk = SchemeKeys.wechatKey(scheme, publicKeyPem.get());
                if (SchemeKeys.identity(pk).filter(identity::equals).isPresent()) {
                    throw new ConfigurationException("wechatPayPublicKey", "is the public half of your own merchant API "
                            + "key, not WeChat Pay's: download 微信支付公钥 (pub_key.pem) from 商户平台 → API安全");
                }
                wechatKey = Optional.of(pk);
            }
            if (wechatKey.isEmpty() && !platformCertificates) {
                throw new ConfigurationException("wechatPayPublicKey", "no way to verify WeChat Pay's answers: set "
                        + "wechatPayPublicKey(pem, \"PUB_KEY_ID_…\") (new merchants) or platformCertificates(true)");
            }
            return new WeChatPayCredentials(this, key, wechatKey);
        }

        private static void required(String setting, Object value) {
            if (value == null) {
                throw new ConfigurationException(setting, "is required");
            }
        }
    }
}
