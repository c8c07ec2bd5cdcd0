package dev.tenderkit.core.operator;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.CloseResult;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.Payment;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A wallet in memory, as the desk's tests need it: a payment code ending in 1 pays at once; one
 * ending in 9 waits for the buyer for ever and its reversal never gets confirmed (so the engine
 * flags the trade). Refunds are confirmed at once. It keeps a ledger of what it was sent and calls
 * {@link #beforeMoney} before it moves money, so a test can look at the trail at that moment.
 */
final class CounterWallet implements PaymentGateway {
    static final String PAYS = "281234567890123451";
    static final String STUCK = "281234567890123459";

    private final Clock clock;
    private final Map<String, PayRequest> trades = new ConcurrentHashMap<>();
    private final Map<String, Boolean> paid = new ConcurrentHashMap<>();
    private final Map<String, Money> refunds = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    volatile Consumer<String> beforeMoney = what -> { };

    CounterWallet(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "counter";
    }

    @Override
    public PayResult pay(PayRequest request) {
        String no = request.trade().outTradeNo();
        beforeMoney.accept("pay " + no);
        calls.add("pay " + no);
        trades.put(no, request);
        if (request.paymentCode().value().endsWith("9")) {
            return new PayResult.AwaitingBuyer(GatewayCode.of("USERPAYING"));
        }
        paid.put(no, true);
        return new PayResult.Paid(payment(no, request.amount()), GatewayCode.of("10000"));
    }

    private Payment payment(String no, Money amount) {
        return new Payment("W" + no, amount, FundingSource.UNSPECIFIED, clock.instant());
    }

    @Override
    public PrecreateResult precreate(PrecreateRequest request) {
        throw new UnsupportedOperationException("QR payments are not part of the desk's tests");
    }

    @Override
    public QueryResult query(TradeRef trade) {
        calls.add("query " + trade.outTradeNo());
        PayRequest r = trades.get(trade.outTradeNo());
        if (r == null) {
            return new QueryResult.NotFound(GatewayCode.of("TRADE_NOT_EXIST"));
        }
        return paid.containsKey(trade.outTradeNo()) ? new QueryResult.Paid(payment(trade.outTradeNo(), r.amount()),
                GatewayCode.of("10000")) : new QueryResult.AwaitingBuyer(GatewayCode.of("WAIT_BUYER_PAY"));
    }

    @Override
    public ReverseResult reverse(TradeRef trade) {
        calls.add("reverse " + trade.outTradeNo());
        PayRequest r = trades.get(trade.outTradeNo());
        if (r != null && r.paymentCode().value().endsWith("9")) {
            return new ReverseResult.RetryLater(GatewayCode.of("SYSTEM_ERROR"));
        }
        boolean wasPaid = paid.remove(trade.outTradeNo()) != null;
        return new ReverseResult.Reversed(wasPaid, GatewayCode.of("10000"));
    }

    @Override
    public CloseResult close(TradeRef trade) {
        calls.add("close " + trade.outTradeNo());
        return new CloseResult.Closed(GatewayCode.of("10000"));
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        beforeMoney.accept("refund " + request.refundRequestNo());
        calls.add("refund " + request.refundRequestNo() + " " + request.amount().toPlainString());
        refunds.put(request.trade().outTradeNo() + "/" + request.refundRequestNo(), request.amount());
        return new RefundResult.Refunded(request.amount(), GatewayCode.of("10000"));
    }

    @Override
    public RefundQueryResult queryRefund(TradeRef trade, String refundRequestNo) {
        Money m = refunds.get(trade.outTradeNo() + "/" + refundRequestNo);
        return m != null ? new RefundQueryResult.Refunded(m, GatewayCode.of("10000"))
                : new RefundQueryResult.NotFound(GatewayCode.of("REFUND_NOT_EXIST"));
    }

    /** @return the money calls made (pays and refunds), in order */
    List<String> moneyCalls() {
        synchronized (calls) {
            return calls.stream().filter(c -> c.startsWith("pay ") || c.startsWith("refund ")).toList();
        }
    }
}
