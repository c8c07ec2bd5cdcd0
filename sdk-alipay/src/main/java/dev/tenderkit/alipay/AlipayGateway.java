package dev.tenderkit.alipay;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.CloseResult;
import dev.tenderkit.core.payment.GatewayCode;
import dev.tenderkit.core.payment.GatewayTiming;
import dev.tenderkit.core.payment.PayRequest;
import dev.tenderkit.core.payment.PayResult;
import dev.tenderkit.core.payment.Payment;
import dev.tenderkit.core.payment.PaymentGateway;
import dev.tenderkit.core.payment.PrecreateRequest;
import dev.tenderkit.core.payment.PrecreateResult;
import dev.tenderkit.core.payment.QueryResult;
import dev.tenderkit.core.payment.RefundQueryResult;
import dev.tenderkit.core.payment.RefundRequest;
import dev.tenderkit.core.payment.RefundResult;
import dev.tenderkit.core.payment.ReverseResult;
import dev.tenderkit.core.payment.TradeRef;
import dev.tenderkit.transport.http.GatewayRequest;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.transport.http.HttpOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Alipay's face-to-face payments as a {@link PaymentGateway}: each call is built and signed by
 * {@link AlipayRequestFactory}, sent through a {@link GatewayTransport}, and answered only from a
 * response whose signature verified ({@link AlipayVerifier}); everything else is "unknown" (or
 * "not sent" when the transport proves nothing left). Thread-safe.
 */
public final class AlipayGateway implements PaymentGateway {
    /** Alipay's production gateway. */
    public static final URI PRODUCTION = URI.create("https://openapi.alipay.com/gateway.do");
    /** Alipay's sandbox gateway. */
    public static final URI SANDBOX = URI.create("https://openapi-sandbox.dl.alipaydev.com/gateway.do");

    private static final String FORM = "application/x-www-form-urlencoded;charset=utf-8";
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final AlipayCredentials credentials;
    private final GatewayTransport transport;
    private final URI gatewayUrl;
    private final AlipayRequestFactory requests;
    private final Optional<String> notifyUrl;
    private final GatewayTiming timing;
    private final Clock clock;

    private AlipayGateway(Builder b) {
        this.credentials = b.credentials;
        this.transport = b.transport;
        this.gatewayUrl = b.gatewayUrl;
        this.clock = b.clock;
        this.requests = new AlipayRequestFactory(credentials, clock);
        this.notifyUrl = b.notifyUrl;
        this.timing = b.timing;
    }

    /** @return a builder; credentials and a transport are required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return "alipay";
    }

    @Override
    public GatewayTiming timing() {
        return timing;
    }

    /** What one call came to: a classified, verified answer, or a transport failure. */
    private sealed interface Answer {
        record Verified(AlipayOutcome outcome) implements Answer {
        }

        record NotSent(String reason) implements Answer {
        }

        record Unknown(String reason) implements Answer {
        }
    }

    private Answer call(AlipayBizRequest biz) {
        AlipayRequest request = requests.build(biz, notifyUrl);
        URI url = URI.create(gatewayUrl + "?" + request.queryString());
        GatewayRequest http = GatewayRequest.post(request.method(), url)
                .body(FORM, request.formBody().getBytes(StandardCharsets.UTF_8)).build();
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

    private Payment payment(AlipayReply reply, Money expected) {
        Money amount = reply.get("total_amount").map(Money::parse).orElse(expected);
        Instant paidAt = reply.get("gmt_payment").flatMap(AlipayGateway::chinaTime).orElse(clock.instant());
        return new Payment(reply.get("trade_no").orElse(""), amount, reply.fundingSource(), paidAt);
    }

    private static Optional<Instant> chinaTime(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, ALIPAY_TIME).toInstant(CHINA));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public PayResult pay(PayRequest r) {
        AlipayBizRequest.TradePay biz = AlipayBizRequest.TradePay.barCode(r.trade().outTradeNo(), r.paymentCode().value(),
                r.subject(), r.amount());
        if (r.installments().isPresent()) {
            biz = biz.withInstallments(r.installments().get());
        }
        if (!r.creditAllowed()) {
            biz = biz.withoutCredit();
        }
        Answer a = call(biz);
        if (a instanceof Answer.NotSent n) {
            return new PayResult.NotSent(n.reason());
        }
        if (a instanceof Answer.Unknown u) {
            return new PayResult.Unknown(u.reason());
        }
        AlipayOutcome o = ((Answer.Verified) a).outcome();
        if (o instanceof AlipayOutcome.Success s) {
            return new PayResult.Paid(payment(s.reply(), r.amount()), s.reply().gatewayCode());
        }
        if (o instanceof AlipayOutcome.UserPaying p) {
            return new PayResult.AwaitingBuyer(p.reply().gatewayCode());
        }
        return new PayResult.Declined(((AlipayOutcome.Refused) o).error());
    }

    @Override
    public PrecreateResult precreate(PrecreateRequest r) {
        AlipayBizRequest.TradePrecreate biz = AlipayBizRequest.TradePrecreate.of(r.trade().outTradeNo(), r.subject(),
                r.amount());
        Answer a = call(biz);
        if (!(a instanceof Answer.Verified v)) {
            return new PrecreateResult.Unknown(reason(a));
        }
        if (v.outcome() instanceof AlipayOutcome.Success s && s.reply().get("qr_code").isPresent()) {
            return new PrecreateResult.Created(s.reply().get("qr_code").get(), s.reply().gatewayCode());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            return new PrecreateResult.Declined(f.error());
        }
        return new PrecreateResult.Unknown("Alipay answered precreate without a QR code: " + v.outcome());
    }

    @Override
    public QueryResult query(TradeRef t) {
        Answer a = call(new AlipayBizRequest.TradeQuery(t.outTradeNo()));
        if (!(a instanceof Answer.Verified v)) {
            return new QueryResult.Unknown(reason(a));
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            return isNotExist(f) ? new QueryResult.NotFound(f.error().raw())
                    : new QueryResult.Unknown("Alipay refused the query: " + f.error().raw());
        }
        if (!(v.outcome() instanceof AlipayOutcome.Success s)) {
            return new QueryResult.Unknown("unexpected answer to a query: " + v.outcome());
        }
        AlipayReply reply = s.reply();
        String status = reply.get("trade_status").orElse("");
        GatewayCode raw = new GatewayCode(reply.code(), Optional.of(status), reply.get("msg").orElse(""));
        switch (status) {
            case "TRADE_SUCCESS":
            case "TRADE_FINISHED":
                return new QueryResult.Paid(payment(reply, reply.get("total_amount").map(Money::parse)
                        .orElse(Money.ZERO)), raw);
            case "WAIT_BUYER_PAY":
                return new QueryResult.AwaitingBuyer(raw);
            case "TRADE_CLOSED":
                return new QueryResult.Closed(raw);
            default:
                return new QueryResult.Unknown("unknown trade_status \"" + status + "\"");
        }
    }

    private static boolean isNotExist(AlipayOutcome.Refused f) {
        return f.error().raw().subCode().filter("ACQ.TRADE_NOT_EXIST"::equals).isPresent();
    }

    @Override
    public ReverseResult reverse(TradeRef t) {
        Answer a = call(new AlipayBizRequest.TradeCancel(t.outTradeNo()));
        if (!(a instanceof Answer.Verified v)) {
            return new ReverseResult.Unknown(reason(a));
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            boolean retry = f.reply().get("retry_flag").filter("Y"::equals).isPresent();
            return retry ? new ReverseResult.RetryLater(f.error().raw()) : new ReverseResult.Declined(f.error());
        }
        if (!(v.outcome() instanceof AlipayOutcome.Success s)) {
            return new ReverseResult.Unknown("unexpected answer to a cancel: " + v.outcome());
        }
        if (s.reply().get("retry_flag").filter("Y"::equals).isPresent()) {
            return new ReverseResult.RetryLater(s.reply().gatewayCode());
        }
        boolean refunded = s.reply().get("action").filter("refund"::equals).isPresent();
        return new ReverseResult.Reversed(refunded, s.reply().gatewayCode());
    }

    @Override
    public CloseResult close(TradeRef t) {
        Answer a = call(new AlipayBizRequest.TradeClose(t.outTradeNo()));
        if (!(a instanceof Answer.Verified v)) {
            return new CloseResult.Unknown(reason(a));
        }
        if (v.outcome() instanceof AlipayOutcome.Success s) {
            return new CloseResult.Closed(s.reply().gatewayCode());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            return new CloseResult.Declined(f.error());
        }
        return new CloseResult.Unknown("unexpected answer to a close: " + v.outcome());
    }

    @Override
    public RefundResult refund(RefundRequest r) {
        Answer a = call(new AlipayBizRequest.TradeRefund(r.trade().outTradeNo(), r.amount(), r.refundRequestNo(),
                Optional.of(r.reason()).filter(s -> !s.isBlank())));
        if (!(a instanceof Answer.Verified v)) {
            return new RefundResult.Unknown(reason(a));
        }
        if (v.outcome() instanceof AlipayOutcome.Success s) {
            return new RefundResult.Refunded(r.amount(), s.reply().gatewayCode());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            return new RefundResult.Declined(f.error());
        }
        return new RefundResult.Unknown("unexpected answer to a refund: " + v.outcome());
    }

    @Override
    public RefundQueryResult queryRefund(TradeRef t, String refundRequestNo) {
        Answer a = call(new AlipayBizRequest.TradeRefundQuery(t.outTradeNo(), refundRequestNo));
        if (!(a instanceof Answer.Verified v)) {
            return new RefundQueryResult.Unknown(reason(a));
        }
        if (v.outcome() instanceof AlipayOutcome.Success s) {
            Optional<String> amount = s.reply().get("refund_amount");
            boolean done = s.reply().get("refund_status").map("REFUND_SUCCESS"::equals).orElse(amount.isPresent());
            return done && amount.isPresent()
                    ? new RefundQueryResult.Refunded(Money.parse(amount.get()), s.reply().gatewayCode())
                    : new RefundQueryResult.NotFound(s.reply().gatewayCode());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f && isNotExist(f)) {
            return new RefundQueryResult.NotFound(f.error().raw());
        }
        return new RefundQueryResult.Unknown("unexpected answer to a refund query: " + v.outcome());
    }

    private static String reason(Answer a) {
        if (a instanceof Answer.NotSent n) {
            return n.reason();
        }
        if (a instanceof Answer.Unknown u) {
            return u.reason();
        }
        return String.valueOf(a);
    }

    /** Configures an Alipay gateway; {@link #build()} names the missing setting. */
    public static final class Builder {
        private AlipayCredentials credentials;
        private GatewayTransport transport;
        private URI gatewayUrl = PRODUCTION;
        private Optional<String> notifyUrl = Optional.empty();
        private GatewayTiming timing = GatewayTiming.DEFAULT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** @param credentials the app's keys; required @return this */
        public Builder credentials(AlipayCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** @param transport the HTTP transport (one per configuration, shared); required @return this */
        public Builder transport(GatewayTransport transport) {
            this.transport = transport;
            return this;
        }

        /** @param url {@link #PRODUCTION} (default), {@link #SANDBOX}, or a simulator's @return this */
        public Builder gatewayUrl(URI url) {
            this.gatewayUrl = url;
            return this;
        }

        /** @param url where Alipay posts asynchronous notifications @return this */
        public Builder notifyUrl(String url) {
            this.notifyUrl = Optional.of(url);
            return this;
        }

        /** @param timing polling and reversal timing; default Alipay's POS guidance @return this */
        public Builder timing(GatewayTiming timing) {
            this.timing = timing;
            return this;
        }

        /** @param clock the clock for request timestamps; default UTC system clock @return this */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @return the gateway */
        public AlipayGateway build() {
            if (credentials == null) {
                throw new ConfigurationException("credentials", "an Alipay gateway needs the app's credentials");
            }
            if (transport == null) {
                throw new ConfigurationException("transport", "an Alipay gateway needs a GatewayTransport");
            }
            Objects.requireNonNull(gatewayUrl, "gatewayUrl");
            if (!"https".equals(gatewayUrl.getScheme()) && !"127.0.0.1".equals(gatewayUrl.getHost())
                    && !"localhost".equals(gatewayUrl.getHost())) {
                throw new ConfigurationException("gatewayUrl", "must be https (plain http only to loopback for a "
                        + "simulator), got " + gatewayUrl);
            }
            Objects.requireNonNull(timing, "timing");
            Objects.requireNonNull(clock, "clock");
            return new AlipayGateway(this);
        }
    }
}
