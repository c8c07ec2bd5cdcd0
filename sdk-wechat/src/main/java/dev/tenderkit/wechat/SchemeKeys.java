package dev.tenderkit.wechat;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.crypto.AesGcm;
import dev.tenderkit.core.crypto.Certificates;
import dev.tenderkit.core.crypto.KeyForm;
import dev.tenderkit.core.crypto.PemBlock;
import dev.tenderkit.core.crypto.PemText;
import dev.tenderkit.core.crypto.PrivateKeys;
import dev.tenderkit.core.crypto.PublicKeys;
import dev.tenderkit.core.crypto.RsaKeySize;
import dev.tenderkit.core.crypto.SignatureSource;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.util.Optional;

/**
 * What differs between {@link SigningScheme#RSA} and {@link SigningScheme#SM2} in a merchant's key
 * material: how the merchant API key, WeChat Pay's public key and certificates are parsed (core's
 * parsers for RSA, {@link Sm2Support} for SM2), where signatures come from, which cipher decrypts
 * resources, and what identifies a public key (an RSA modulus, an SM2 point) so the merchant's own key
 * is never taken for WeChat Pay's. Everything here runs once, when credentials are built or
 * certificates are downloaded. {@link Sm2Support} and {@link Sm4Gcm} are reached only for SM2, so
 * RSA never loads a BouncyCastle class. Stateless and thread-safe.
 */
final class SchemeKeys {
    static final String MERCHANT_KEY = "the merchant API private key (apiclient_key.pem)";
    static final String WECHAT_KEY = "WeChat Pay's public key (微信支付公钥, pub_key.pem)";

    private SchemeKeys() {
    }

    /** @return the merchant API private key: RSA of 2048 bits or more in PKCS#8, or SM2 in PKCS#8 */
    static PrivateKey merchantKey(SigningScheme scheme, String pem) {
        String setting = "merchantPrivateKey";
        if (scheme == SigningScheme.RSA) {
            PemBlock block = PemText.decode(setting, pem, MERCHANT_KEY);
            if (KeyForm.of(block).isPrivate() && isEc(block)) {
                throw new ConfigurationException(setting, "is an EC (SM2) private key, not RSA; for 国密 set "
                        + "signingScheme(SigningScheme.SM2), or paste the RSA merchant API private key");
            }
            return RsaKeySize.requireMinimum(setting, PrivateKeys.rsa(setting, block, MERCHANT_KEY,
                    PrivateKeys.Accepted.PKCS8_ONLY), "WeChat Pay", "generate a 2048-bit merchant API certificate in "
                    + "商户平台 → API安全");
        }
        PemBlock block = PemText.decode(setting, pem, MERCHANT_KEY);
        KeyForm form = KeyForm.of(block);
        if (form == KeyForm.SEC1_EC_PRIVATE_KEY) {
            throw new ConfigurationException(setting, "is an SEC1 EC key (BEGIN EC PRIVATE KEY); SM2 needs PKCS#8: "
                    + "convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem` and paste the result");
        }
        if (form != KeyForm.PKCS8_PRIVATE_KEY) {
            throw new ConfigurationException(setting, "this is " + form.description() + ", not a PKCS#8 private key; "
                    + "paste " + MERCHANT_KEY + " issued for 国密 (SM2)");
        }
        if (!isEc(block)) {
            throw new ConfigurationException(setting, "is not an EC (SM2) private key; with signingScheme SM2 paste the "
                    + "SM2 merchant API private key, or use SigningScheme.RSA for an RSA key");
        }
        return Sm2Support.privateKey(setting, block.der(), MERCHANT_KEY + " issued for 国密 (SM2)");
    }

    /** @return WeChat Pay's public key (public-key mode) for the scheme */
    static PublicKey wechatKey(SigningScheme scheme, String pem) {
        String setting = "wechatPayPublicKey";
        if (scheme == SigningScheme.RSA) {
            return PublicKeys.rsa(setting, pem, WECHAT_KEY);
        }
        PemBlock block = PemText.decode(setting, pem, WECHAT_KEY);
        KeyForm form = KeyForm.of(block);
        if (form != KeyForm.PUBLIC_KEY || !isEc(block)) {
            throw new ConfigurationException(setting, "this is " + (form == KeyForm.PUBLIC_KEY ? "a "
                    + KeyForm.keyAlgorithm(block).orElse("unknown") + " public key" : form.description())
                    + ", not an SM2 public key; with signingScheme SM2 paste " + WECHAT_KEY + " issued for 国密");
        }
        return Sm2Support.publicKey(setting, block.der(), WECHAT_KEY + " issued for 国密");
    }

    /** @return the one certificate in the text: the JDK reads RSA ones, BouncyCastle SM2 ones */
    static X509Certificate certificate(SigningScheme scheme, String setting, String pem, String what) {
        return scheme == SigningScheme.RSA ? Certificates.one(setting, pem, what) : Sm2Support.certificate(setting, pem, what);
    }

    /** @return where the scheme's signatures come from, on the user's provider if one was chosen */
    static SignatureSource signatures(SigningScheme scheme, Optional<Provider> provider) {
        return scheme == SigningScheme.RSA ? SignatureSource.of(scheme.jcaAlgorithm(), provider)
                : Sm2Support.signatures(provider);
    }

    /** @return the cipher of the scheme's encrypted resources, keyed from the 32-byte APIv3 key */
    static ResourceCipher resourceCipher(SigningScheme scheme, byte[] apiV3Key) {
        return scheme == SigningScheme.RSA ? ResourceCipher.aes(AesGcm.of("apiV3Key", apiV3Key))
                : Sm4Gcm.fromApiV3Key(apiV3Key);
    }

    /** @return what identifies the public half of a merchant key: its RSA modulus or its SM2 point */
    static Object identity(SigningScheme scheme, PrivateKey key) {
        return scheme == SigningScheme.RSA ? ((RSAKey) key).getModulus() : Sm2Support.publicPoint(key);
    }

    /** @return what identifies a public key, comparable with {@link #identity(SigningScheme, PrivateKey)} */
    static Optional<Object> identity(PublicKey key) {
        if (key instanceof RSAKey r) {
            return Optional.of(r.getModulus());
        }
        if (key instanceof ECPublicKey e) {
            return Optional.of(e.getW());
        }
        return Optional.empty();
    }

    private static boolean isEc(PemBlock block) {
        return KeyForm.keyAlgorithm(block).filter("EC"::equals).isPresent();
    }
}
