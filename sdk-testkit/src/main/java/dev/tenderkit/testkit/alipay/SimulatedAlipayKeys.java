package dev.tenderkit.testkit.alipay;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * Freshly generated RSA-2048 key pairs for a test against {@link SimulatedAlipay}: the
 * <em>app's</em> pair (the merchant application signs requests with its private key; the simulator
 * verifies with its public key) and the simulator's own <em>"Alipay"</em> pair (the simulator signs
 * answers with it; an adapter verifies them with {@link #alipayPublicKeyPem()}). No real key is
 * involved anywhere; each call to {@link #generate()} makes new ones.
 *
 * <p>PEM strings are what an adapter is configured with: private keys as PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}), public keys as X.509 SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}). {@link #appPrivateKeyBase64()} and
 * {@link #alipayPublicKeyBase64()} give the bare base64 bodies, the form Alipay's console shows.
 */
public final class SimulatedAlipayKeys {
    private final KeyPair app;
    private final KeyPair alipay;

    private SimulatedAlipayKeys(KeyPair app, KeyPair alipay) {
        this.app = app;
        this.alipay = alipay;
    }

    /** @return two new RSA-2048 key pairs (app and "Alipay") */
    public static SimulatedAlipayKeys generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return new SimulatedAlipayKeys(g.generateKeyPair(), g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate RSA-2048 keys", e);
        }
    }

    /**
     * Wraps existing pairs (e.g. to give the simulator a wrong app key on purpose).
     *
     * @param app the merchant application's pair
     * @param alipay the simulator's "Alipay" pair
     * @return the keys
     */
    public static SimulatedAlipayKeys of(KeyPair app, KeyPair alipay) {
        return new SimulatedAlipayKeys(Objects.requireNonNull(app, "app"), Objects.requireNonNull(alipay, "alipay"));
    }

    /** @return the app's key pair */
    public KeyPair appKeyPair() {
        return app;
    }

    /** @return the simulator's "Alipay" key pair */
    public KeyPair alipayKeyPair() {
        return alipay;
    }

    /** @return the app private key, PKCS#8 PEM (what an adapter signs requests with) */
    public String appPrivateKeyPem() {
        return pem("PRIVATE KEY", app.getPrivate().getEncoded());
    }

    /** @return the app private key, PKCS#8 DER in base64 without PEM armour */
    public String appPrivateKeyBase64() {
        return Base64.getEncoder().encodeToString(app.getPrivate().getEncoded());
    }

    /** @return the app public key, X.509 PEM (what the simulator verifies requests with) */
    public String appPublicKeyPem() {
        return pem("PUBLIC KEY", app.getPublic().getEncoded());
    }

    /** @return the simulator's "Alipay" public key, X.509 PEM (what an adapter verifies answers with) */
    public String alipayPublicKeyPem() {
        return pem("PUBLIC KEY", alipay.getPublic().getEncoded());
    }

    /** @return the simulator's "Alipay" public key, X.509 DER in base64 without PEM armour */
    public String alipayPublicKeyBase64() {
        return Base64.getEncoder().encodeToString(alipay.getPublic().getEncoded());
    }

    PrivateKey alipayPrivateKey() {
        return alipay.getPrivate();
    }

    PublicKey appPublicKey() {
        return app.getPublic();
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Says which keys these are without printing any of them. */
    @Override
    public String toString() {
        return "SimulatedAlipayKeys[RSA-2048 app + alipay, generated]";
    }
}
