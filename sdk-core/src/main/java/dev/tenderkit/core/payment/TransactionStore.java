package dev.tenderkit.core.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps its trades. The default is
 * {@link dev.tenderkit.core.payment.journal.JournalTransactionStore}, an append-only journal file.
 *
 * <p>Contract: {@code save} returns only once the record is durable (it survives a power cut),
 * because the engine sends a request to a gateway only after the intent is saved. A later record
 * of the same trade (higher revision) supersedes an earlier one. A failed save throws, and the
 * engine then sends nothing. Implementations are thread-safe.
 */
public interface TransactionStore extends AutoCloseable {

    /** Durably records a trade's new state. */
    void save(TradeRecord trade);

    /** Durably records a refund's new state. */
    void save(RefundRecord refund);

    /** @return the latest record of the trade */
    Optional<TradeRecord> find(String outTradeNo);

    /** @return the latest record of the trade made for this POS order id */
    Optional<TradeRecord> findByOrderId(String orderId);

    /** @return the latest record of the refund */
    Optional<RefundRecord> findRefund(String outTradeNo, String refundRequestNo);

    /** @return every refund of the trade, oldest first */
    List<RefundRecord> refunds(String outTradeNo);

    /** @return trades not in a final state, or flagged for attention, oldest first */
    List<TradeRecord> unfinished();

    /** @return refunds not in a final state, oldest first */
    List<RefundRecord> unfinishedRefunds();

    /** @return trades created in {@code [from, to)}, oldest first: the end-of-day listing */
    List<TradeRecord> trades(Instant from, Instant to);

    /** @return whether this out_trade_no was ever used */
    default boolean isKnown(String outTradeNo) {
        return find(outTradeNo).isPresent();
    }

    /** Releases the store (for the journal: its file lock). */
    @Override
    void close();
}
