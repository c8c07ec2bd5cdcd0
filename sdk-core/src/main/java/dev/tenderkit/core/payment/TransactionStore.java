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
 *
 * <p>A refund's first record is saved only while the refunds of its trade that did not fail, this
 * one included, add up to no more than was paid. The engine checks this before it saves; a store that
 * several engines share checks it again as it saves, atomically, and refuses with
 * {@link dev.tenderkit.core.ErrorCode#REFUND_EXCEEDS_PAYMENT}, since each engine's check sees only what
 * was saved before it.
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

    /**
     * Takes one unfinished trade for {@code owner} to settle now, as {@link #claimUnfinished} does for
     * all of them: what an engine does before it resumes a trade that a request for its order found
     * unfinished and that it is not running itself. A store shared by several engines refuses while
     * another holds the trade under a lease that has not passed; a store used by one engine has nothing
     * to share: by default, the trade's latest record while it is not final.
     *
     * @param outTradeNo the trade
     * @param owner who claims (the engine run)
     * @param lease how long the claim holds without a further save of the trade
     * @return the trade's latest record, now this claimant's; empty when another holds it, or when it is
     *     final by now or unknown (read it again to tell)
     */
    default Optional<TradeRecord> claimTrade(String outTradeNo, String owner, Duration lease) {
        return find(outTradeNo).filter(t -> !t.state().isFinal());
    }

    /** @return refunds not in a final state, oldest first */
    List<RefundRecord> unfinishedRefunds();

    /**
     * The unfinished refunds that {@code owner} is to settle now: as {@link #claimUnfinished} for trades,
     * each is handed to one claimant only until {@code lease} has passed. By default (one engine),
     * {@link #unfinishedRefunds()}.
     *
     * @param owner who claims (the engine run)
     * @param lease how long the claim holds without a further save of the refund
     * @return the refunds claimed, oldest first
     */
    default List<RefundRecord> claimUnfinishedRefunds(String owner, Duration lease) {
        return unfinishedRefunds();
    }

    /**
     * Takes one unfinished refund for {@code owner}, as {@link #claimTrade} takes a trade. By default,
     * the refund's latest record while it is not final.
     *
     * @param outTradeNo the refund's trade
     * @param refundRequestNo the refund's number
     * @param owner who claims (the engine run)
     * @param lease how long the claim holds without a further save of the refund
     * @return the refund's latest record, now this claimant's; empty when another holds it, or when it is
     *     final by now or unknown (read it again to tell)
     */
    default Optional<RefundRecord> claimRefund(String outTradeNo, String refundRequestNo, String owner,
            Duration lease) {
        return findRefund(outTradeNo, refundRequestNo).filter(r -> !r.state().isFinal());
    }

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

    /**
     * The paid trades whose refunded total ({@link TradeRecord#refunded()}) may differ from what their
     * REFUNDED refunds add up to: a crash between saving a refund as done and saving its trade's new
     * total leaves the total behind, and recovery corrects it from the refunds. By default every paid
     * trade (the engine checks each); a store that can tell returns only those that differ.
     *
     * @return those trades, oldest first
     */
    default List<TradeRecord> refundedTotalsToCheck() {
        return trades(Instant.EPOCH, Instant.MAX).stream().filter(t -> t.state() == TradeState.PAID).toList();
    }

    /**
     * For recovery's search for lost trades: the trade with the highest out_trade_no in each run (a
     * number's run prefix is all but its last 5 characters) whose
     * numbers the store holds. By default from every trade; a store shared by several engines may
     * answer for the runs this engine noted only ({@link #numberPrefixes()}), each of which the others
     * search for themselves.
     *
     * @return the last trade of each run, in no particular order
     */
    default List<TradeRecord> lastTradeOfRuns() {
        java.util.Map<String, TradeRecord> highest = new java.util.HashMap<>();
        for (TradeRecord t : trades(Instant.EPOCH, Instant.MAX)) {
            OutTradeNumbers.prefixOf(t.outTradeNo()).ifPresent(p -> highest.merge(p, t,
                    (a, b) -> a.outTradeNo().compareTo(b.outTradeNo()) >= 0 ? a : b));
        }
        return List.copyOf(highest.values());
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
