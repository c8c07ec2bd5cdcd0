package dev.tenderkit.alipay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an {@link AlipayBizRequest} into a signed {@link AlipayRequest}: the common parameters
 * ({@code app_id, method, format=JSON, charset=utf-8, sign_type, timestamp} in GMT+8 from the
 * injected clock, {@code version=1.0}, {@code notify_url} if given, and in certificate mode
 * {@code app_cert_sn} and {@code alipay_root_cert_sn}), {@code biz_content} written with
 * jackson-core, and one signature over all of them. Thread-safe.
 */
final class AlipayRequestFactory {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    private final AlipayCredentials credentials;
    private final Clock clock;
    private final JsonFactory json = new JsonFactory();
    private volatile Stamp lastStamp;

    /**
     * @param credentials the app's credentials
     * @param clock where the {@code timestamp} comes from
     */
    public AlipayRequestFactory(AlipayCredentials credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Builds and signs a request.
     *
     * @param biz the business request
     * @param notifyUrl where Alipay posts notifications, if anywhere
     * @return the signed request
     */
    public AlipayRequest build(AlipayBizRequest biz, Optional<String> notifyUrl) {
        Objects.requireNonNull(biz, "biz");
        Objects.requireNonNull(notifyUrl, "notifyUrl");
        notifyUrl.ifPresent(u -> {
            if (u.isBlank() || u.length() > 256) {
                throw new InvalidInputException("notifyUrl", "must be 1-256 characters");
            }
        });
        String appId = credentials.appId();
        String method = biz.method();
        String signType = credentials.signType().wireName();
        String timestamp = timestamp();
        String bizContent = bizContent(biz);
        Optional<String> appCertSn = credentials.appCertSn();
        Optional<String> rootCertSn = credentials.alipayRootCertSn();

        // The signing content (AlipaySigner.requestSignContent of all parameters) written directly in
        // its sorted key order, without building and sorting a map per call. Every value here is
        // non-blank (validated above or at configuration), so none is dropped.
        StringBuilder content = new StringBuilder(256 + bizContent.length()
                + (notifyUrl.isPresent() ? notifyUrl.get().length() : 0));
        if (rootCertSn.isPresent()) {
            pair(content, "alipay_root_cert_sn", rootCertSn.get());
        }
        if (appCertSn.isPresent()) {
            pair(content, "app_cert_sn", appCertSn.get());
        }
        pair(content, "app_id", appId);
        pair(content, "biz_content", bizContent);
        pair(content, "charset", AlipayCredentials.CHARSET);
        pair(content, "format", "JSON");
        pair(content, "method", method);
        if (notifyUrl.isPresent()) {
            pair(content, "notify_url", notifyUrl.get());
        }
        pair(content, "sign_type", signType);
        pair(content, "timestamp", timestamp);
        pair(content, "version", "1.0");

        Map<String, String> query = new LinkedHashMap<>(16);
        query.put("app_id", appId);
        query.put("method", method);
        query.put("format", "JSON");
        query.put("charset", AlipayCredentials.CHARSET);
        query.put("sign_type", signType);
        query.put("timestamp", timestamp);
        query.put("version", "1.0");
        if (notifyUrl.isPresent()) {
            query.put("notify_url", notifyUrl.get());
        }
        if (appCertSn.isPresent()) {
            query.put("app_cert_sn", appCertSn.get());
        }
        if (rootCertSn.isPresent()) {
            query.put("alipay_root_cert_sn", rootCertSn.get());
        }
        query.put("sign", credentials.signer().sign(content.toString()));
        return new AlipayRequest(method, query, bizContent);
    }

    private static void pair(StringBuilder content, String key, String value) {
        if (value.isBlank()) {
            return; // as AlipaySigner.requestSignContent drops it
        }
        if (content.length() > 0) {
            content.append('&');
        }
        content.append(key).append('=').append(value);
    }

    /** The clock's time in GMT+8 to the second; formatted once per second, not once per call. */
    private String timestamp() {
        long second = clock.instant().getEpochSecond();
        Stamp last = lastStamp;
        if (last == null || last.epochSecond != second) {
            last = new Stamp(second, TIMESTAMP.format(Instant.ofEpochSecond(second)));
            lastStamp = last;
        }
        return last.text;
    }

    /** The last formatted timestamp; published whole through a volatile field, so threads share it safely. */
    private record Stamp(long epochSecond, String text) {
    }

    /** @return the {@code biz_content} JSON of a business request */
    String bizContent(AlipayBizRequest biz) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            biz.writeFields(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new TenderKitException(ErrorCode.EXTENSION_FAILURE, "writing biz_content failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
