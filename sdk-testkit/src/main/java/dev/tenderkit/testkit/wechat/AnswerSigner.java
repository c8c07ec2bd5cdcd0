package dev.tenderkit.testkit.wechat;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Signs what the simulated WeChat Pay sends (answers of every status, callbacks) as WeChat does:
 * {@code Wechatpay-Timestamp}, {@code -Nonce}, {@code -Signature} (SHA256withRSA with WeChat Pay's
 * key over {@code TIMESTAMP\nNONCE\nBODY\n}, the body being exactly the bytes sent, empty for a
 * 204), {@code -Serial} and {@code -Signature-Type}; plus the ways a fault spoils them.
 */
final class AnswerSigner {
    /** How a signature is spoiled, if at all. */
    enum Spoil { NONE, WRONG_TEXT, STALE, PROBE, FOREIGN_KEY }

    private final SimulatorCrypto crypto;
    private final PrivateKey wechatKey;
    private final PrivateKey foreignKey;
    private final Supplier<Instant> now;

    AnswerSigner(SimulatorCrypto crypto, PrivateKey wechatKey, PrivateKey foreignKey, Supplier<Instant> now) {
        this.crypto = crypto;
        this.wechatKey = wechatKey;
        this.foreignKey = foreignKey;
        this.now = now;
    }

    /** @return the Wechatpay-* headers for {@code body}, announcing {@code serial} */
    Map<String, String> headers(String body, String serial, Spoil spoil) {
        Instant at = spoil == Spoil.STALE ? now.get().minus(Duration.ofMinutes(6)) : now.get();
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = crypto.nonce(32);
        String message = timestamp + "\n" + nonce + "\n" + body + "\n";
        String signature = switch (spoil) {
            case WRONG_TEXT -> crypto.sign(message + "tampered", wechatKey);
            case PROBE -> "WECHATPAY/SIGNTEST/" + crypto.sign(message, foreignKey);
            case FOREIGN_KEY -> crypto.sign(message, foreignKey);
            default -> crypto.sign(message, wechatKey);
        };
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Wechatpay-Timestamp", timestamp);
        h.put("Wechatpay-Nonce", nonce);
        h.put("Wechatpay-Signature", signature);
        h.put("Wechatpay-Serial", serial);
        h.put("Wechatpay-Signature-Type", crypto.scheme());
        return h;
    }
}
