package dev.tenderkit.core.payment.journal;

import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The journal store's in-memory index of what its journal holds: the latest record of every trade
 * (in the order the trades first appeared), the trade of each order id, and the latest record of
 * every refund, by trade. Rebuilt from the journal's records on open ({@link #readBack}), kept up
 * to date by every save ({@link #put}), trimmed by compaction ({@link #forget}).
 *
 * <p>Not thread-safe: {@link JournalTransactionStore} guards it with its own lock.
 */
final class TradeIndex {
    static final Comparator<TradeRecord> BY_CREATION = Comparator.comparing(TradeRecord::createdAt)
            .thenComparing(TradeRecord::outTradeNo);

    private final Map<String, TradeRecord> trades = new LinkedHashMap<>();
    private final Map<String, String> byOrderId = new HashMap<>();
    private final Map<String, Map<String, RefundRecord>> refunds = new HashMap<>();
    /** Trades read back whose order id another trade owns: damage, resolved by {@link #resolveClaimedTwice}. */
    private final Set<String> orderClaimedTwice = new LinkedHashSet<>();

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
        String owner = byOrderId.putIfAbsent(t.orderId(), t.outTradeNo());
        if (owner != null && !owner.equals(t.outTradeNo())) {
            orderClaimedTwice.add(t.outTradeNo());
            problem = problem.or(() -> Optional.of("order " + t.orderId() + " has two trades, " + owner + " and "
                    + t.outTradeNo() + ": one order id has one trade"));
        }
        trades.put(t.outTradeNo(), t);
        return problem;
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
     * @return the other trade that owns the trade's order id, which forbids saving it, if any
     */
    Optional<String> ownerElsewhere(TradeRecord trade) {
        String owner = byOrderId.get(trade.orderId());
        TradeRecord known = trades.get(trade.outTradeNo());
        boolean sameTrade = known != null && known.orderId().equals(trade.orderId());   // one read back from damage
        return owner != null && !owner.equals(trade.outTradeNo()) && !sameTrade ? Optional.of(owner)
                : Optional.empty();
    }

    /** Indexes a trade record saved, unless a later revision is held. */
    void put(TradeRecord t) {
        TradeRecord previous = trades.get(t.outTradeNo());
        if (previous != null && previous.revision() >= t.revision()) {
            return;
        }
        byOrderId.putIfAbsent(t.orderId(), t.outTradeNo());
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

    Optional<TradeRecord> tradeOfOrder(String orderId) {
        String no = byOrderId.get(orderId);
        return no == null ? Optional.empty() : Optional.ofNullable(trades.get(no));
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
        byOrderId.remove(t.orderId());
        refunds.remove(outTradeNo);
    }

    /**
     * The repair's first step: each trade whose order id another trade owns is replaced by
     * {@code rekey}'s record of it (one with an order id of its own).
     */
    void resolveClaimedTwice(UnaryOperator<TradeRecord> rekey) {
        for (String no : orderClaimedTwice) {
            TradeRecord t = trades.get(no);
            if (t != null && !no.equals(byOrderId.get(t.orderId()))) {
                trades.put(no, rekey.apply(t));
            }
        }
    }

    /** The repair's last step, once the journal holds what the index holds: every trade owns its order id. */
    void repaired() {
        orderClaimedTwice.clear();
        trades.values().forEach(t -> byOrderId.putIfAbsent(t.orderId(), t.outTradeNo()));
    }
}
