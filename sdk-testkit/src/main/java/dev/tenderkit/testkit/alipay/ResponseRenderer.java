package dev.tenderkit.testkit.alipay;

import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;

/**
 * Renders and signs an answer as Alipay does: {@code {"<node>":{...},"sign":"..."}}, in certificate
 * mode with {@code "alipay_cert_sn"} between them, the signature covering exactly the characters of
 * the node's value. With escaped slashes on, the value is sent with every {@code /} written
 * {@code \/} while the signature covers the unescaped text — what Alipay's gateway does, and why the
 * official SDK retries a failed check with the slashes unescaped. Thread-safe.
 */
final class ResponseRenderer {
    private final PrivateKey alipayKey;
    private final Optional<String> alipayCertSn;
    private volatile boolean escapeSlashes;

    ResponseRenderer(PrivateKey alipayKey, Optional<String> alipayCertSn) {
        this.alipayKey = alipayKey;
        this.alipayCertSn = alipayCertSn;
    }

    void escapeSlashes(boolean on) {
        this.escapeSlashes = on;
    }

    /**
     * @param node e.g. {@code alipay_trade_pay_response}
     * @param fields the node's fields
     * @param wrongSignature sign other text than what is sent (a valid signature that must not verify)
     * @return the body
     */
    String render(String node, Map<String, Object> fields, boolean wrongSignature) {
        String content = Json.write(fields);
        // a wrong signature is a valid signature over other text: it must fail verification, not parsing
        String sign = SimulatorSignatures.sign(wrongSignature ? content + " " : content, alipayKey);
        String sent = escapeSlashes ? content.replace("/", "\\/") : content;
        StringBuilder body = new StringBuilder(sent.length() + 420);
        body.append("{\"").append(node).append("\":").append(sent);
        alipayCertSn.ifPresent(sn -> body.append(",\"alipay_cert_sn\":\"").append(sn).append('"'));
        return body.append(",\"sign\":\"").append(sign).append("\"}").toString();
    }
}
