package dev.tenderkit.wechat;

import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.util.PemUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;

/** The test keys in {@code src/test/resources/certs} and the official SDK's signer over them (the oracle). */
final class Fixtures {
    static final String MCHID = "1900000001";
    static final String APPID = "wx8888888888888888";
    static final String SERIAL = "3775B6A45ACD588826D15E583A95F5DD2C0B1A9D";
    static final String PLATFORM_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    static final String PUB_KEY_ID = "PUB_KEY_ID_0119000000012025000000000000000001";
    static final String API_V3_KEY = "0123456789abcdefghijABCDEFGHIJ01";

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/certs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String base64(String name) {
        return text(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    /** @return the PEM public key of a PEM certificate */
    static String publicFromCert(String certPem) {
        java.security.cert.X509Certificate c = PemUtil.loadX509FromString(certPem);
        return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                c.getPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static PrivateKey officialPrivateKey(String name) {
        return PemUtil.loadPrivateKeyFromString(base64(name));
    }

    static PublicKey officialPublicKey(String name) {
        return PemUtil.loadPublicKeyFromString(base64(name));
    }

    static WeChatPayCredentials.Builder base() {
        return WeChatPayCredentials.builder().mchid(MCHID).appid(APPID).merchantPrivateKey(text("merchant-key.pem"))
                .merchantSerialNumber(SERIAL).apiV3Key(API_V3_KEY);
    }

    static WeChatPayCredentials publicKeyMode() {
        return base().wechatPayPublicKey(text("wechat-pub.pem"), PUB_KEY_ID).build();
    }

    /** Signs answers as WeChat Pay does, with the official SDK's RSASigner: the oracle. */
    static final class WeChatSide {
        private final RSASigner signer;
        private final String serial;

        WeChatSide(String keyFile, String serial) {
            this.signer = new RSASigner(serial, officialPrivateKey(keyFile));
            this.serial = serial;
        }

        static WeChatSide publicKey() {
            return new WeChatSide("wechat-key.pem", PUB_KEY_ID);
        }

        static WeChatSide platform() {
            return new WeChatSide("platform-key.pem", PLATFORM_SERIAL);
        }

        /** @return the four headers for the body, signed now */
        Map<String, String> headers(String body, Instant now, String nonce) {
            String ts = Long.toString(now.getEpochSecond());
            String sig = signer.sign(ts + "\n" + nonce + "\n" + body + "\n").getSign();
            return Map.of(AnswerVerifier.TIMESTAMP, ts, AnswerVerifier.NONCE, nonce, AnswerVerifier.SIGNATURE, sig,
                    AnswerVerifier.SERIAL, serial);
        }
    }
}
