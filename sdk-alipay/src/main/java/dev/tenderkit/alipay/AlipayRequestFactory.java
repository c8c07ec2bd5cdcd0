package dev.tenderkit.alipay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
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
public final class AlipayRequestFactory {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    private final AlipayCredentials credentials;
    private final Clock clock;
    private final JsonFactory json = new JsonFactory();

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
        Map<String, String> query = new LinkedHashMap<>(16);
        query.put("app_id", credentials.appId());
        query.put("method", biz.method());
        query.put("format", "JSON");
        query.put("charset", AlipayCredentials.CHARSET);
        query.put("sign_type", credentials.signType().wireName());
        query.put("timestamp", TIMESTAMP.format(clock.instant()));
        query.put("version", "1.0");
        notifyUrl.ifPresent(u -> query.put("notify_url", u));
        credentials.appCertSn().ifPresent(sn -> query.put("app_cert_sn", sn));
        credentials.alipayRootCertSn().ifPresent(sn -> query.put("alipay_root_cert_sn", sn));
        String bizContent = bizContent(biz);
        Map<String, String> all = new HashMap<>(query);
        all.put("biz_content", bizContent);
        query.put("sign", credentials.signer().signRequest(all));
        return new AlipayRequest(biz.method(), query, bizContent);
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
