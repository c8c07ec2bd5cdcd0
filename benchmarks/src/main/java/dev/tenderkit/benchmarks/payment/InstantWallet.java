package dev.tenderkit.benchmarks.payment;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.CloseResult;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
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
import java.time.Instant;

/** A wallet that pays every request at once and does nothing else: what is left is the engine's own cost. */
final class InstantWallet implements PaymentGateway {
    private static final GatewayCode OK = GatewayCode.of("10000");
    private static final FundingSource BALANCE = new FundingSource("ALIPAYACCOUNT", false, 0);
    private static final Instant PAID_AT = Instant.parse("2026-11-25T02:00:00Z");

    @Override
    public String id() {
        return "instant";
    }

    @Override
    public PayResult pay(PayRequest request) {
        return new PayResult.Paid(new Payment("GW" + request.trade().outTradeNo(), request.amount(), BALANCE, PAID_AT),
                OK);
    }

    @Override
    public PrecreateResult precreate(PrecreateRequest request) {
        return new PrecreateResult.Created("https://qr.example/" + request.trade().outTradeNo(), OK);
    }

    @Override
    public QueryResult query(TradeRef trade) {
        return new QueryResult.NotFound(GatewayCode.of("ACQ.TRADE_NOT_EXIST"));
    }

    @Override
    public ReverseResult reverse(TradeRef trade) {
        return new ReverseResult.Reversed(false, OK);
    }

    @Override
    public CloseResult close(TradeRef trade) {
        return new CloseResult.Closed(OK);
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return new RefundResult.Refunded(request.amount(), OK);
    }

    @Override
    public RefundQueryResult queryRefund(TradeRef trade, String refundRequestNo) {
        return new RefundQueryResult.NotFound(GatewayCode.of("REFUND_NOT_EXIST"));
    }

    static Money amount() {
        return Money.parse("88.00");
    }
}
