package dev.tenderkit.core.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps its trades. The default is
 * {@link dev.tenderkit.core.payment.journal.JournalTransactionStore}, an append-only journal file.
 *
 * <p>Contract: {@code save} of a record that begins a trade or a refund (revision 0: the intent,
 * a further attempt, a refund's request) returns only once the record is durable (it survives a
 * power cut), because the engine sends a request to a gateway only after it is saved. A later
 * revision may return before it is durable, if it becomes durable no later than the next save that
 * must be, in save order (a lost one leaves the trade unfinished, and {@code recover()} asks the
 * wallet); a store may as well make every save durable at once. A later record
 * of the same trade (higher revision) supersedes an earlier one. A failed save throws, and the
 * engine then sends nothing. Implementations are thread-safe.
 *
 * <p>An order (the POS's order id) may have several attempts, each a trade of its own
 * out_trade_no: a further attempt is allowed only once every earlier one is final and unpaid
 * ({@link TradeState#FAILED} or {@link TradeState#REVERSED}), so that at most one is ever paid. A
 * store refuses to save the first record of a trade whose order still has an attempt in any other
 * state ({@link IllegalStateException}); later records of a trade it holds are not refused by this rule.
 */
public interface TransactionStore extends AutoCloseable {

    /** Durably records a trade's new state. */
    void save(TradeRecord trade);

    /** Durably records a refund's new state. */
    void save(RefundRecord refund);

    /** @return the latest record of the trade */
    Optional<TradeRecord> find(String outTradeNo);

    /**
     * The order's latest attempt: the last of {@link #tradesForOrder(String)} (latest createdAt,
     * then highest out_trade_no). With a single attempt, it is that trade.
     *
     * @param orderId the POS's order id
     * @return the latest record of the order's latest attempt; empty if the order has none
     */
    Optional<TradeRecord> findByOrderId(String orderId);

    /**
     * Every attempt made for the order, each as its latest record.
     *
     * @param orderId the POS's order id
     * @return the order's attempts, oldest first (by createdAt, then out_trade_no); empty if none
     */
    List<TradeRecord> tradesForOrder(String orderId);

    /** @return the latest record of the refund */
    Optional<RefundRecord> findRefund(String outTradeNo, String refundRequestNo);

    /** @return every refund of the trade, oldest first */
    List<RefundRecord> refunds(String outTradeNo);

    /** @return trades not in a final state, or flagged for attention, oldest first */
    List<TradeRecord> unfinished();

    /**
     * The unfinished trades that {@code owner} is to settle now: for a store shared by several engines,
     * each unfinished trade is handed to one claimant only, until {@code lease} has passed (a claimant
     * that dies leaves its trades to be claimed by another after that). A store used by one engine has
     * nothing to share: by default, {@link #unfinished()}.
     *
     * @param owner who claims (the engine run, for the store's records)
     * @param lease how long the claim holds without a further save of the trade
     * @return the trades claimed, as {@link #unfinished()} orders them
     */
    default List<TradeRecord> claimUnfinished(String owner, Duration lease) {
        return unfinished();
    }

    /** @return refunds not in a final state, oldest first */
    List<RefundRecord> unfinishedRefunds();

    /** @return trades created in {@code [from, to)}, oldest first: the end-of-day listing */
    List<TradeRecord> trades(Instant from, Instant to);

    /**
     * The end-of-day listing of refunds: those journaled (their {@link RefundRecord#createdAt()}) in
     * {@code [from, to)}, each as its latest record, oldest first (then by out_trade_no and refund number).
     * By default every refund of every trade listed by {@code trades(Instant.EPOCH, to)} is read; stores with an
     * index override it.
     *
     * @param from the first instant, inclusive
     * @param to the last instant, exclusive
     * @return the refunds
     */
    default List<RefundRecord> refunds(Instant from, Instant to) {
        List<RefundRecord> out = new java.util.ArrayList<>();
        for (TradeRecord trade : trades(Instant.EPOCH, to)) {
            for (RefundRecord refund : refunds(trade.outTradeNo())) {
                if (!refund.createdAt().isBefore(from) && refund.createdAt().isBefore(to)) {
                    out.add(refund);
                }
            }
        }
        out.sort(RefundRecord.LISTING_ORDER);
        return out;
    }

    /** @return whether this out_trade_no was ever used */
    default boolean isKnown(String outTradeNo) {
        return find(outTradeNo).isPresent();
    }

    /**
     * @return what the store's open found wrong with its durable data; {@link StoreIntegrity#INTACT}
     *     by default. The engine refuses new payments while it is damaged.
     */
    default StoreIntegrity integrity() {
        return StoreIntegrity.INTACT;
    }

    /**
     * Durably notes that out_trade_no values starting with {@code prefix} are about to be used (one
     * prefix per engine run), before the first trade with it is saved. Recovery asks the wallets about
     * numbers of noted runs that the store does not hold, so that a trade whose records were lost is
     * found again. Does nothing by default.
     *
     * @param prefix the run's out_trade_no prefix
     */
    default void reserveNumberPrefix(String prefix) {
    }

    /** @return the prefixes noted by {@link #reserveNumberPrefix}, oldest first; the store may keep only recent ones */
    default List<String> numberPrefixes() {
        return List.of();
    }

    /**
     * @return how long a finished trade is kept after its last change, when the store forgets old
     *     trades (compaction); empty when it keeps them all. Recovery only searches for lost trades
     *     where forgetting cannot explain a missing number.
     */
    default Optional<Duration> retention() {
        return Optional.empty();
    }

    /** Releases the store (for the journal: its file lock). */
    @Override
    void close();
}
