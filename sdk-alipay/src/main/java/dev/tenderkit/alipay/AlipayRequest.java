package dev.tenderkit.alipay;

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
record AlipayRequest(String method, Map<String, String> queryParams, String bizContent) {
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
        StringBuilder sb = new StringBuilder(640);
        for (Map.Entry<String, String> e : queryParams.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            FormEncoding.append(sb.append(e.getKey()).append('='), e.getValue());
        }
        return sb.toString();
    }

    /** @return {@code biz_content=...} URL-encoded in UTF-8 */
    public String formBody() {
        StringBuilder sb = new StringBuilder(12 + bizContent.length() * 3).append("biz_content=");
        return FormEncoding.append(sb, bizContent).toString();
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
