package dev.tenderkit.testkit.wechat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The test's own WeChat Pay client, written from the API rules on the JDK alone (neither the
 * simulator's code nor an adapter's): signs requests from the PEM keys, verifies every answer's
 * Wechatpay-* headers over the raw body with WeChat Pay's public key from its PEM. {@link #sm2} makes
 * one for the 国密 scheme: {@code WECHATPAY2-SM2-WITH-SM3}, JCA {@code SM3withSM2} on a BouncyCastle
 * provider object (the simulator uses BouncyCastle's lightweight signer instead).
 */
final class TestWeChatClient {
    /** An answer and whether its signature verified (with the clock check of 5 minutes). */
    record Reply(int status, String body, Optional<String> serial, Optional<String> signature, Optional<String> timestamp,
            Optional<String> nonce, boolean verified) {
    }

    private final String scheme;
    private final Supplier<Signature> signatures;
    private final URI base;
    private final String mchid;
    private final String serial;
    private final PrivateKey merchantKey;
    private final PublicKey wechatKey;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Optional<String> wechatpaySerial = Optional.empty();

    TestWeChatClient(URI base, String mchid, String merchantSerial, String merchantPrivateKeyPem, String wechatPublicKeyPem,
            Clock clock) throws Exception {
        this("WECHATPAY2-SHA256-RSA2048", KeyFactory.getInstance("RSA"), () -> {
            try {
                return Signature.getInstance("SHA256withRSA");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, base, mchid, merchantSerial, merchantPrivateKeyPem, wechatPublicKeyPem, clock);
    }

    private TestWeChatClient(String scheme, KeyFactory keys, Supplier<Signature> signatures, URI base, String mchid,
            String merchantSerial, String merchantPrivateKeyPem, String wechatPublicKeyPem, Clock clock) throws Exception {
        this.scheme = scheme;
        this.signatures = signatures;
        this.base = base;
        this.mchid = mchid;
        this.serial = merchantSerial;
        this.merchantKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der(merchantPrivateKeyPem)));
        this.wechatKey = keys.generatePublic(new X509EncodedKeySpec(der(wechatPublicKeyPem)));
        this.clock = clock;
    }

    /** A client of the 国密 scheme, for a simulator started with SM2 key material. */
    static TestWeChatClient sm2(URI base, String mchid, String merchantSerial, String merchantPrivateKeyPem,
            String wechatPublicKeyPem, Clock clock) throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        return new TestWeChatClient("WECHATPAY2-SM2-WITH-SM3", KeyFactory.getInstance("EC", bc), () -> {
            try {
                Signature s = Signature.getInstance("SM3withSM2", bc);
                s.setParameter(new SM2ParameterSpec("1234567812345678".getBytes(StandardCharsets.US_ASCII)));
                return s;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, base, mchid, merchantSerial, merchantPrivateKeyPem, wechatPublicKeyPem, clock);
    }

    /** Sends {@code Wechatpay-Serial} with every request from now on. */
    TestWeChatClient askingFor(String wechatpaySerialHeader) {
        this.wechatpaySerial = Optional.of(wechatpaySerialHeader);
        return this;
    }

    static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    Reply get(String url) throws Exception {
        return send("GET", url, "", Duration.ofSeconds(10));
    }

    Reply post(String url, String json) throws Exception {
        return send("POST", url, json, Duration.ofSeconds(10));
    }

    Reply send(String method, String url, String body, Duration timeout) throws Exception {
        return send(method, url, body, timeout, authorization(method, url, body));
    }

    Reply send(String method, String url, String body, Duration timeout, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(url)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
        wechatpaySerial.ifPresent(s -> b.header("Wechatpay-Serial", s));
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        Optional<String> ts = r.headers().firstValue("Wechatpay-Timestamp");
        Optional<String> nonce = r.headers().firstValue("Wechatpay-Nonce");
        Optional<String> sig = r.headers().firstValue("Wechatpay-Signature");
        boolean ok = ts.isPresent() && nonce.isPresent() && sig.isPresent()
                && Math.abs(clock.instant().getEpochSecond() - Long.parseLong(ts.get())) < 300
                && verify(ts.get() + "\n" + nonce.get() + "\n" + text + "\n", sig.get());
        return new Reply(r.statusCode(), text, r.headers().firstValue("Wechatpay-Serial"), sig, ts, nonce, ok);
    }

    String authorization(String method, String url, String body) throws Exception {
        String ts = Long.toString(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        Signature s = signatures.get();
        s.initSign(merchantKey);
        s.update((method + "\n" + url + "\n" + ts + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
        String sig = Base64.getEncoder().encodeToString(s.sign());
        return scheme + " mchid=\"" + mchid + "\",nonce_str=\"" + nonce + "\",timestamp=\"" + ts
                + "\",serial_no=\"" + serial + "\",signature=\"" + sig + "\"";
    }

    boolean verify(String message, String signatureBase64) {
        try {
            Signature s = signatures.get();
            s.initVerify(wechatKey);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (Exception e) {
            return false;
        }
    }
}
