package dev.tenderkit.testkit.crash;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares, trade by trade, the journal after the final recovery with a simulated wallet's ledger
 * ({@link WalletTrade}s), and with what the cashier was told before each kill. Each rule broken is one line in
 * {@link #violations()}; the counts are for the run's summary.
 *
 * <ul>
 *   <li>No limbo: every journaled trade is final and unflagged.</li>
 *   <li>Zero lost: every trade the wallet knows is in the journal (the intent is durable before
 *       any byte is sent); every trade charged and not reversed is PAID there, for the same amount.</li>
 *   <li>Every unpaid trade cancelled: a trade the journal shows REVERSED is closed at the wallet with
 *       nothing charged; one it shows FAILED is unknown there or closed with nothing charged.</li>
 *   <li>Zero double charges: one order id has one out_trade_no, which the wallet charged at most once.</li>
 *   <li>What the cashier was told stays true: a PAID, FAILED or REVERSED outcome is the trade's
 *       final state.</li>
 * </ul>
 * Immutable once built.
 */
public final class JournalLedgerAudit {
    private final List<String> violations = new ArrayList<>();
    private int paid;
    private int reversed;
    private int failed;
    private int credit;
    private int reversedAfterCharge;

    /**
     * @param journal the journal's trades after the final recovery
     * @param ledger the wallet's trades by out_trade_no
     * @param orders the work list
     * @param told what the cashier was told
     */
    public JournalLedgerAudit(List<TradeRecord> journal, Map<String, WalletTrade> ledger, List<WorkList.Order> orders,
            List<CashierTold> told) {
        Map<String, WorkList.Order> byOrder = new HashMap<>();
        orders.forEach(o -> byOrder.put(o.orderId(), o));
        Map<String, TradeRecord> byOutTradeNo = new HashMap<>();
        Map<String, List<String>> tradesOfOrder = new HashMap<>();
        for (TradeRecord t : journal) {
            byOutTradeNo.put(t.outTradeNo(), t);
            tradesOfOrder.computeIfAbsent(t.orderId(), k -> new ArrayList<>()).add(t.outTradeNo());
            checkTrade(t, ledger.get(t.outTradeNo()), byOrder.get(t.orderId()));
        }
        for (Map.Entry<String, List<String>> e : tradesOfOrder.entrySet()) {
            if (e.getValue().size() > 1) {
                violations.add("order " + e.getKey() + " has " + e.getValue().size() + " trades: " + e.getValue());
            }
        }
        for (WalletTrade w : ledger.values()) {
            if (!byOutTradeNo.containsKey(w.outTradeNo())) {
                violations.add("lost: the wallet has " + w.outTradeNo() + " (" + w.description() + ", charged "
                        + w.charged() + ") but the journal has no such trade");
            }
        }
        for (CashierTold t : told) {
            TradeRecord r = byOutTradeNo.get(t.outTradeNo());
            if (r == null || !r.orderId().equals(t.orderId())) {
                violations.add("the cashier was told " + t.kind() + " for order " + t.orderId() + " as trade "
                        + t.outTradeNo() + ", which the journal does not have for that order");
            } else if (!t.kind().equals("UNRESOLVED") && !t.kind().equals(r.state().name())) {
                violations.add("the cashier was told " + t.kind() + " for order " + t.orderId() + " ("
                        + t.outTradeNo() + "), but the trade ended " + r.state());
            }
        }
    }

    private void checkTrade(TradeRecord t, WalletTrade w, WorkList.Order order) {
        String id = t.outTradeNo() + " (order " + t.orderId() + ")";
        if (order == null) {
            violations.add(id + ": not an order of the work list");
        } else if (!order.amount().equals(t.amount())) {
            violations.add(id + ": journaled for " + t.amount() + ", the order is for " + order.amount());
        }
        if (!t.state().isFinal()) {
            violations.add(id + ": left in limbo, " + t.state() + " after recovery");
            return;
        }
        if (t.needsAttention()) {
            violations.add(id + ": flagged for a person: " + t.attention().get());
        }
        if (t.state() == TradeState.PAID) {
            paid++;
            Money amount = t.payment().orElseThrow().amount();
            if (w == null || !w.paid() || !w.charged().equals(t.amount()) || !amount.equals(t.amount())) {
                violations.add(id + ": PAID " + amount + " in the journal, the wallet has " + describe(w));
            } else if (w.fromCredit()) {
                credit++;
            }
            return;
        }
        if (t.state() == TradeState.REVERSED) {
            reversed++;
        } else {
            failed++;
        }
        if (w != null && w.everCharged()) {
            reversedAfterCharge++;
        }
        // A reversal is confirmed by the wallet, so it knows the number closed (as a placeholder if
        // the pay never reached it, at Alipay); a refusal may have left no trace at all.
        boolean closedUncharged = w != null && w.closedUncharged();
        if (t.state() == TradeState.REVERSED ? !closedUncharged : w != null && !closedUncharged) {
            violations.add(id + ": " + t.state() + " in the journal, the wallet has " + describe(w));
        }
    }

    private static String describe(WalletTrade w) {
        return w == null ? "no such trade" : w.description() + " charged " + w.charged();
    }

    /** @return each rule broken, one line each; empty when journal and wallet agree */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** @return trades PAID in the journal */
    public int paid() {
        return paid;
    }

    /** @return trades REVERSED in the journal */
    public int reversed() {
        return reversed;
    }

    /** @return trades FAILED in the journal */
    public int failed() {
        return failed;
    }

    /** @return paid trades the wallet paid from credit */
    public int paidFromCredit() {
        return credit;
    }

    /** @return unpaid trades the wallet had charged before the reversal returned the money */
    public int reversedAfterCharge() {
        return reversedAfterCharge;
    }
}
