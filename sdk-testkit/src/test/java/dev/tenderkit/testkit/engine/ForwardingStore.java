package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.StoreIntegrity;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that passes every call to another, for the engine tests' stores that change one thing
 * (a crash at a save, a conflict at a save): each overrides what it changes. Every method is
 * forwarded, the defaults too, so a wrapped PostgreSQL store keeps its claims and its integrity.
 */
abstract class ForwardingStore implements TransactionStore {
    protected final TransactionStore delegate;

    ForwardingStore(TransactionStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void save(TradeRecord trade) {
        delegate.save(trade);
    }

    @Override
    public void save(RefundRecord refund) {
        delegate.save(refund);
    }

    @Override
    public Optional<TradeRecord> find(String outTradeNo) {
        return delegate.find(outTradeNo);
    }

    @Override
    public Optional<TradeRecord> findByOrderId(String orderId) {
        return delegate.findByOrderId(orderId);
    }

    @Override
    public List<TradeRecord> tradesForOrder(String orderId) {
        return delegate.tradesForOrder(orderId);
    }

    @Override
    public Optional<RefundRecord> findRefund(String outTradeNo, String refundRequestNo) {
        return delegate.findRefund(outTradeNo, refundRequestNo);
    }

    @Override
    public List<RefundRecord> refunds(String outTradeNo) {
        return delegate.refunds(outTradeNo);
    }

    @Override
    public List<TradeRecord> unfinished() {
        return delegate.unfinished();
    }

    @Override
    public List<TradeRecord> claimUnfinished(String owner, Duration lease) {
        return delegate.claimUnfinished(owner, lease);
    }

    @Override
    public List<RefundRecord> unfinishedRefunds() {
        return delegate.unfinishedRefunds();
    }

    @Override
    public List<TradeRecord> trades(Instant from, Instant to) {
        return delegate.trades(from, to);
    }

    @Override
    public List<RefundRecord> refunds(Instant from, Instant to) {
        return delegate.refunds(from, to);
    }

    @Override
    public boolean isKnown(String outTradeNo) {
        return delegate.isKnown(outTradeNo);
    }

    @Override
    public StoreIntegrity integrity() {
        return delegate.integrity();
    }

    @Override
    public void reserveNumberPrefix(String prefix) {
        delegate.reserveNumberPrefix(prefix);
    }

    @Override
    public List<String> numberPrefixes() {
        return delegate.numberPrefixes();
    }

    @Override
    public Optional<Duration> retention() {
        return delegate.retention();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
