package dev.tenderkit.wechat;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.payment.spi.CloseResult;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.RefundQueryResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.RefundResult;
import dev.tenderkit.core.payment.spi.ReverseResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.wechat.WeChatPayAnswer.Ok;
import dev.tenderkit.wechat.WeChatPayAnswer.Refused;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * WeChat Pay APIv3 as a {@link PaymentGateway}: barcode payments ({@code codepay}, with
 * {@code scene_info}), query by {@code out_trade_no}, reverse, close, native QR payments, refunds
 * and refund queries. Every answer, of any HTTP status, is verified before it is believed and bound
 * to the request it answers ({@link AnswerBinding}); WeChat Pay's signed 4xx refusals are definite,
 * everything unverifiable, 429 and 5xx is unknown and the engine queries the same
 * {@code out_trade_no}. Build it with {@link WeChatPayGatewayBuilder} ({@link #builder()}).
 * Thread-safe; one per merchant, several in one JVM.
 */
public final class WeChatPayGateway implements PaymentGateway {
    /**
     * WeChat Pay's timing (wechatpay.md §4): query every 5 s, give up at 45 s, when WeChat revokes
     * itself. Request validity 10 minutes: WeChat refuses a request whose signed timestamp is 5
     * minutes or more from its clock (401 {@code SIGN_ERROR}), and this adapter refuses answers 5
     * minutes or more from ours (AnswerVerifier.MAX_SKEW), so a codepay lost in the network
     * can create no order later than that after it was sent; the engine needs it because WeChat's
     * reverse of an order it never created is a 404 that closes nothing.
     */
    public static final GatewayTiming TIMING = GatewayTiming.builder()
            .firstQueryAfter(java.time.Duration.ofSeconds(5)).pollEvery(java.time.Duration.ofSeconds(5))
            .buyerDeadline(java.time.Duration.ofSeconds(45)).requestValidity(java.time.Duration.ofMinutes(10)).build();
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final WeChatPayCall call;
    private final WeChatPayCredentials c;
    private final WeChatPayGatewayBuilder.Settings s;
    private final Optional<PlatformCertificates> certificates;
    private final TradeReading read;

    WeChatPayGateway(WeChatPayCall call, WeChatPayGatewayBuilder.Settings settings,
            Optional<PlatformCertificates> certificates) {
        this.call = call;
        this.c = call.credentials();
        this.s = settings;
        this.certificates = certificates;
        this.read = new TradeReading(settings.clock());
    }

    /** @return a builder; credentials, transport, device id and store id are required */
    public static WeChatPayGatewayBuilder builder() {
        return new WeChatPayGatewayBuilder();
    }

    @Override
    public String id() {
        return "wechat";
    }

    @Override
    public GatewayTiming timing() {
        return s.timing();
    }

    /**
     * Downloads the platform certificates now (platform-certificate mode), besides the background
     * refresh; e.g. at start-up, to know before the first payment that verification will work.
     *
     * @return what the download came to; in public-key mode only, a failure saying so
     */
    public CertificateRefresh refreshPlatformCertificates() {
        return certificates.map(PlatformCertificates::refresh).orElse(new CertificateRefresh(java.util.Set.of(),
                Optional.of("this gateway is in public-key mode: no platform certificates to download")));
    }

    /** Stops the background refresh of platform certificates (nothing to stop in public-key mode). */
    public void stopCertificateRefresh() {
        certificates.ifPresent(PlatformCertificates::stop);
    }

    /** @return the verifier of this gateway's answers, which callbacks share (the same keys and clock) */
    AnswerVerifier verifier() {
        return call.verifier();
    }

    WeChatPayCredentials credentials() {
        return c;
    }

    /** @return the signed round trip this gateway calls through, which its bills share */
    WeChatPayCall call() {
        return call;
    }

    /** @return the gateway's clock */
    java.time.Clock clock() {
        return s.clock();
    }

    private static String unbound(String what, String why) {
        return "unbound answer to " + what + ": " + why + "; taken as unknown";
    }

    private String path(String no) {
        return "/v3/pay/transactions/out-trade-no/" + PathText.segment(no);
    }

    @Override
    public PayResult pay(PayRequest r) {
        String no = r.trade().outTradeNo();
        JsonBody body = new JsonBody().put("appid", c.appid()).put("mchid", c.mchid())
                .put("description", r.subject()).put("out_trade_no", no)
                .put("payer", new JsonBody().put("auth_code", r.paymentCode().value()))
                .put("amount", new JsonBody().put("total", r.amount().fen()).put("currency", "CNY"))
                .put("scene_info", new JsonBody().put("device_id", s.deviceId())
                        .put("store_info", new JsonBody().put("out_id", s.storeId())));
        WeChatPayAnswer a = call.send("wechat.codepay", "POST", "/v3/pay/transactions/codepay", Optional.of(body.text()));
        if (a instanceof WeChatPayAnswer.NotSent n) {
            return new PayResult.NotSent(n.reason());
        }
        if (a instanceof Refused f) {
            Optional<String> other = AnswerBinding.ours(f.body(), c, no);
            if (other.isPresent()) {
                return new PayResult.Unknown(unbound("codepay " + no, other.get()));
            }
            if (f.code().equals("USERPAYING")) {
                return new PayResult.AwaitingBuyer(f.error().raw());
            }
            if (f.code().equals("OUT_TRADE_NO_USED")) {
                // our own earlier attempt with this number may have reached WeChat: it says how it went
                return new PayResult.Unknown("WeChat Pay answered " + f.error().raw() + ": query the trade");
            }
            return new PayResult.Declined(f.error());
        }
        if (!(a instanceof Ok ok)) {
            return new PayResult.Unknown(a.reason());
        }
        String state = ok.body().string("trade_state").orElse("");
        Optional<String> other = AnswerBinding.ours(ok.body(), c, no);
        if (other.isPresent()) {
            return new PayResult.Unknown(unbound("codepay " + no, other.get()));
        }
        if (state.equals("USERPAYING") && (ok.status() == 200 || ok.status() == 202)) {
            return new PayResult.AwaitingBuyer(ok.raw());
        }
        if (state.equals("SUCCESS") && ok.status() == 200) {
            Optional<String> unbound = AnswerBinding.paid(ok.body(), c, no, Optional.of(r.amount().fen()));
            return unbound.isPresent() ? new PayResult.Unknown(unbound("codepay " + no, unbound.get()))
                    : new PayResult.Paid(read.payment(ok.body()), ok.raw());
        }
        return new PayResult.Unknown("HTTP " + ok.status() + " codepay answer with trade_state \"" + state
                + "\": query the trade");
    }

    @Override
    public QueryResult query(TradeRef t) {
        String no = t.outTradeNo();
        WeChatPayAnswer a = call.send("wechat.query", "GET", path(no) + "?mchid=" + c.mchid(), Optional.empty());
        if (a instanceof Refused f) {
            Optional<String> other = AnswerBinding.ours(f.body(), c, no);
            if (other.isEmpty() && WeChatPayCodes.isNotFound(f.code())) {
                return new QueryResult.NotFound(f.error().raw());
            }
            return new QueryResult.Unknown(other.map(o -> unbound("query " + no, o))
                    .orElse("WeChat Pay refused the query: " + f.error().raw()));
        }
        if (!(a instanceof Ok ok)) {
            return new QueryResult.Unknown(a.reason());
        }
        Optional<String> unbound = AnswerBinding.queried(ok.body(), c, no);
        if (unbound.isPresent()) {
            return new QueryResult.Unknown(unbound("query " + no, unbound.get()));
        }
        String state = ok.body().string("trade_state").orElseThrow();
        switch (state) {
            case "SUCCESS":
            case "REFUND": {
                Optional<String> notPaid = AnswerBinding.paid(ok.body(), c, no, Optional.empty());
                return notPaid.isPresent() ? new QueryResult.Unknown(unbound("query " + no, notPaid.get()))
                        : new QueryResult.Paid(read.payment(ok.body()), ok.raw());
            }
            case "NOTPAY":
            case "USERPAYING":
            case "ACCEPT":
                return new QueryResult.AwaitingBuyer(ok.raw());
            case "CLOSED":
            case "REVOKED":
                return new QueryResult.Closed(ok.raw());
            case "PAYERROR":
                return new QueryResult.Failed(new GatewayError(Cause.BUYER_PAYMENT_DECLINED, ok.raw()));
            default:
                return new QueryResult.Unknown("unknown trade_state \"" + state + "\"");
        }
    }

    @Override
    public ReverseResult reverse(TradeRef t) {
        String no = t.outTradeNo();
        String body = new JsonBody().put("appid", c.appid()).put("mchid", c.mchid()).text();
        WeChatPayAnswer a = call.send("wechat.reverse", "POST", path(no) + "/reverse", Optional.of(body));
        if (a instanceof Refused f) {
            Optional<String> other = AnswerBinding.ours(f.body(), c, no);
            if (other.isPresent()) {
                return new ReverseResult.Unknown(unbound("reverse " + no, other.get()));
            }
            // the buyer is still in the PIN dialog: reverse again shortly
            return f.code().equals("USERPAYING") ? new ReverseResult.RetryLater(f.error().raw())
                    : new ReverseResult.Declined(f.error());
        }
        if (!(a instanceof Ok ok)) {
            return new ReverseResult.Unknown(a.reason());
        }
        Optional<String> other = AnswerBinding.ours(ok.body(), c, no);
        if (other.isPresent()) {
            return new ReverseResult.Unknown(unbound("reverse " + no, other.get()));
        }
        if (ok.body().bool("recall").orElse(false)) {
            return new ReverseResult.RetryLater(ok.raw());
        }
        // WeChat's answer does not say whether money had moved; either way nothing stays charged
        return new ReverseResult.Reversed(false, ok.raw());
    }

    @Override
    public CloseResult close(TradeRef t) {
        String no = t.outTradeNo();
        String body = new JsonBody().put("mchid", c.mchid()).text();
        WeChatPayAnswer a = call.send("wechat.close", "POST", path(no) + "/close", Optional.of(body));
        if (a instanceof Refused f) {
            Optional<String> other = AnswerBinding.ours(f.body(), c, no);
            return other.isPresent() ? new CloseResult.Unknown(unbound("close " + no, other.get()))
                    : new CloseResult.Declined(f.error());
        }
        if (!(a instanceof Ok ok)) {
            return new CloseResult.Unknown(a.reason());
        }
        return ok.status() == 204 || ok.status() == 200 ? new CloseResult.Closed(ok.raw())
                : new CloseResult.Unknown("HTTP " + ok.status() + " answer to close: query the trade");
    }

    @Override
    public PrecreateResult precreate(PrecreateRequest r) {
        String no = r.trade().outTradeNo();
        String expire = RFC3339.format(s.clock().instant().plus(r.validity()).atOffset(CHINA));
        JsonBody body = new JsonBody().put("appid", c.appid()).put("mchid", c.mchid())
                .put("description", r.subject()).put("out_trade_no", no).put("time_expire", expire)
                .put("notify_url", s.notifyUrl().orElse(null))
                .put("amount", new JsonBody().put("total", r.amount().fen()).put("currency", "CNY"))
                .put("scene_info", new JsonBody().put("device_id", s.deviceId())
                        .put("store_info", new JsonBody().put("id", s.storeId())));
        WeChatPayAnswer a = call.send("wechat.native", "POST", "/v3/pay/transactions/native", Optional.of(body.text()));
        if (a instanceof Refused f) {
            Optional<String> other = AnswerBinding.ours(f.body(), c, no);
            return other.isPresent() ? new PrecreateResult.Unknown(unbound("native " + no, other.get()))
                    : new PrecreateResult.Declined(f.error());
        }
        if (!(a instanceof Ok ok)) {
            return new PrecreateResult.Unknown(a.reason());
        }
        Optional<String> code = ok.body().string("code_url").filter(u -> u.startsWith("weixin://"));
        Optional<String> other = AnswerBinding.ours(ok.body(), c, no);
        if (other.isPresent() || code.isEmpty()) {
            return new PrecreateResult.Unknown(unbound("native " + no, other.orElse("no weixin:// code_url")));
        }
        return new PrecreateResult.Created(code.get(), ok.raw());
    }

    @Override
    public RefundResult refund(RefundRequest r) {
        String no = r.trade().outTradeNo();
        JsonBody body = new JsonBody().put("out_trade_no", no).put("out_refund_no", r.refundRequestNo())
                .put("reason", r.reason().isBlank() ? null : r.reason())
                .put("notify_url", s.notifyUrl().orElse(null))
                .put("amount", new JsonBody().put("refund", r.amount().fen()).put("total", r.tradeAmount().fen())
                        .put("currency", "CNY"));
        WeChatPayAnswer a = call.send("wechat.refund", "POST", "/v3/refund/domestic/refunds", Optional.of(body.text()));
        String what = "refund " + r.refundRequestNo() + " of " + no;
        if (a instanceof Refused f) {
            Optional<String> other = AnswerBinding.ours(f.body(), c, no);
            return other.isPresent() ? new RefundResult.Unknown(unbound(what, other.get()))
                    : new RefundResult.Declined(f.error());
        }
        if (!(a instanceof Ok ok)) {
            return new RefundResult.Unknown(a.reason());
        }
        Optional<String> unbound = AnswerBinding.refund(ok.body(), c, no, r.refundRequestNo(),
                Optional.of(r.amount().fen()));
        if (unbound.isPresent()) {
            return new RefundResult.Unknown(unbound(what, unbound.get()));
        }
        // PROCESSING, CLOSED and ABNORMAL are followed by the refund query, which reports them
        return ok.body().string("status").filter("SUCCESS"::equals).isPresent()
                ? new RefundResult.Refunded(r.amount(), ok.raw()) : new RefundResult.Accepted(ok.raw());
    }

    @Override
    public RefundQueryResult queryRefund(TradeRef t, String refundRequestNo) {
        String no = t.outTradeNo();
        String what = "refund query " + refundRequestNo + " of " + no;
        WeChatPayAnswer a = call.send("wechat.refund.query", "GET", "/v3/refund/domestic/refunds/"
                + PathText.segment(refundRequestNo), Optional.empty());
        if (a instanceof Refused f) {
            return WeChatPayCodes.isNotFound(f.code()) && AnswerBinding.ours(f.body(), c, no).isEmpty()
                    ? new RefundQueryResult.NotFound(f.error().raw())
                    : new RefundQueryResult.Unknown("WeChat Pay refused the " + what + ": " + f.error().raw());
        }
        if (!(a instanceof Ok ok)) {
            return new RefundQueryResult.Unknown(a.reason());
        }
        Optional<String> unbound = AnswerBinding.refund(ok.body(), c, no, refundRequestNo, Optional.empty());
        if (unbound.isPresent()) {
            return new RefundQueryResult.Unknown(unbound(what, unbound.get()));
        }
        String status = ok.body().string("status").orElseThrow();
        switch (status) {
            case "SUCCESS":
                return new RefundQueryResult.Refunded(dev.tenderkit.core.money.Money.ofFen(
                        ok.body().object("amount").number("refund").orElseThrow()), ok.raw());
            case "PROCESSING":
                return new RefundQueryResult.Processing(ok.raw());
            case "CLOSED":
                return new RefundQueryResult.Failed(new GatewayError(Cause.GATEWAY_REJECTED, ok.raw()));
            case "ABNORMAL":
                // the buyer's account or card can no longer take the money: a person settles it
                return new RefundQueryResult.Failed(new GatewayError(Cause.BUYER_PAYMENT_DECLINED, ok.raw()));
            default:
                return new RefundQueryResult.Unknown("unknown refund status \"" + status + "\"");
        }
    }
}
