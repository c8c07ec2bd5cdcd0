package dev.tenderkit.alipay;

import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.crypto.BoundSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Signs Alipay requests with the app private key, through the JCA provider the user chose (the
 * JDK's by default). One private-key operation per {@link #sign} call; the key is parsed once,
 * elsewhere, and put into the provider's own form once, here; each thread reuses its own JCA
 * {@code Signature}. Thread-safe.
 */
final class AlipaySigner {
    private final SignType type;
    private final BoundSigner key;

    /**
     * Signs with the JDK's default provider.
     *
     * @param key the app private key
     * @param type the algorithm (SM2 needs BouncyCastle)
     */
    public AlipaySigner(PrivateKey key, SignType type) {
        this(key, type, null, false);
    }

    /**
     * Signs with the given provider (for example Conscrypt).
     *
     * @param key the app private key
     * @param type the algorithm (SM2 needs BouncyCastle)
     * @param provider the JCA provider to sign with
     */
    public AlipaySigner(PrivateKey key, SignType type, Provider provider) {
        this(key, type, Objects.requireNonNull(provider, "provider"), false);
    }

    private AlipaySigner(PrivateKey key, SignType type, Provider provider, boolean unused) {
        Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        type.requireUsable();
        // fails at construction if the provider lacks the algorithm
        this.key = BoundSigner.of(key, Signatures.source(type, Optional.ofNullable(provider)));
    }

    /** @return the algorithm */
    public SignType signType() {
        return type;
    }

    /**
     * The string Alipay signs for a request (alipay.md §1): every parameter except {@code sign},
     * pairs whose key or value is null, empty or whitespace-only dropped, sorted by key with
     * {@link String#compareTo}, joined as {@code k=v} with {@code &}, values raw (not URL-encoded).
     * {@code sign_type} is included.
     *
     * @param params all parameters of the request (common ones and {@code biz_content})
     * @return the content to sign
     */
    public static String requestSignContent(Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (k == null || v == null || k.isBlank() || v.isBlank() || k.equals("sign")) {
                continue;
            }
            sorted.put(k, v);
        }
        return join(sorted);
    }

    static String join(TreeMap<String, String> sorted) {
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /**
     * Signs the request parameters: {@link #sign(String)} of {@link #requestSignContent(Map)}.
     *
     * @param params all parameters of the request
     * @return the base64 signature, the value of {@code sign}
     */
    public String signRequest(Map<String, String> params) {
        return sign(requestSignContent(params));
    }

    /**
     * Signs UTF-8 bytes of a content string: the one private-key operation of a call.
     *
     * @param content the content
     * @return the base64 signature
     */
    public String sign(String content) {
        try {
            return Base64.getEncoder().encodeToString(key.sign(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new TenderKitException(ErrorCode.EXTENSION_FAILURE,
                    "signing with " + type.jcaAlgorithm() + " failed: " + e.getMessage(), e);
        }
    }
}
