package dev.tenderkit.alipay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signed request ready to send: POST to {@code gateway.do?} + {@link #queryString()} with
 * {@link #formBody()} as {@code application/x-www-form-urlencoded;charset=utf-8} (alipay.md §1:
 * common parameters and {@code sign} in the query string, {@code biz_content} in the body).
 *
 * @param method the API method
 * @param queryParams the common parameters and {@code sign}, in a stable order
 * @param bizContent the {@code biz_content} JSON text
 */
public record AlipayRequest(String method, Map<String, String> queryParams, String bizContent) {
    /** The content type of {@link #formBody()}. */
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded;charset=utf-8";

    /** Validates and copies. */
    public AlipayRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bizContent, "bizContent");
        queryParams = Collections.unmodifiableMap(new LinkedHashMap<>(queryParams));
    }

    /** @return the query parameters URL-encoded in UTF-8, joined with {@code &} */
    public String queryString() {
        StringBuilder sb = new StringBuilder(512);
        for (Map.Entry<String, String> e : queryParams.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** @return {@code biz_content=...} URL-encoded in UTF-8 */
    public String formBody() {
        return "biz_content=" + URLEncoder.encode(bizContent, StandardCharsets.UTF_8);
    }

    /** @return the signature sent as {@code sign} */
    public String sign() {
        return queryParams.get("sign");
    }

    /** @return the method, and no keys or signature */
    @Override
    public String toString() {
        return "AlipayRequest[" + method + "]";
    }
}
