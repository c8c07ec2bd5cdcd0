package dev.tenderkit.alipay;

import dev.tenderkit.transport.http.GatewayRequest;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.transport.http.HttpOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One signed round trip to Alipay's {@code gateway.do}, as {@link AlipayGateway} makes it for every
 * operation: the request built and signed by {@link AlipayRequestFactory}, posted through the
 * {@link GatewayTransport}, and its answer verified ({@link AlipayVerifier}) and classified
 * ({@link AlipayCodes}). What comes back is an {@link Answer}: a verified outcome, or why there is
 * none. Binding the answer to the request is the caller's ({@link AnswerBinding}). Thread-safe.
 */
final class AlipayCall {
    private final AlipayCredentials credentials;
    private final GatewayTransport transport;
    private final URI gatewayUrl;
    private final AlipayRequestFactory requests;
    private final Optional<String> notifyUrl;

    AlipayCall(AlipayCredentials credentials, GatewayTransport transport, URI gatewayUrl,
            AlipayRequestFactory requests, Optional<String> notifyUrl) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.notifyUrl = Objects.requireNonNull(notifyUrl, "notifyUrl");
    }

    /** @return the same call without a {@code notify_url} (for calls that are not about a trade: the bill's link) */
    AlipayCall withoutNotifyUrl() {
        return new AlipayCall(credentials, transport, gatewayUrl, requests, Optional.empty());
    }

    /** @return the transport the calls go through */
    GatewayTransport transport() {
        return transport;
    }

    /** What one call came to: a classified, verified answer, or a transport failure. */
    sealed interface Answer {
        record Verified(AlipayOutcome outcome) implements Answer {
        }

        record NotSent(String reason) implements Answer {
        }

        record Unknown(String reason) implements Answer {
        }

        /**
         * @return why there is no verified answer, for a result's reason (the record component of
         *     {@code NotSent} and {@code Unknown}); for a verified one, the answer itself
         */
        default String reason() {
            return String.valueOf(this);
        }
    }

    /**
     * @param biz the business request
     * @return {@link Answer.NotSent} only when the transport proves nothing left; {@link Answer.Unknown}
     *     for anything else that is not a verified, classified answer
     */
    Answer send(AlipayBizRequest biz) {
        AlipayRequest request = requests.build(biz, notifyUrl);
        URI url = URI.create(gatewayUrl + "?" + request.queryString());
        GatewayRequest http = GatewayRequest.post(request.method(), url)
                .body(AlipayRequest.FORM_CONTENT_TYPE, request.formBody().getBytes(StandardCharsets.UTF_8)).build();
        HttpOutcome outcome = transport.execute(http);
        if (outcome instanceof HttpOutcome.NotSent n) {
            return new Answer.NotSent("not sent: " + n);
        }
        if (outcome instanceof HttpOutcome.OutcomeUnknown u) {
            return new Answer.Unknown("no answer: " + u);
        }
        HttpOutcome.Response r = (HttpOutcome.Response) outcome;
        if (r.status() != 200) {
            return new Answer.Unknown("HTTP " + r.status() + " from the Alipay gateway");
        }
        AlipayOutcome classified = AlipayCodes.classify(credentials.verifier().verifyResponse(r.rawBody(),
                request.method()));
        if (classified instanceof AlipayOutcome.Unknown u) {
            return new Answer.Unknown(u.reason());
        }
        return new Answer.Verified(classified);
    }
}
