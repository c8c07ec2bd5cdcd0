package dev.tenderkit.alipay;

import dev.tenderkit.alipay.ResponseVerification.Failure;
import dev.tenderkit.alipay.ResponseVerification.Unverified;
import dev.tenderkit.alipay.ResponseVerification.Verified;
import dev.tenderkit.core.crypto.BoundVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies Alipay's gateway responses (alipay.md §2) and asynchronous notifications (§6) with the
 * Alipay public key, through the JCA provider the user chose (the JDK's by default). Results are
 * sealed types: a missing or bad signature can never be mistaken for success. Thread-safe.
 */
final class AlipayVerifier {
    static final String ERROR_RESPONSE = "error_response";

    private final BoundVerifier key;
    private final Optional<String> alipayCertSn;

    /**
     * Public-key mode, JDK provider.
     *
     * @param alipayPublicKey the Alipay public key
     * @param type the algorithm
     */
    public AlipayVerifier(PublicKey alipayPublicKey, SignType type) {
        this(alipayPublicKey, type, Optional.empty(), Optional.empty());
    }

    /**
     * @param alipayPublicKey the Alipay public key (in certificate mode: the Alipay certificate's)
     * @param type the algorithm
     * @param provider the JCA provider; empty for the JDK's default
     * @param alipayCertSn certificate mode: the configured Alipay certificate's SN; a response whose
     *     {@code alipay_cert_sn} differs is not verified (Alipay rotated its certificate: download
     *     the new one)
     */
    public AlipayVerifier(PublicKey alipayPublicKey, SignType type, Optional<Provider> provider, Optional<String> alipayCertSn) {
        Objects.requireNonNull(alipayPublicKey, "alipayPublicKey");
        Objects.requireNonNull(type, "type");
        type.requireUsable();
        this.alipayCertSn = Objects.requireNonNull(alipayCertSn, "alipayCertSn");
        this.key = BoundVerifier.of(alipayPublicKey, Signatures.source(type, provider));
    }

    /**
     * Verifies a gateway response body as received.
     *
     * <p>The node is {@code method.replace('.', '_') + "_response"}, or {@code error_response} when
     * that is absent. The verified content is the raw text of the node's value; if it does not
     * verify and contains {@code \/}, it is tried once more with {@code \/} replaced by {@code /}.
     *
     * @param body the response body, decoded from the charset it was sent in (UTF-8)
     * @param method the API method called, e.g. {@code alipay.trade.pay}
     * @return {@link Verified} with the raw content, or {@link Unverified} saying why not
     */
    public ResponseVerification verifyResponse(String body, String method) {
        Objects.requireNonNull(body, "body");
        String node = method.replace('.', '_') + "_response";
        Map<String, ResponseText.Member> members;
        try {
            members = ResponseText.members(body);
        } catch (ResponseText.Malformed e) {
            return new Unverified(Failure.MALFORMED_BODY, "the body is not one JSON object: " + e.getMessage(), Optional.empty());
        }
        ResponseText.Member m = members.get(node);
        if (m == null) {
            node = ERROR_RESPONSE;
            m = members.get(node);
        }
        if (m == null) {
            return new Unverified(Failure.NODE_MISSING, "neither " + method.replace('.', '_') + "_response nor "
                    + ERROR_RESPONSE + " in the body", Optional.empty());
        }
        String content = body.substring(m.start(), m.end());
        String quoted = '"' + node + '"';
        if (m.duplicate() || body.indexOf(quoted, body.indexOf(quoted) + 1) >= 0) {
            return new Unverified(Failure.DUPLICATE_NODE, "the body holds " + node + " more than once", Optional.empty());
        }
        if (content.isEmpty() || content.charAt(0) != '{') {
            return new Unverified(Failure.MALFORMED_BODY, node + " is not a JSON object", Optional.empty());
        }
        ResponseText.Member signMember = members.get("sign");
        if (signMember == null) {
            return new Unverified(Failure.SIGN_MISSING, "the body has no sign", Optional.of(content));
        }
        String sign;
        try {
            sign = ResponseText.decodeString(body.substring(signMember.start(), signMember.end()));
        } catch (ResponseText.Malformed e) {
            return new Unverified(Failure.SIGN_MISSING, "sign is not a string", Optional.of(content));
        }
        if (signMember.duplicate() || sign.isBlank()) {
            return new Unverified(Failure.SIGN_MISSING, "sign is empty or repeated", Optional.of(content));
        }
        if (alipayCertSn.isPresent()) {
            ResponseText.Member sn = members.get("alipay_cert_sn");
            if (sn != null) {
                String received;
                try {
                    received = ResponseText.decodeString(body.substring(sn.start(), sn.end()));
                } catch (ResponseText.Malformed e) {
                    received = "?";
                }
                if (!received.equals(alipayCertSn.get())) {
                    return new Unverified(Failure.UNKNOWN_ALIPAY_CERT, "alipay_cert_sn " + received
                            + " is not the configured Alipay certificate " + alipayCertSn.get()
                            + "; download Alipay's current public key certificate", Optional.of(content));
                }
            }
        }
        if (verifies(content, sign) || (content.contains("\\/") && verifies(content.replace("\\/", "/"), sign))) {
            return new Verified(node, content);
        }
        return new Unverified(Failure.BAD_SIGNATURE, "the signature over " + node + " does not verify", Optional.of(content));
    }

    /**
     * Verifies an asynchronous notification (alipay.md §6): {@code sign} and {@code sign_type} are
     * removed, empty values dropped, the rest sorted by key and joined as {@code k=v} with
     * {@code &}. The map is not modified.
     *
     * @param params the notification's form parameters, already URL-decoded (as any form parser does)
     * @return {@link NotificationVerification.Verified} or {@link NotificationVerification.Unverified}
     */
    public NotificationVerification verifyNotification(Map<String, String> params) {
        String sign = params.get("sign");
        if (sign == null || sign.isBlank()) {
            return new NotificationVerification.Unverified(NotificationVerification.Failure.SIGN_MISSING,
                    "the notification has no sign");
        }
        if (!verifies(notificationSignContent(params), sign)) {
            return new NotificationVerification.Unverified(NotificationVerification.Failure.BAD_SIGNATURE,
                    "the notification's signature does not verify");
        }
        TreeMap<String, String> kept = new TreeMap<>(params);
        kept.remove("sign");
        return new NotificationVerification.Verified(AlipayNotification.of(kept));
    }

    /**
     * The string Alipay signs for a notification: without {@code sign} and {@code sign_type},
     * empty values dropped, sorted by key, {@code k=v} joined with {@code &}.
     *
     * @param params the decoded notification parameters
     * @return the content
     */
    public static String notificationSignContent(Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (k == null || v == null || k.isBlank() || v.isBlank() || k.equals("sign") || k.equals("sign_type")) {
                continue;
            }
            sorted.put(k, v);
        }
        return AlipaySigner.join(sorted);
    }

    /** One public-key verification of the UTF-8 bytes of {@code content}. */
    boolean verifies(String content, String signBase64) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            return key.verify(content.getBytes(StandardCharsets.UTF_8), sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
