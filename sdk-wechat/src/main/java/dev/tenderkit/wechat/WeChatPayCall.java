package dev.tenderkit.wechat;

import dev.tenderkit.transport.http.GatewayRequest;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.transport.http.HttpDownload;
import dev.tenderkit.transport.http.HttpHeaders;
import dev.tenderkit.transport.http.HttpOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One signed round trip to WeChat Pay APIv3, as every operation of {@link WeChatPayGateway} makes
 * it: the request signed ({@link RequestSigner}), sent through the {@link GatewayTransport} with the
 * {@code Wechatpay-Serial} header, and the answer, of any HTTP status, verified
 * ({@link AnswerVerifier}) before anything in it is read. Then: 2xx → {@link WeChatPayAnswer.Ok};
 * a verified 4xx → {@link WeChatPayAnswer.Refused} (WeChat's refusals are definite and signed),
 * except the codes of {@link WeChatPayCodes#isUnknown}; 5xx, 429, an unverifiable or unparsable
 * answer → {@link WeChatPayAnswer.Unknown}. Thread-safe.
 */
final class WeChatPayCall {
    private static final String JSON = "application/json";

    private final WeChatPayCredentials credentials;
    private final GatewayTransport transport;
    private final URI base;
    private final RequestSigner signer;
    private final AnswerVerifier verifier;
    private final Clock clock;
    private final Supplier<Optional<String>> answerSerial;

    WeChatPayCall(WeChatPayCredentials credentials, GatewayTransport transport, URI base, AnswerVerifier verifier,
            Clock clock, Supplier<Optional<String>> answerSerial) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.base = Objects.requireNonNull(base, "base");
        this.signer = new RequestSigner(credentials);
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.answerSerial = Objects.requireNonNull(answerSerial, "answerSerial");
    }

    /**
     * @param operation the operation name, for logs and metrics
     * @param method {@code GET} or {@code POST}
     * @param pathAndQuery the API path and query, already percent-encoded (e.g.
     *     {@code /v3/pay/transactions/out-trade-no/T1?mchid=1900000001})
     * @param body the JSON body for a POST
     * @return the answer
     */
    WeChatPayAnswer send(String operation, String method, String pathAndQuery, Optional<String> body) {
        return send(operation, method, pathAndQuery, body, raw -> verifier);
    }

    /**
     * As {@link #send(String, String, String, Optional)}, with the verifier chosen from the raw
     * answer body: the certificate download verifies its answer with the certificates it carries.
     */
    WeChatPayAnswer send(String operation, String method, String pathAndQuery, Optional<String> body,
            Function<String, AnswerVerifier> verifierFor) {
        URI url = URI.create(stripSlash(base.toString()) + pathAndQuery);
        String text = body.orElse("");
        GatewayRequest.Builder b = signed(operation, method, url, text, JSON);
        if (body.isPresent()) {
            b.body(JSON, text.getBytes(StandardCharsets.UTF_8));
        }
        HttpOutcome outcome = transport.execute(b.build());
        if (outcome instanceof HttpOutcome.NotSent n) {
            return new WeChatPayAnswer.NotSent("not sent: " + n.reason());
        }
        if (outcome instanceof HttpOutcome.OutcomeUnknown u) {
            return new WeChatPayAnswer.Unknown("no answer: " + u.reason());
        }
        HttpOutcome.Response r = (HttpOutcome.Response) outcome;
        return classify(r, verifierFor.apply(r.rawBody()));
    }

    /** The request with its {@code Authorization} over the URL's raw path and query, and the usual headers. */
    private GatewayRequest.Builder signed(String operation, String method, URI url, String text, String accept) {
        String signedPath = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        long now = clock.instant().getEpochSecond();
        GatewayRequest.Builder b = method.equals("GET") ? GatewayRequest.get(operation, url)
                : GatewayRequest.post(operation, url);
        b.header("Authorization", signer.authorization(method, signedPath, text, now, signer.nonce()))
                .header("Accept", accept)
                .header("User-Agent", "TenderKit-WeChatPay/0.1");
        answerSerial.get().ifPresent(s -> b.header(AnswerVerifier.SERIAL, s));
        return b;
    }

    /**
     * A signed GET of a file WeChat Pay links to (a bill's {@code download_url}), streamed to {@code file}
     * within {@code maxBytes}. Its answer is not signed (WeChat Pay signs no file download): the caller checks
     * the file against the hash of the signed answer that gave the link.
     */
    HttpDownload download(String operation, URI url, java.nio.file.Path file, long maxBytes) {
        return transport.download(signed(operation, "GET", url, "", "*/*").build(), file, maxBytes);
    }

    private static WeChatPayAnswer classify(HttpOutcome.Response r, AnswerVerifier verifier) {
        HttpHeaders h = r.headers();
        AnswerVerification v = verifier.verify(name -> single(h.all(name)), r.rawBody());
        if (v instanceof AnswerVerification.Unverified u) {
            return new WeChatPayAnswer.Unknown("HTTP " + r.status() + " answer not verified (" + u.failure() + ": "
                    + u.detail() + "): taken as unknown");
        }
        String raw = r.rawBody();
        Optional<JsonObject> json = raw.isEmpty() ? Optional.of(JsonObject.EMPTY) : JsonObject.parse(raw);
        if (json.isEmpty()) {
            return new WeChatPayAnswer.Unknown("HTTP " + r.status() + " answer is signed but not one JSON object");
        }
        int status = r.status();
        if (status >= 200 && status < 300) {
            return new WeChatPayAnswer.Ok(status, json.get());
        }
        Optional<String> code = json.get().string("code");
        if (WeChatPayCodes.isUnknown(status, code) || status < 400 || code.isEmpty()) {
            return new WeChatPayAnswer.Unknown("WeChat Pay answered " + WeChatPayCodes.raw(status, json.get())
                    + ": query with the same number");
        }
        return new WeChatPayAnswer.Refused(WeChatPayCodes.refusal(status, json.get()), json.get());
    }

    private static Optional<String> single(List<String> values) {
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    AnswerVerifier verifier() {
        return verifier;
    }

    /** @return the API host calls go to */
    URI base() {
        return base;
    }

    WeChatPayCredentials credentials() {
        return credentials;
    }
}
