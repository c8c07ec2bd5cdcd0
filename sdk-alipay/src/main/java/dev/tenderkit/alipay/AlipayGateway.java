package dev.tenderkit.alipay;

import dev.tenderkit.alipay.AlipayCall.Answer;
import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.CloseResult;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.RefundQueryResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.RefundResult;
import dev.tenderkit.core.payment.spi.ReverseResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.transport.http.GatewayTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Alipay's face-to-face payments as a {@link PaymentGateway}: each call is built and signed with
 * the app's {@link AlipayCredentials}, sent through a {@link GatewayTransport}, and answered only
 * from a response whose signature verified and that is bound to the request it answers; everything
 * else is "unknown" (or "not sent" when the transport proves nothing left). Thread-safe.
 */
public final class AlipayGateway implements PaymentGateway {
    /** Alipay's production gateway. */
    public static final URI PRODUCTION = URI.create("https://openapi.alipay.com/gateway.do");
    /** Alipay's sandbox gateway. */
    public static final URI SANDBOX = URI.create("https://openapi-sandbox.dl.alipaydev.com/gateway.do");

    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** A pay "refused" because the trade is already paid: it is paid (alipay.md §4), so query. */
    private static final String ALREADY_PAID = "ACQ.TRADE_HAS_SUCCESS";

    private final AlipayCall call;
    private final GatewayTiming timing;
    private final Clock clock;

    private AlipayGateway(Builder b) {
        this.clock = b.clock;
        this.call = new AlipayCall(b.credentials, b.transport, b.gatewayUrl,
                new AlipayRequestFactory(b.credentials, b.clock), b.notifyUrl);
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

    /** @return the signed, verified round trip this gateway makes (its bills reuse it) */
    AlipayCall call() {
        return call;
    }

    /** @return the gateway's clock */
    Clock clock() {
        return clock;
    }

    @Override
    public GatewayTiming timing() {
        return timing;
    }

    /**
     * The payment a bound answer reports. Alipay's pay answer dates the payment
     * {@code gmt_payment}, its query answer {@code send_pay_date}: the wallet's time, which decides
     * the business day the fee is priced on; the terminal's clock only when the answer has neither.
     */
    private Payment payment(AlipayReply reply, String timeField) {
        Money amount = AnswerBinding.money(reply, "total_amount").orElseThrow();
        Instant paidAt = reply.get(timeField).flatMap(AlipayGateway::chinaTime).orElse(clock.instant());
        return new Payment(reply.get("trade_no").orElseThrow(), amount, reply.fundingSource(), paidAt);
    }

    private static Optional<Instant> chinaTime(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, ALIPAY_TIME).toInstant(CHINA));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String unbound(String what, String why) {
        return "unbound answer to " + what + ": " + why + "; taken as unknown";
    }

    @Override
    public PayResult pay(PayRequest r) {
        String no = r.trade().outTradeNo();
        AlipayBizRequest.TradePay biz = AlipayBizRequest.TradePay.barCode(no, r.paymentCode().value(),
                r.subject(), r.amount());
        if (r.installments().isPresent()) {
            biz = biz.withInstallments(r.installments().get());
        }
        if (!r.creditAllowed()) {
            biz = biz.withoutCredit();
        }
        Answer a = call.send(biz);
        if (a instanceof Answer.NotSent n) {
            return new PayResult.NotSent(n.reason());
        }
        if (a instanceof Answer.Unknown u) {
            return new PayResult.Unknown(u.reason());
        }
        AlipayOutcome o = ((Answer.Verified) a).outcome();
        if (o instanceof AlipayOutcome.Success s) {
            Optional<String> unbound = AnswerBinding.paid(s.reply(), no, r.amount());
            return unbound.isPresent() ? new PayResult.Unknown(unbound("pay " + no, unbound.get()))
                    : new PayResult.Paid(payment(s.reply(), "gmt_payment"), s.reply().gatewayCode());
        }
        if (o instanceof AlipayOutcome.UserPaying p) {
            Optional<String> unbound = AnswerBinding.paying(p.reply(), no, r.amount());
            return unbound.isPresent() ? new PayResult.Unknown(unbound("pay " + no, unbound.get()))
                    : new PayResult.AwaitingBuyer(p.reply().gatewayCode());
        }
        AlipayOutcome.Refused f = (AlipayOutcome.Refused) o;
        Optional<String> unbound = AnswerBinding.trade(f.reply(), no);
        if (unbound.isPresent()) {
            return new PayResult.Unknown(unbound("pay " + no, unbound.get()));
        }
        if (f.error().raw().subCode().filter(ALREADY_PAID::equals).isPresent()) {
            // "already paid" is no refusal: the trade exists and is paid; the query says how
            return new PayResult.Unknown("Alipay answered " + f.error().raw() + ": the trade is already paid; query it");
        }
        return new PayResult.Declined(f.error());
    }

    @Override
    public PrecreateResult precreate(PrecreateRequest r) {
        String no = r.trade().outTradeNo();
        AlipayBizRequest.TradePrecreate biz = AlipayBizRequest.TradePrecreate.of(no, r.subject(), r.amount())
                .withTimeout(r.validity());
        if (!r.creditAllowed()) {
            biz = biz.withoutCredit();
        }
        Answer a = call.send(biz);
        if (!(a instanceof Answer.Verified v)) {
            return new PrecreateResult.Unknown(a.reason());
        }
        if (v.outcome() instanceof AlipayOutcome.Success s) {
            Optional<String> unbound = AnswerBinding.precreated(s.reply(), no);
            return unbound.isPresent() ? new PrecreateResult.Unknown(unbound("precreate " + no, unbound.get()))
                    : new PrecreateResult.Created(s.reply().get("qr_code").orElseThrow(), s.reply().gatewayCode());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            Optional<String> unbound = AnswerBinding.trade(f.reply(), no);
            return unbound.isPresent() ? new PrecreateResult.Unknown(unbound("precreate " + no, unbound.get()))
                    : new PrecreateResult.Declined(f.error());
        }
        return new PrecreateResult.Unknown("Alipay answered precreate without a QR code: " + v.outcome());
    }

    @Override
    public QueryResult query(TradeRef t) {
        String no = t.outTradeNo();
        Answer a = call.send(new AlipayBizRequest.TradeQuery(no));
        if (!(a instanceof Answer.Verified v)) {
            return new QueryResult.Unknown(a.reason());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            Optional<String> unbound = AnswerBinding.trade(f.reply(), no);
            if (unbound.isPresent()) {
                return new QueryResult.Unknown(unbound("query " + no, unbound.get()));
            }
            return isNotExist(f) ? new QueryResult.NotFound(f.error().raw())
                    : new QueryResult.Unknown("Alipay refused the query: " + f.error().raw());
        }
        if (!(v.outcome() instanceof AlipayOutcome.Success s)) {
            return new QueryResult.Unknown("unexpected answer to a query: " + v.outcome());
        }
        AlipayReply reply = s.reply();
        Optional<String> unbound = AnswerBinding.queried(reply, no);
        if (unbound.isPresent()) {
            return new QueryResult.Unknown(unbound("query " + no, unbound.get()));
        }
        String status = reply.get("trade_status").orElseThrow();
        GatewayCode raw = new GatewayCode(reply.code(), Optional.of(status), reply.get("msg").orElse(""));
        switch (status) {
            case "TRADE_SUCCESS":
            case "TRADE_FINISHED":
                if (AnswerBinding.money(reply, "total_amount").isEmpty() || reply.get("trade_no").isEmpty()) {
                    return new QueryResult.Unknown(unbound("query " + no, "a paid trade's answer lacks a well-formed "
                            + "total_amount or its trade_no"));
                }
                return new QueryResult.Paid(payment(reply, "send_pay_date"), raw);
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
        String no = t.outTradeNo();
        Answer a = call.send(new AlipayBizRequest.TradeCancel(no));
        if (!(a instanceof Answer.Verified v)) {
            return new ReverseResult.Unknown(a.reason());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            Optional<String> unbound = AnswerBinding.trade(f.reply(), no);
            if (unbound.isPresent()) {
                return new ReverseResult.Unknown(unbound("cancel " + no, unbound.get()));
            }
            boolean retry = f.reply().get("retry_flag").filter("Y"::equals).isPresent();
            return retry ? new ReverseResult.RetryLater(f.error().raw()) : new ReverseResult.Declined(f.error());
        }
        if (!(v.outcome() instanceof AlipayOutcome.Success s)) {
            return new ReverseResult.Unknown("unexpected answer to a cancel: " + v.outcome());
        }
        Optional<String> unbound = AnswerBinding.cancelled(s.reply(), no);
        if (unbound.isPresent()) {
            return new ReverseResult.Unknown(unbound("cancel " + no, unbound.get()));
        }
        if (s.reply().get("retry_flag").filter("Y"::equals).isPresent()) {
            return new ReverseResult.RetryLater(s.reply().gatewayCode());
        }
        boolean refunded = s.reply().get("action").filter("refund"::equals).isPresent();
        return new ReverseResult.Reversed(refunded, s.reply().gatewayCode());
    }

    @Override
    public CloseResult close(TradeRef t) {
        String no = t.outTradeNo();
        Answer a = call.send(new AlipayBizRequest.TradeClose(no));
        if (!(a instanceof Answer.Verified v)) {
            return new CloseResult.Unknown(a.reason());
        }
        if (v.outcome() instanceof AlipayOutcome.Success s) {
            Optional<String> unbound = AnswerBinding.closed(s.reply(), no);
            return unbound.isPresent() ? new CloseResult.Unknown(unbound("close " + no, unbound.get()))
                    : new CloseResult.Closed(s.reply().gatewayCode());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            Optional<String> unbound = AnswerBinding.trade(f.reply(), no);
            return unbound.isPresent() ? new CloseResult.Unknown(unbound("close " + no, unbound.get()))
                    : new CloseResult.Declined(f.error());
        }
        return new CloseResult.Unknown("unexpected answer to a close: " + v.outcome());
    }

    /**
     * Alipay's refund answer names the trade but not the refund request ({@code refund_fee} is the
     * trade's running total), so a success is {@link RefundResult.Accepted}: the engine confirms
     * it with a refund query, which names the request and its amount.
     */
    @Override
    public RefundResult refund(RefundRequest r) {
        String no = r.trade().outTradeNo();
        Answer a = call.send(new AlipayBizRequest.TradeRefund(no, r.amount(), r.refundRequestNo(),
                Optional.of(r.reason()).filter(s -> !s.isBlank())));
        if (!(a instanceof Answer.Verified v)) {
            return new RefundResult.Unknown(a.reason());
        }
        if (v.outcome() instanceof AlipayOutcome.Success s) {
            Optional<String> unbound = AnswerBinding.refundAccepted(s.reply(), no, r.refundRequestNo());
            return unbound.isPresent() ? new RefundResult.Unknown(unbound("refund " + r.refundRequestNo(), unbound.get()))
                    : new RefundResult.Accepted(s.reply().gatewayCode());
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            Optional<String> unbound = AnswerBinding.trade(f.reply(), no);
            return unbound.isPresent() ? new RefundResult.Unknown(unbound("refund " + r.refundRequestNo(), unbound.get()))
                    : new RefundResult.Declined(f.error());
        }
        return new RefundResult.Unknown("unexpected answer to a refund: " + v.outcome());
    }

    @Override
    public RefundQueryResult queryRefund(TradeRef t, String refundRequestNo) {
        String no = t.outTradeNo();
        Answer a = call.send(new AlipayBizRequest.TradeRefundQuery(no, refundRequestNo));
        if (!(a instanceof Answer.Verified v)) {
            return new RefundQueryResult.Unknown(a.reason());
        }
        String what = "refund query " + refundRequestNo + " of " + no;
        if (v.outcome() instanceof AlipayOutcome.Success s) {
            AlipayReply reply = s.reply();
            Optional<String> unbound = AnswerBinding.refundQueried(reply, no, refundRequestNo);
            if (unbound.isPresent()) {
                return new RefundQueryResult.Unknown(unbound(what, unbound.get()));
            }
            Optional<String> amount = reply.get("refund_amount");
            boolean done = reply.get("refund_status").map("REFUND_SUCCESS"::equals).orElse(amount.isPresent());
            if (!done || amount.isEmpty()) {
                // "not found" may confirm a refused refund: it must at least name this trade
                return reply.get("out_trade_no").isPresent() ? new RefundQueryResult.NotFound(reply.gatewayCode())
                        : new RefundQueryResult.Unknown(unbound(what, "a refund not found, naming no trade"));
            }
            Optional<String> unboundRefund = AnswerBinding.refundFound(reply, no, refundRequestNo);
            return unboundRefund.isPresent() ? new RefundQueryResult.Unknown(unbound(what, unboundRefund.get()))
                    : new RefundQueryResult.Refunded(AnswerBinding.money(reply, "refund_amount").orElseThrow(),
                            reply.gatewayCode());
        }
        // ACQ.TRADE_NOT_EXIST names no trade (and a refunded trade exists): it proves nothing here
        return new RefundQueryResult.Unknown("unexpected answer to a refund query: " + v.outcome());
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
            SecureUrls.require("gatewayUrl", gatewayUrl);
            Objects.requireNonNull(timing, "timing");
            Objects.requireNonNull(clock, "clock");
            return new AlipayGateway(this);
        }
    }
}
