package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.reconcile.DayWindow.Zone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One reconciliation: the bill's rows summed per trade and per refund as they are read, then judged side by side. */
final class ReconciliationRun {
    private final TransactionStore store;
    private final String gatewayId;
    private final DayWindow window;
    private final Map<String, HeldEntry> carried = new HashMap<>();
    private final Map<String, BillTally> billTrades = new LinkedHashMap<>();
    private final Map<String, List<BillEntry>> billRefunds = new LinkedHashMap<>();
    /** This gateway's trades created in the window, read once: a refund's trade is looked up here first. */
    private final Map<String, TradeRecord> ours = new HashMap<>();
    private final Findings findings;
    private final Optional<FeeAuditor> feeAuditor;
    private long entries;

    ReconciliationRun(TransactionStore store, Optional<FeeSchedule> fees, PaymentMethodRegistry methods,
            String gatewayId, DayWindow window, List<HeldEntry> carried) {
        this.store = store;
        this.gatewayId = gatewayId;
        this.window = window;
        for (HeldEntry h : carried) {
            this.carried.put(key(h.outTradeNo(), h.refundRequestNo()), h);
        }
        this.findings = new Findings(window);
        this.feeAuditor = fees.map(schedule -> new FeeAuditor(schedule, methods));
    }

    private static String key(String outTradeNo, Optional<String> refundRequestNo) {
        return refundRequestNo.map(no -> outTradeNo + '\u0000' + no).orElse(outTradeNo);
    }

    void read(BillEntry entry) {
        entries++;
        findings.countBill(entry);
        if (entry.kind() == BillEntryKind.REFUND && entry.refundRequestNo().isPresent()) {
            billRefunds.computeIfAbsent(key(entry.outTradeNo(), entry.refundRequestNo()), k -> new ArrayList<>(1))
                    .add(entry);
        } else {
            billTrades.computeIfAbsent(entry.outTradeNo(), k -> new BillTally()).add(entry);
        }
    }

    ReconciliationReport finish(String source) {
        for (TradeRecord trade : store.trades(window.createdFrom(), window.createdUntil())) {
            if (trade.gatewayId().equals(gatewayId)) {
                ours.put(trade.outTradeNo(), trade);
                judgeTrade(Optional.of(trade), billTrades.remove(trade.outTradeNo()));
            }
        }
        for (Map.Entry<String, BillTally> rest : billTrades.entrySet()) {
            judgeTrade(store.find(rest.getKey()).filter(t -> t.gatewayId().equals(gatewayId)), rest.getValue());
        }
        for (HeldEntry held : carried.values()) {
            if (held.refundRequestNo().isEmpty() && !findings.seen(held.outTradeNo())) {
                store.find(held.outTradeNo()).ifPresent(t -> judgeTrade(Optional.of(t), null));
            }
        }
        for (RefundRecord refund : store.refunds(window.createdFrom(), window.createdUntil())) {
            TradeRecord trade = ours.get(refund.outTradeNo());
            if (trade != null || store.find(refund.outTradeNo()).filter(t -> t.gatewayId().equals(gatewayId))
                    .isPresent()) {
                judgeRefund(refund.outTradeNo(), refund.refundRequestNo(), Optional.of(refund),
                        billRefunds.remove(key(refund.outTradeNo(), Optional.of(refund.refundRequestNo()))));
            }
        }
        for (Map.Entry<String, List<BillEntry>> rest : billRefunds.entrySet()) {
            BillEntry first = rest.getValue().get(0);
            String no = first.refundRequestNo().orElseThrow();
            judgeRefund(first.outTradeNo(), no, store.findRefund(first.outTradeNo(), no), rest.getValue());
        }
        for (HeldEntry held : carried.values()) {
            held.refundRequestNo().ifPresent(no -> {
                if (!findings.seen(key(held.outTradeNo(), held.refundRequestNo()))) {
                    judgeRefund(held.outTradeNo(), no, store.findRefund(held.outTradeNo(), no), null);
                }
            });
        }
        return findings.report(gatewayId, source, entries, feeAuditor);
    }

    private void judgeTrade(Optional<TradeRecord> local, BillTally bill) {
        if (local.isEmpty()) {
            if (bill.keptFen() > 0) {
                findings.add(DiscrepancyKind.CHARGED_ON_BILL_NOT_HERE, bill.first.outTradeNo(), null, Optional.empty(),
                        bill, "the wallet charged " + bill.paid() + " for a trade the store has no record of");
            }
            return;
        }
        TradeRecord trade = local.get();
        String no = trade.outTradeNo();
        if (!findings.settle(no)) {
            return;
        }
        TradeState state = trade.progress().state();
        if (state == TradeState.PAID) {
            Instant paidAt = trade.progress().payment().orElseThrow().paidAt();
            boolean listed = bill != null && (bill.payments > 0 || bill.revoked);
            if (!listed) {
                Unlisted verdict = unlisted(no, Optional.empty(), paidAt);
                if (verdict == Unlisted.HOLD) {
                    findings.hold(new HeldEntry(no, Optional.empty(), trade.amount(), paidAt));
                } else if (verdict == Unlisted.DISCREPANCY) {
                    findings.add(DiscrepancyKind.PAID_HERE_NOT_ON_BILL, no, trade, Optional.empty(), null,
                            "paid " + trade.amount() + " here at " + paidAt + ", absent from the bill");
                }
            } else if (bill.undone()) {
                findings.add(DiscrepancyKind.PAID_HERE_UNDONE_ON_BILL, no, trade, Optional.empty(), bill,
                        "paid here, but the bill shows the payment " + (bill.revoked ? "revoked" : "refunded in full"));
            } else if (bill.payments > 1) {
                findings.add(DiscrepancyKind.LISTED_TWICE_ON_BILL, no, trade, Optional.empty(), bill,
                        "the bill lists " + bill.payments + " payments for one trade");
            } else if (bill.paidFen != trade.amount().fen()) {
                findings.add(DiscrepancyKind.AMOUNT_DIFFERS, no, trade, Optional.empty(), bill,
                        "paid " + trade.amount() + " here, " + bill.paid() + " on the bill");
            } else {
                findings.matchedPayment(trade);
                feeAuditor.ifPresent(a -> a.audit(trade, bill.first));
            }
        } else if (bill != null && bill.keptFen() > 0) {
            findings.add(state.isFinal() ? DiscrepancyKind.KEPT_ON_BILL_NOT_PAID_HERE : DiscrepancyKind.UNFINISHED_HERE,
                    no, trade, Optional.empty(), bill, state + " here, but the wallet kept " + Money.ofFen(
                            bill.keptFen()) + " on the bill");
        } else if (!state.isFinal() && window.zoneOf(trade.intent().createdAt()) != Zone.BEFORE
                && window.zoneOf(trade.intent().createdAt()) != Zone.AFTER) {
            findings.add(DiscrepancyKind.UNFINISHED_HERE, no, trade, Optional.empty(), bill,
                    "still " + state + " at the end of the day: recover() or checkNow it");
        } else {
            findings.agreedUnpaid();
        }
    }

    /** What becomes of a payment or refund of ours that the bill does not list. */
    private enum Unlisted {
        /** Made near the day's end: held for the next day's bill. */
        HOLD,
        /** Made inside the day, or held the day before: a discrepancy. */
        DISCREPANCY,
        /** Made the day before (and settled there) or after: not this day's. */
        NOT_THIS_DAY
    }

    private Unlisted unlisted(String no, Optional<String> refundNo, Instant at) {
        Zone zone = window.zoneOf(at);
        if (zone == Zone.END) {
            return Unlisted.HOLD;
        }
        boolean wasHeld = carried.containsKey(key(no, refundNo));
        return zone == Zone.DAY || zone == Zone.BEFORE && wasHeld ? Unlisted.DISCREPANCY : Unlisted.NOT_THIS_DAY;
    }

    private void judgeRefund(String outTradeNo, String refundNo, Optional<RefundRecord> local, List<BillEntry> rows) {
        Optional<String> no = Optional.of(refundNo);
        String key = key(outTradeNo, no);
        if (!findings.settle(key)) {
            return;
        }
        TradeRecord trade = ours.containsKey(outTradeNo) ? ours.get(outTradeNo) : store.find(outTradeNo).orElse(null);
        BillEntry row = rows == null ? null : rows.get(0);
        if (local.isEmpty() || local.get().state() != RefundState.REFUNDED) {
            if (row != null) {
                findings.addRefund(DiscrepancyKind.REFUNDED_ON_BILL_NOT_HERE, trade, outTradeNo, refundNo, local, row,
                        "the bill refunds " + row.amount() + (local.isEmpty() ? " under a refund number the store does "
                                + "not have" : " that the store has as " + local.get().state()));
            } else if (local.isPresent() && !local.get().state().isFinal()) {
                findings.addRefund(DiscrepancyKind.UNFINISHED_HERE, trade, outTradeNo, refundNo, local, null,
                        "refund still " + local.get().state() + " at the end of the day");
            }
            return;
        }
        RefundRecord refund = local.get();
        if (row == null) {
            Unlisted verdict = unlisted(outTradeNo, no, refund.createdAt());
            if (verdict == Unlisted.HOLD) {
                findings.hold(new HeldEntry(outTradeNo, no, refund.amount(), refund.createdAt()));
            } else if (verdict == Unlisted.DISCREPANCY) {
                findings.addRefund(DiscrepancyKind.REFUNDED_HERE_NOT_ON_BILL, trade, outTradeNo, refundNo, local, null,
                        "refunded " + refund.amount() + " here at " + refund.createdAt() + ", absent from the bill");
            }
        } else if (rows.size() > 1) {
            findings.addRefund(DiscrepancyKind.LISTED_TWICE_ON_BILL, trade, outTradeNo, refundNo, local, row,
                    "the bill lists this refund " + rows.size() + " times");
        } else if (!row.amount().equals(refund.amount())) {
            findings.addRefund(DiscrepancyKind.REFUND_AMOUNT_DIFFERS, trade, outTradeNo, refundNo, local, row,
                    "refunded " + refund.amount() + " here, " + row.amount() + " on the bill");
        } else {
            findings.matchedRefund(refund);
        }
    }
}
