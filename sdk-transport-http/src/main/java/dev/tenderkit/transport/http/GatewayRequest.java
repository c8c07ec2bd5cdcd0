package dev.tenderkit.transport.http;

import dev.tenderkit.core.ConfigurationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to a payment gateway, immutable. Built by {@link #post(String, URI)} or
 * {@link #get(String, URI)}, validated on {@link Builder#build()}.
 *
 * <p>{@link #toString()} never shows the body or header values: a body carries payment codes and
 * signatures, headers may carry credentials. Logging goes through the transport's redaction.
 *
 * @param operation the operation name used in logs and metrics, e.g. {@code alipay.trade.pay}
 * @param method {@code POST} or {@code GET}
 * @param url an absolute {@code http} or {@code https} URL, query string included
 * @param headers request headers in order, as name/value pairs
 * @param contentType the body's media type, e.g. {@code application/x-www-form-urlencoded; charset=utf-8};
 *     empty for a GET
 * @param body the body bytes; empty for a GET; a copy is returned
 */
public record GatewayRequest(String operation, String method, URI url, List<Map.Entry<String, String>> headers,
        Optional<String> contentType, byte[] body) {

    /** Checks nothing is null; copies headers and body. */
    public GatewayRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
        Objects.requireNonNull(contentType, "contentType");
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** @return a copy of the body */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the body length, without copying it */
    public int bodyLength() {
        return body.length;
    }

    /** @return the body for the transport's own use, not copied; package-private on purpose */
    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GatewayRequest r && r.operation.equals(operation) && r.method.equals(method)
                && r.url.equals(url) && r.headers.equals(headers) && r.contentType.equals(contentType)
                && java.util.Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, method, url, headers, contentType, java.util.Arrays.hashCode(body));
    }

    /** @return operation, method, host and path only: never the query, headers or body */
    @Override
    public String toString() {
        return "GatewayRequest[" + operation + " " + method + " " + url.getScheme() + "://" + url.getRawAuthority()
                + Optional.ofNullable(url.getRawPath()).orElse("") + ", body=" + body.length + " bytes]";
    }

    /**
     * @param operation the operation name for logs and metrics
     * @param url where to post
     * @return a builder for a POST; give it a body with {@link Builder#body(String, byte[])}
     */
    public static Builder post(String operation, URI url) {
        return new Builder(operation, "POST", url);
    }

    /**
     * @param operation the operation name for logs and metrics
     * @param url what to get
     * @return a builder for a GET
     */
    public static Builder get(String operation, URI url) {
        return new Builder(operation, "GET", url);
    }

    /** Builds a {@link GatewayRequest}; not thread-safe. */
    public static final class Builder {
        private final String operation;
        private final String method;
        private final URI url;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private String contentType;
        private byte[] body = new byte[0];

        private Builder(String operation, String method, URI url) {
            this.operation = Objects.requireNonNull(operation, "operation");
            this.method = method;
            this.url = Objects.requireNonNull(url, "url");
        }

        /**
         * @param name header name
         * @param value header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * @param contentType the body's media type, e.g. {@code application/json; charset=utf-8}
         * @param body the bytes to send; copied
         * @return this builder
         */
        public Builder body(String contentType, byte[] body) {
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        /**
         * @return the request
         * @throws ConfigurationException naming the first setting that cannot work
         */
        public GatewayRequest build() {
            if (operation.isBlank()) {
                throw new ConfigurationException("operation", "is blank; name the gateway operation, e.g. alipay.trade.pay");
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new ConfigurationException("url", "must be an absolute http or https URL with a host, not " + scheme
                        + "://" + url.getRawAuthority());
            }
            if (method.equals("POST") && contentType == null) {
                throw new ConfigurationException("body", "a POST needs a body and a content type");
            }
            if (method.equals("GET") && contentType != null) {
                throw new ConfigurationException("body", "a GET has no body");
            }
            for (Map.Entry<String, String> header : headers) {
                if (header.getKey().isEmpty() || !header.getKey().chars().allMatch(c -> c > ' ' && c < 0x7F && c != ':')) {
                    throw new ConfigurationException("header", "'" + header.getKey() + "' is not a valid header name");
                }
                if (!header.getValue().chars().allMatch(c -> c == '\t' || (c >= ' ' && c != 0x7F))) {
                    throw new ConfigurationException("header", header.getKey() + " has a control character in its value");
                }
            }
            return new GatewayRequest(operation, method, url, headers, Optional.ofNullable(contentType), body);
        }
    }
}
