package dev.tenderkit.transport.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which fields and headers the transport's DEBUG log masks, shortens or drops. Field names apply to
 * form bodies, query strings and JSON (also JSON nested as a string value, such as Alipay's
 * {@code biz_content}); they are compared case-insensitively.
 *
 * <ul>
 *   <li>payment-code fields: masked with {@link dev.tenderkit.core.method.PaymentCodeMask};</li>
 *   <li>signature fields and headers whose name contains {@code signature}: shortened to their
 *       first 8 characters and their length;</li>
 *   <li>secret fields, and any field whose name contains {@code key}, {@code secret},
 *       {@code password} or {@code token}: replaced by {@code <redacted>};</li>
 *   <li>secret headers, and any header whose name contains {@code auth}, {@code key},
 *       {@code secret}, {@code token} or {@code cookie}: replaced by {@code <redacted>}.</li>
 * </ul>
 *
 * @param paymentCodeFields field names holding a payment code (付款码)
 * @param signatureFields field names holding a signature
 * @param secretFields field names never logged at all
 * @param secretHeaders header names never logged at all
 */
public record LogRedaction(Set<String> paymentCodeFields, Set<String> signatureFields, Set<String> secretFields,
        Set<String> secretHeaders) {

    /**
     * {@code auth_code}, {@code payment_code}, {@code dynamic_id}; {@code sign}, {@code signature}, {@code paySign};
     * the keys, and the bill links ({@code bill_download_url}, {@code download_url}): a bill link is a bearer
     * credential for the merchant's whole day until it expires.
     */
    public static final LogRedaction DEFAULT = new LogRedaction(Set.of("auth_code", "payment_code", "dynamic_id"),
            Set.of("sign", "signature", "paysign"), Set.of("private_key", "api_key", "apiv3_key", "mch_key",
                    "bill_download_url", "download_url"),
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie"));

    /** Copies the sets, lower-casing every name. */
    public LogRedaction {
        paymentCodeFields = lower(paymentCodeFields);
        signatureFields = lower(signatureFields);
        secretFields = lower(secretFields);
        secretHeaders = lower(secretHeaders);
    }

    /**
     * @param names field names holding payment codes, replacing the current ones
     * @return a copy with those payment-code fields
     */
    public LogRedaction withPaymentCodeFields(String... names) {
        return new LogRedaction(Set.of(names), signatureFields, secretFields, secretHeaders);
    }

    /**
     * @param names field names never to be logged, added to the current ones
     * @return a copy with those secret fields added
     */
    public LogRedaction withSecretFields(String... names) {
        Set<String> all = new java.util.HashSet<>(secretFields);
        all.addAll(Arrays.asList(names));
        return new LogRedaction(paymentCodeFields, signatureFields, all, secretHeaders);
    }

    private static Set<String> lower(Set<String> names) {
        return Objects.requireNonNull(names, "names").stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
