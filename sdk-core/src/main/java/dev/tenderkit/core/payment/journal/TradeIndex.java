package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The journal store's in-memory index of what its journal holds: the latest record of every trade
 * (in the order the trades first appeared), the attempts of each order id, and the latest record of
 * every refund, by trade. Rebuilt from the journal's records on open ({@link #readBack}), kept up
 * to date by every save ({@link #put}), trimmed by compaction ({@link #forget}).
 *
 * <p>An order may have several attempts, each its own out_trade_no; a further attempt begins only
 * once every earlier one is FAILED or REVERSED (final and unpaid), so at most one is ever paid. A
 * trade read back that began while another attempt of its order was still open is damage: it is
 * held (recovery settles it) but is not an attempt of the order, until the repair gives it an
 * order id of its own.
 *
 * <p>Not thread-safe: {@link JournalTransactionStore} guards it with its own lock.
 */
final class TradeIndex {
    /** Creation time, then number; written out (the end-of-day listing sorts a whole day with it). */
    static final Comparator<TradeRecord> BY_CREATION = (a, b) -> {
        int byTime = a.createdAt().compareTo(b.createdAt());
        return byTime != 0 ? byTime : a.outTradeNo().compareTo(b.outTradeNo());
    };

    private final Map<String, TradeRecord> trades = new LinkedHashMap<>();
    /** Each order's attempts, by out_trade_no, in the order they were first indexed. */
    private final Map<String, List<String>> attempts = new HashMap<>();
    private final Map<String, Map<String, RefundRecord>> refunds = new HashMap<>();
    /**
     * Trades read back that began while another attempt of their order was open, with the finding:
     * damage, resolved by {@link #resolveClaimedTwice}.
     */
    private final Map<String, String> orderClaimedTwice = new LinkedHashMap<>();

    /** Indexes a trade read back from the journal, and says what is inconsistent about it. */
    Optional<String> readBack(TradeRecord t) {
        Optional<String> problem = RecordConsistency.check(t);
        TradeRecord previous = trades.get(t.outTradeNo());
        if (problem.isEmpty() && previous != null) {
            problem = RecordConsistency.check(previous, t);
        }
        if (previous != null && previous.revision() >= t.revision()) {
            return problem;
        }
        Optional<String> claim = admitReadBack(t);
        trades.put(t.outTradeNo(), t);
        return problem.or(() -> claim);
    }

    /** Makes a trade read back an attempt of its order, or says why it cannot be one. */
    private Optional<String> admitReadBack(TradeRecord t) {
        if (isAttempt(t)) {
            return Optional.empty();
        }
        String finding = orderClaimedTwice.get(t.outTradeNo());
        if (finding == null) {
            Optional<TradeRecord> open = openAttempt(t.orderId());
            if (open.isEmpty()) {
                addAttempt(t);
                return Optional.empty();
            }
            TradeRecord o = open.get();
            finding = "order " + t.orderId() + " has two trades, " + o.outTradeNo() + " and " + t.outTradeNo()
                    + ": " + t.outTradeNo() + " began while " + o.outTradeNo() + " was " + o.state() + ", and an "
                    + "order has a further attempt only once the earlier ones are FAILED or REVERSED";
            orderClaimedTwice.put(t.outTradeNo(), finding);
        }
        return Optional.of(finding);
    }

    /** Indexes a refund read back from the journal, and says what is inconsistent about it. */
    Optional<String> readBack(RefundRecord r) {
        Optional<String> problem = RecordConsistency.check(r);
        RefundRecord previous = refunds.getOrDefault(r.outTradeNo(), Map.of()).get(r.refundRequestNo());
        if (problem.isEmpty() && previous != null) {
            problem = RecordConsistency.check(previous, r);
        }
        put(r);
        return problem;
    }

    /**
     * @param trade a trade about to be saved
     * @return the attempt of the trade's order that is not yet FAILED or REVERSED, which forbids
     *     saving a new trade for the order, if any (a later record of a trade held is never refused)
     */
    Optional<TradeRecord> openAttemptBefore(TradeRecord trade) {
        TradeRecord known = trades.get(trade.outTradeNo());
        boolean sameTrade = known != null && known.orderId().equals(trade.orderId());   // one read back from damage
        return sameTrade ? Optional.empty()
                : openAttempt(trade.orderId()).filter(a -> !a.outTradeNo().equals(trade.outTradeNo()));
    }

    private Optional<TradeRecord> openAttempt(String orderId) {
        for (String no : attempts.getOrDefault(orderId, List.of())) {
            TradeRecord a = trades.get(no);
            if (a != null && a.state() != TradeState.FAILED && a.state() != TradeState.REVERSED) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private boolean isAttempt(TradeRecord t) {
        return attempts.getOrDefault(t.orderId(), List.of()).contains(t.outTradeNo());
    }

    private void addAttempt(TradeRecord t) {
        attempts.computeIfAbsent(t.orderId(), k -> new ArrayList<>(1)).add(t.outTradeNo());
    }

    /** Indexes a trade record saved, unless a later revision is held. */
    void put(TradeRecord t) {
        TradeRecord previous = trades.get(t.outTradeNo());
        if (previous != null && previous.revision() >= t.revision()) {
            return;
        }
        if (!isAttempt(t) && !orderClaimedTwice.containsKey(t.outTradeNo())) {
            addAttempt(t);
        }
        trades.put(t.outTradeNo(), t);
    }

    /** Indexes a refund record saved, unless a later revision is held. */
    void put(RefundRecord r) {
        Map<String, RefundRecord> ofTrade = refunds.computeIfAbsent(r.outTradeNo(), k -> new LinkedHashMap<>());
        RefundRecord previous = ofTrade.get(r.refundRequestNo());
        if (previous == null || previous.revision() < r.revision()) {
            ofTrade.put(r.refundRequestNo(), r);
        }
    }

    Optional<TradeRecord> trade(String outTradeNo) {
        return Optional.ofNullable(trades.get(outTradeNo));
    }

    /** @return the order's attempts, oldest first (by createdAt, then out_trade_no) */
    List<TradeRecord> attemptsOf(String orderId) {
        List<TradeRecord> out = new ArrayList<>();
        for (String no : attempts.getOrDefault(orderId, List.of())) {
            TradeRecord t = trades.get(no);
            if (t != null) {
                out.add(t);
            }
        }
        out.sort(BY_CREATION);
        return out;
    }

    /** @return the order's latest attempt: the last of {@link #attemptsOf} */
    Optional<TradeRecord> latestAttemptOf(String orderId) {
        List<TradeRecord> all = attemptsOf(orderId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    Optional<RefundRecord> refund(String outTradeNo, String refundRequestNo) {
        return Optional.ofNullable(refunds.getOrDefault(outTradeNo, Map.of()).get(refundRequestNo));
    }

    /** @return the trade's refunds, oldest first */
    List<RefundRecord> refunds(String outTradeNo) {
        List<RefundRecord> out = new ArrayList<>(refundsAsIndexed(outTradeNo));
        out.sort(Comparator.comparing(RefundRecord::createdAt));
        return out;
    }

    /** @return the trade's refunds in the order they were first indexed */
    Collection<RefundRecord> refundsAsIndexed(String outTradeNo) {
        return refunds.getOrDefault(outTradeNo, Map.of()).values();
    }

    /** @return every trade, in the order they were first indexed */
    Collection<TradeRecord> trades() {
        return trades.values();
    }

    /** @return trades not in a final state, or flagged for attention, oldest first */
    List<TradeRecord> unfinished() {
        List<TradeRecord> out = new ArrayList<>();
        for (TradeRecord t : trades.values()) {
            if (!t.state().isFinal() || t.needsAttention()) {
                out.add(t);
            }
        }
        out.sort(BY_CREATION);
        return out;
    }

    /** @return refunds created in {@code [from, to)}, in {@link RefundRecord#LISTING_ORDER} */
    List<RefundRecord> refundsCreatedIn(Instant from, Instant to) {
        List<RefundRecord> out = new ArrayList<>();
        for (Map<String, RefundRecord> ofTrade : refunds.values()) {
            for (RefundRecord r : ofTrade.values()) {
                if (!r.createdAt().isBefore(from) && r.createdAt().isBefore(to)) {
                    out.add(r);
                }
            }
        }
        out.sort(RefundRecord.LISTING_ORDER);
        return out;
    }

    /** @return refunds not in a final state, oldest first */
    List<RefundRecord> unfinishedRefunds() {
        List<RefundRecord> out = new ArrayList<>();
        for (Map<String, RefundRecord> ofTrade : refunds.values()) {
            for (RefundRecord r : ofTrade.values()) {
                if (!r.state().isFinal()) {
                    out.add(r);
                }
            }
        }
        out.sort(Comparator.comparing(RefundRecord::createdAt));
        return out;
    }

    /** @return trades created in {@code [from, to)}, oldest first */
    List<TradeRecord> createdIn(Instant from, Instant to) {
        List<TradeRecord> out = new ArrayList<>();
        for (TradeRecord t : trades.values()) {
            if (!t.createdAt().isBefore(from) && t.createdAt().isBefore(to)) {
                out.add(t);
            }
        }
        out.sort(BY_CREATION);
        return out;
    }

    /** @return the refunds whose trade the index does not hold, by trade */
    List<RefundRecord> refundsOfUnknownTrades() {
        List<RefundRecord> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, RefundRecord>> e : refunds.entrySet()) {
            if (!trades.containsKey(e.getKey())) {
                out.addAll(e.getValue().values());
            }
        }
        return out;
    }

    /** Forgets a trade and its refunds (compaction dropped them). */
    void forget(String outTradeNo) {
        TradeRecord t = trades.remove(outTradeNo);
        List<String> ofOrder = attempts.get(t.orderId());
        if (ofOrder != null) {
            ofOrder.remove(outTradeNo);
            if (ofOrder.isEmpty()) {
                attempts.remove(t.orderId());
            }
        }
        refunds.remove(outTradeNo);
    }

    /**
     * The repair's first step: each trade that began while another attempt of its order was open
     * is replaced by {@code rekey}'s record of it (one with an order id of its own).
     */
    void resolveClaimedTwice(UnaryOperator<TradeRecord> rekey) {
        for (String no : orderClaimedTwice.keySet()) {
            TradeRecord t = trades.get(no);
            if (t != null && !isAttempt(t)) {
                trades.put(no, rekey.apply(t));
            }
        }
    }

    /** The repair's last step, once the journal holds what the index holds: every trade is an attempt of its order. */
    void repaired() {
        orderClaimedTwice.clear();
        trades.values().stream().filter(t -> !isAttempt(t)).forEach(this::addAttempt);
    }
}
