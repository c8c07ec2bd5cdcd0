package dev.tenderkit.wechat;

import dev.tenderkit.core.crypto.BoundVerifier;
import dev.tenderkit.wechat.AnswerVerification.Failure;
import dev.tenderkit.wechat.AnswerVerification.Unverified;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies WeChat Pay's signature on an answer or a callback (wechatpay.md §2), whatever its HTTP
 * status: {@code SHA256withRSA} (SM2 with SM3 in the {@link SigningScheme#SM2} scheme) over
 * {@code Wechatpay-Timestamp\nWechatpay-Nonce\nBODY\n}, BODY the raw text as received ({@code ""}
 * for a 204), the key chosen by {@code Wechatpay-Serial}. Refused besides: a timestamp five minutes
 * or more away from our clock (the official SDK checks none on callbacks), a
 * {@code WECHATPAY/SIGNTEST/} probe, and a {@code Wechatpay-Signature-Type} other than the configured
 * scheme's (an SM2-signed answer to RSA credentials, or the other way round). Thread-safe.
 */
final class AnswerVerifier {
    /** Headers, by the name WeChat Pay gives them. */
    static final String TIMESTAMP = "Wechatpay-Timestamp";
    static final String NONCE = "Wechatpay-Nonce";
    static final String SIGNATURE = "Wechatpay-Signature";
    static final String SERIAL = "Wechatpay-Serial";
    static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";
    static final String PROBE_PREFIX = "WECHATPAY/SIGNTEST/";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final AnswerKeys keys;
    private final Clock clock;

    AnswerVerifier(AnswerKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param header the answer's headers by name (case-insensitive lookup is the caller's)
     * @param rawBody the body exactly as received
     * @return the verification
     */
    AnswerVerification verify(Function<String, Optional<String>> header, String rawBody) {
        Optional<String> ts = nonEmpty(header.apply(TIMESTAMP));
        Optional<String> nonce = nonEmpty(header.apply(NONCE));
        Optional<String> signature = nonEmpty(header.apply(SIGNATURE));
        Optional<String> serial = nonEmpty(header.apply(SERIAL));
        if (ts.isEmpty() || nonce.isEmpty() || signature.isEmpty() || serial.isEmpty()) {
            return new Unverified(Failure.UNSIGNED, "an answer without " + (ts.isEmpty() ? TIMESTAMP : nonce.isEmpty()
                    ? NONCE : signature.isEmpty() ? SIGNATURE : SERIAL));
        }
        Optional<String> type = header.apply(SIGNATURE_TYPE);
        String expected = keys.scheme().authorizationScheme();
        if (type.isPresent() && !type.get().equals(expected)) {
            return new Unverified(Failure.WRONG_SIGNATURE_TYPE, "signature type " + type.get() + ", expected " + expected);
        }
        if (signature.get().startsWith(PROBE_PREFIX)) {
            return new Unverified(Failure.PROBE, "a WECHATPAY/SIGNTEST/ probe signature");
        }
        String t = ts.get();
        if (t.length() > 12 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Unverified(Failure.MALFORMED_TIMESTAMP, TIMESTAMP + " is not Unix seconds");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(t)), clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) >= 0) {
            return new Unverified(Failure.STALE_TIMESTAMP, "the answer is dated " + skew.toSeconds()
                    + " s away from our clock (at most " + MAX_SKEW.toSeconds() + " s accepted)");
        }
        Optional<BoundVerifier> key = keys.forSerial(serial.get());
        if (key.isEmpty()) {
            return new Unverified(Failure.UNKNOWN_SERIAL, "no key for Wechatpay-Serial " + serial.get());
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature.get());
        } catch (IllegalArgumentException e) {
            return new Unverified(Failure.BAD_SIGNATURE, "the signature is not base64");
        }
        byte[] message = (t + "\n" + nonce.get() + "\n" + rawBody + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (key.get().verify(message, sig)) {
                return new AnswerVerification.Verified(rawBody, serial.get());
            }
        } catch (GeneralSecurityException e) {
            return new Unverified(Failure.BAD_SIGNATURE, "the signature is malformed: " + e.getMessage());
        }
        return new Unverified(Failure.BAD_SIGNATURE, "the signature does not verify with key " + serial.get());
    }

    private static Optional<String> nonEmpty(Optional<String> v) {
        return v.filter(s -> !s.isEmpty());
    }
}
