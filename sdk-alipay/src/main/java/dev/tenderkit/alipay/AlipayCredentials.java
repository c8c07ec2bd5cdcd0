package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a merchant configures once to talk to Alipay: the app id, the app private key and either
 * the Alipay public key or certificate mode (app certificate, Alipay certificate, Alipay root
 * certificate). {@link Builder#build()} parses every key once and catches the usual mistakes with
 * a message that says what to do. Immutable and thread-safe; holds the signer and the verifier
 * built from it, which the gateway and the notification handler use. {@link #toString()} never
 * shows a key.
 */
public final class AlipayCredentials {
    /** The only request charset implemented. */
    public static final String CHARSET = "utf-8";

    private static final String PROBE = "TenderKit key probe: app private key vs configured Alipay public key";

    private final String appId;
    private final SignType signType;
    private final AlipaySigner signer;
    private final AlipayVerifier verifier;
    private final Optional<String> appCertSn;
    private final Optional<String> alipayRootCertSn;
    private final Optional<String> alipayCertSn;

    private AlipayCredentials(Builder b, AlipaySigner signer, AlipayVerifier verifier,
            Optional<String> appCertSn, Optional<String> rootSn, Optional<String> alipayCertSn) {
        this.appId = b.appId;
        this.signType = b.signType;
        this.signer = signer;
        this.verifier = verifier;
        this.appCertSn = appCertSn;
        this.alipayRootCertSn = rootSn;
        this.alipayCertSn = alipayCertSn;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the app id */
    public String appId() {
        return appId;
    }

    /** @return the signature algorithm */
    public SignType signType() {
        return signType;
    }

    /** @return the signer holding the app private key */
    AlipaySigner signer() {
        return signer;
    }

    /** @return the verifier holding the Alipay public key */
    AlipayVerifier verifier() {
        return verifier;
    }

    /** @return whether certificate mode (公钥证书) is configured */
    public boolean isCertificateMode() {
        return appCertSn.isPresent();
    }

    /** @return certificate mode: {@code app_cert_sn} */
    public Optional<String> appCertSn() {
        return appCertSn;
    }

    /** @return certificate mode: {@code alipay_root_cert_sn} */
    public Optional<String> alipayRootCertSn() {
        return alipayRootCertSn;
    }

    /** @return certificate mode: the configured Alipay certificate's SN */
    public Optional<String> alipayCertSn() {
        return alipayCertSn;
    }

    @Override
    public String toString() {
        return "AlipayCredentials[appId=" + appId + ", signType=" + signType
                + (isCertificateMode() ? ", certificate mode, app_cert_sn=" + appCertSn.get() : ", public-key mode") + "]";
    }

    /** Builds {@link AlipayCredentials}; {@link #build()} validates and names the wrong setting. */
    public static final class Builder {
        private String appId;
        private String appPrivateKey;
        private String alipayPublicKey;
        private String appCertificate;
        private String alipayCertificate;
        private String alipayRootCertificate;
        private SignType signType = SignType.RSA2;
        private String charset = CHARSET;
        private Provider provider;

        private Builder() {
        }

        /** @param appId the app id (APPID) from the open platform @return this */
        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /**
         * @param pem the app private key: PEM or base64; RSA2: PKCS#8 or PKCS#1; SM2: PKCS#8
         * @return this
         */
        public Builder appPrivateKey(String pem) {
            this.appPrivateKey = pem;
            return this;
        }

        /** @param pem public-key mode: the Alipay public key (支付宝公钥), X.509 PEM or base64 @return this */
        public Builder alipayPublicKey(String pem) {
            this.alipayPublicKey = pem;
            return this;
        }

        /**
         * Certificate mode (公钥证书).
         *
         * @param appCert the app public key certificate ({@code appCertPublicKey_….crt})
         * @param alipayCert the Alipay public key certificate ({@code alipayCertPublicKey_RSA2.crt})
         * @param alipayRootCert the Alipay root certificate bundle ({@code alipayRootCert.crt})
         * @return this
         */
        public Builder certificates(String appCert, String alipayCert, String alipayRootCert) {
            this.appCertificate = appCert;
            this.alipayCertificate = alipayCert;
            this.alipayRootCertificate = alipayRootCert;
            return this;
        }

        /** @param signType the algorithm; default {@link SignType#RSA2} @return this */
        public Builder signType(SignType signType) {
            this.signType = signType;
            return this;
        }

        /** @param charset the request charset; only UTF-8 is implemented (default) @return this */
        public Builder charset(String charset) {
            this.charset = charset;
            return this;
        }

        /** @param provider the JCA provider to sign and verify with; default the JDK's @return this */
        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * @return the credentials
         * @throws ConfigurationException naming the setting that cannot work and what to do
         */
        public AlipayCredentials build() {
            if (appId == null || appId.isBlank()) {
                throw new ConfigurationException("appId", "is missing; copy the APPID from the open platform");
            }
            if (!appId.strip().equals(appId) || appId.length() > 32) {
                throw new ConfigurationException("appId", "must be at most 32 characters without surrounding spaces");
            }
            if (signType == null) {
                throw new ConfigurationException("signType", "is missing; use RSA2");
            }
            if (charset == null || !charset.toLowerCase(Locale.ROOT).replace("_", "-").equals("utf-8")) {
                throw new ConfigurationException("charset", "'" + charset + "' is not supported: TenderKit sends and"
                        + " verifies UTF-8 only; set charset to utf-8 (and make the app key's settings on the open"
                        + " platform use UTF-8)");
            }
            signType.requireUsable();
            if (appPrivateKey == null) {
                throw new ConfigurationException("appPrivateKey", "is missing; paste the app private key (应用私钥)");
            }
            boolean certMode = appCertificate != null || alipayCertificate != null || alipayRootCertificate != null;
            if (certMode && alipayPublicKey != null) {
                throw new ConfigurationException("alipayPublicKey", "is set together with certificates; choose public-key"
                        + " mode (alipayPublicKey) or certificate mode (certificates), as configured on the open platform");
            }
            if (!certMode && alipayPublicKey == null) {
                throw new ConfigurationException("alipayPublicKey", "is missing; paste the Alipay public key (支付宝公钥),"
                        + " or configure certificate mode with certificates(app, alipay, root)");
            }
            PrivateKey privateKey = AlipayKeys.parsePrivateKey("appPrivateKey", appPrivateKey, signType);
            AlipaySigner signer = provider == null
                    ? new AlipaySigner(privateKey, signType)
                    : new AlipaySigner(privateKey, signType, provider);
            PairCheck pair = new PairCheck(privateKey, signer);
            if (!certMode) {
                PublicKey alipayKey = AlipayKeys.parsePublicKey("alipayPublicKey", alipayPublicKey, signType);
                AlipayVerifier verifier = new AlipayVerifier(alipayKey, signType, Optional.ofNullable(provider), Optional.empty());
                if (pair.isPublicHalf(alipayKey, verifier)) {
                    throw new ConfigurationException("alipayPublicKey", "is the app public key (应用公钥), the public half"
                            + " of appPrivateKey; configure the Alipay public key (支付宝公钥) shown next to it on the open platform");
                }
                return new AlipayCredentials(this, signer, verifier, Optional.empty(), Optional.empty(), Optional.empty());
            }
            if (appCertificate == null || alipayCertificate == null || alipayRootCertificate == null) {
                throw new ConfigurationException("certificates", "certificate mode needs all three: the app certificate,"
                        + " the Alipay certificate and the Alipay root certificate");
            }
            X509Certificate appCert = AlipayKeys.parseCertificate("appCertificate", appCertificate, signType);
            X509Certificate alipayCert = AlipayKeys.parseCertificate("alipayCertificate", alipayCertificate, signType);
            List<X509Certificate> roots = AlipayKeys.parseRootBundle("alipayRootCertificate", alipayRootCertificate,
                    signType);
            PublicKey appCertKey = AlipayKeys.certificateKey("appCertificate", appCert, signType);
            AlipayVerifier appCertCheck = new AlipayVerifier(appCertKey, signType, Optional.ofNullable(provider),
                    Optional.empty());
            if (!pair.isPublicHalf(appCertKey, appCertCheck)) {
                throw new ConfigurationException("appCertificate", "does not match appPrivateKey: its public key is not the"
                        + " app private key's; use the app certificate issued for this key pair (appCertPublicKey_<APPID>.crt),"
                        + " or the private key you generated its CSR with");
            }
            String alipaySn = AlipayCertSn.of(alipayCert);
            PublicKey alipayCertKey = AlipayKeys.certificateKey("alipayCertificate", alipayCert, signType);
            AlipayVerifier verifier = new AlipayVerifier(alipayCertKey, signType, Optional.ofNullable(provider),
                    Optional.of(alipaySn));
            if (pair.isPublicHalf(alipayCertKey, verifier)) {
                throw new ConfigurationException("alipayCertificate", "is the app's own certificate; configure the Alipay"
                        + " public key certificate (alipayCertPublicKey_" + signType + ".crt)");
            }
            String rootSn = AlipayCertSn.ofRoot(roots, signType);
            if (rootSn.isEmpty()) {
                throw new ConfigurationException("alipayRootCertificate", "holds no " + (signType == SignType.SM2 ? "SM2"
                        : "RSA") + "-signed certificate; use Alipay's root certificate file (alipayRootCert.crt) as"
                        + " downloaded");
            }
            return new AlipayCredentials(this, signer, verifier, Optional.of(AlipayCertSn.of(appCert)), Optional.of(rootSn),
                    Optional.of(alipaySn));
        }
    }

    /**
     * Whether a public key is the app private key's own half. RSA keys with their CRT parameters
     * (what PKCS#8 and PKCS#1 files hold) are compared by modulus and exponent: no private-key
     * operation, which costs 20-50 ms in a JVM that has just started. Other keys (SM2, a key a
     * provider keeps opaque) are checked by signing a probe once and verifying it.
     */
    private static final class PairCheck {
        private final PrivateKey privateKey;
        private final AlipaySigner signer;
        private String probeSign;

        PairCheck(PrivateKey privateKey, AlipaySigner signer) {
            this.privateKey = privateKey;
            this.signer = signer;
        }

        boolean isPublicHalf(PublicKey publicKey, AlipayVerifier verifier) {
            if (privateKey instanceof RSAPrivateCrtKey crt && publicKey instanceof RSAPublicKey rsa) {
                return crt.getModulus().equals(rsa.getModulus()) && crt.getPublicExponent().equals(rsa.getPublicExponent());
            }
            if (probeSign == null) {
                probeSign = signer.sign(PROBE);
            }
            return verifier.verifies(PROBE, probeSign);
        }
    }
}
