package dev.tenderkit.benchmarks.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One WeChat Pay answer as WeChat Pay signs it (wechatpay.md §2): SHA256withRSA with WeChat Pay's key
 * over {@code TIMESTAMP\nNONCE\nBODY\n}, sent in the {@code Wechatpay-*} headers with the serial that
 * names the key (the public-key id). Written here, not taken from sdk-wechat or the testkit, so the
 * benchmarks' server shares no code with either client. Immutable.
 *
 * @param body the body, exactly as sent
 * @param headers the {@code Wechatpay-*} headers, in the order sent
 * @param signedAt the answer's timestamp
 */
record SignedAnswer(byte[] body, Map<String, String> headers, Instant signedAt) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /**
     * @param signature a SHA256withRSA signature object (the JDK's, or the benchmark's provider)
     * @param key WeChat Pay's private key
     * @param serial the {@code Wechatpay-Serial} to announce
     * @param body the answer body
     * @param at the timestamp to sign
     * @param tamper whether to change the body after signing (a client must then refuse it)
     * @return the signed answer
     * @throws GeneralSecurityException when signing fails
     */
    static SignedAnswer sign(Signature signature, PrivateKey key, String serial, String body, Instant at, boolean tamper)
            throws GeneralSecurityException {
        String timestamp = Long.toString(at.getEpochSecond());
        StringBuilder nonce = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            nonce.append(NONCE_CHARS.charAt(RANDOM.nextInt(NONCE_CHARS.length())));
        }
        signature.initSign(key);
        signature.update((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Wechatpay-Timestamp", timestamp);
        h.put("Wechatpay-Nonce", nonce.toString());
        h.put("Wechatpay-Signature", Base64.getEncoder().encodeToString(signature.sign()));
        h.put("Wechatpay-Serial", serial);
        h.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        h.put("Request-ID", "08F78BB5AF0610D302218C0F2035-0");
        // one character changed after signing: the amount of a paid trade, the QR code of a prepay
        String sent = tamper ? body.replace("8800", "9800").replace("p4lp", "p5lp") : body;
        return new SignedAnswer(sent.getBytes(StandardCharsets.UTF_8), Collections.unmodifiableMap(h), at);
    }

    /** @return the signed text a client verifies: {@code TIMESTAMP\nNONCE\nBODY\n} as UTF-8 */
    byte[] signedText() {
        return (headers.get("Wechatpay-Timestamp") + "\n" + headers.get("Wechatpay-Nonce") + "\n"
                + new String(body, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the whole HTTP/1.1 200 answer: status line, headers, body */
    byte[] http() {
        return WeChatAnswerServer.http(headers, body);
    }

    /** @return the signature's bytes */
    byte[] signature() {
        return Base64.getDecoder().decode(headers.get("Wechatpay-Signature"));
    }
}
