package dev.tenderkit.core.payment;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The trades and refunds whose steps are running, so that a second request for the same order,
 * refund or trade joins the one in progress instead of starting another. Thread-safe.
 */
final class InFlight {
    private final ConcurrentMap<String, TradeContext> byTradeNo = new ConcurrentHashMap<>();
    /** Admitted trades, maybe not yet journaled, by order id. */
    private final ConcurrentMap<String, TradeContext> byOrder = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RefundProcess> refunds = new ConcurrentHashMap<>();

    TradeContext track(TradeContext trade) {
        byTradeNo.put(trade.outTradeNo(), trade);
        byOrder.put(trade.orderId(), trade);
        return trade;
    }

    void finished(TradeContext trade) {
        byTradeNo.remove(trade.outTradeNo(), trade);
        byOrder.remove(trade.orderId(), trade);
    }

    Optional<TradeContext> trade(String outTradeNo) {
        return Optional.ofNullable(byTradeNo.get(outTradeNo));
    }

    Optional<TradeContext> forOrder(String orderId) {
        return Optional.ofNullable(byOrder.get(orderId));
    }

    boolean contains(String outTradeNo) {
        return byTradeNo.containsKey(outTradeNo);
    }

    RefundProcess track(RefundProcess refund) {
        refunds.put(key(refund.record()), refund);
        return refund;
    }

    void finished(RefundProcess refund) {
        refunds.remove(key(refund.record()), refund);
    }

    Optional<RefundProcess> refund(RefundRecord record) {
        return Optional.ofNullable(refunds.get(key(record)));
    }

    private static String key(RefundRecord r) {
        return r.outTradeNo() + "\u0000" + r.refundRequestNo();
    }
}
