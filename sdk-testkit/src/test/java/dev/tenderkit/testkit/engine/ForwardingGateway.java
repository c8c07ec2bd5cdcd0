package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.spi.CloseResult;
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

/** A gateway that passes every call to a wallet; a test overrides the calls it stands between. */
abstract class ForwardingGateway implements PaymentGateway {
    protected final PaymentGateway wallet;

    ForwardingGateway(PaymentGateway wallet) {
        this.wallet = wallet;
    }

    @Override
    public String id() {
        return wallet.id();
    }

    @Override
    public GatewayTiming timing() {
        return wallet.timing();
    }

    @Override
    public PayResult pay(PayRequest request) {
        return wallet.pay(request);
    }

    @Override
    public PrecreateResult precreate(PrecreateRequest request) {
        return wallet.precreate(request);
    }

    @Override
    public QueryResult query(TradeRef trade) {
        return wallet.query(trade);
    }

    @Override
    public ReverseResult reverse(TradeRef trade) {
        return wallet.reverse(trade);
    }

    @Override
    public CloseResult close(TradeRef trade) {
        return wallet.close(trade);
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return wallet.refund(request);
    }

    @Override
    public RefundQueryResult queryRefund(TradeRef trade, String refundRequestNo) {
        return wallet.queryRefund(trade, refundRequestNo);
    }
}
