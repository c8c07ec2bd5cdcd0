package dev.tenderkit.testkit.wechat;

import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Verifies a request's {@code Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",
 * signature="…",timestamp="…",serial_no="…"} (fields in any order) as WeChat Pay does: the mchid is
 * the simulator's, the serial is the merchant certificate's, the timestamp is within 5 minutes of
 * the simulator's clock, and the signature verifies with the merchant's public key over
 * {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}, URL being the raw path and query. In SM2 mode the
 * scheme is {@code WECHATPAY2-SM2-WITH-SM3} and the signature SM2 with SM3. Every failure is 401
 * SIGN_ERROR.
 */
final class RequestAuth {
    private static final long SKEW_SECONDS = 300;

    private final String mchid;
    private final PublicKey merchantKey;
    private final String merchantSerial;
    private final SimulatorCrypto crypto;
    private final Supplier<Instant> now;

    RequestAuth(String mchid, PublicKey merchantKey, String merchantSerial, SimulatorCrypto crypto, Supplier<Instant> now) {
        this.mchid = mchid;
        this.merchantKey = merchantKey;
        this.merchantSerial = merchantSerial;
        this.crypto = crypto;
        this.now = now;
    }

    /** @return the refusal to send, empty if the request is authentic */
    Optional<Answer> refusal(String method, String url, Optional<String> authorization, String body) {
        String scheme = crypto.scheme();
        if (authorization.isEmpty() || !authorization.get().startsWith(scheme + " ")) {
            return refuse("Http头缺少Authorization或认证类型不是" + scheme);
        }
        Map<String, String> f = fields(authorization.get().substring(scheme.length() + 1));
        for (String name : new String[] {"mchid", "nonce_str", "signature", "timestamp", "serial_no"}) {
            if (!f.containsKey(name) || f.get(name).isEmpty()) {
                return refuse("Http头Authorization缺少" + name);
            }
        }
        if (!mchid.equals(f.get("mchid"))) {
            return refuse("Http头Authorization中的mchid与商户号不一致");
        }
        if (!merchantSerial.equalsIgnoreCase(f.get("serial_no"))) {
            return refuse("商户证书序列号有误，请使用签名私钥匹配的证书序列号");
        }
        long ts;
        try {
            ts = Long.parseLong(f.get("timestamp"));
        } catch (NumberFormatException e) {
            return refuse("Http头Authorization中的timestamp不是秒级时间戳");
        }
        if (Math.abs(now.get().getEpochSecond() - ts) > SKEW_SECONDS) {
            return refuse("Http头Authorization中的timestamp与发起请求的时间不得超过5分钟");
        }
        String message = method + "\n" + url + "\n" + f.get("timestamp") + "\n" + f.get("nonce_str") + "\n" + body + "\n";
        if (!crypto.verify(message, f.get("signature"), merchantKey)) {
            return refuse("签名错误，请检查后再试");
        }
        return Optional.empty();
    }

    private static Optional<Answer> refuse(String message) {
        return Optional.of(Answer.error(401, "SIGN_ERROR", message));
    }

    /** Parses {@code k="v",k="v"}; values are quoted and contain no quote (base64, digits, hex). */
    static Map<String, String> fields(String text) {
        Map<String, String> f = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int open = eq + 1;
            if (open >= text.length() || text.charAt(open) != '"') {
                break;
            }
            int close = text.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            f.putIfAbsent(key, text.substring(open + 1, close));
            int comma = text.indexOf(',', close);
            i = comma < 0 ? text.length() : comma + 1;
        }
        return f;
    }
}
