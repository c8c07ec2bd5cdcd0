package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a reconciliation found so far: discrepancies, held entries, matches and totals, each trade once. */
final class Findings {
    private final DayWindow window;
    private final Set<String> seen = new HashSet<>();
    private final List<Discrepancy> discrepancies = new ArrayList<>();
    private final List<HeldEntry> held = new ArrayList<>();
    private long matchedPayments;
    private long matchedPaidFen;
    private long matchedRefunds;
    private long matchedRefundedFen;
    private long agreedUnpaid;
    private long billPaidFen;
    private long billRefundedFen;

    Findings(DayWindow window) {
        this.window = window;
    }

    void countBill(BillEntry entry) {
        if (entry.kind() == BillEntryKind.PAYMENT) {
            billPaidFen += entry.amount().fen();
        } else if (entry.kind() == BillEntryKind.REFUND) {
            billRefundedFen += entry.amount().fen();
        }
    }

    /** @return true the first time a trade or refund is judged, false after: each is settled once */
    boolean settle(String key) {
        return seen.add(key);
    }

    boolean seen(String key) {
        return seen.contains(key);
    }

    void matchedPayment(TradeRecord trade) {
        matchedPayments++;
        matchedPaidFen += trade.amount().fen();
    }

    void matchedRefund(RefundRecord refund) {
        matchedRefunds++;
        matchedRefundedFen += refund.amount().fen();
    }

    void agreedUnpaid() {
        agreedUnpaid++;
    }

    void hold(HeldEntry entry) {
        held.add(entry);
    }

    void add(DiscrepancyKind kind, String outTradeNo, TradeRecord trade, Optional<String> refundNo, BillTally bill,
            String explanation) {
        BillEntry row = bill == null ? null : bill.first;
        Optional<Money> theirs = bill == null ? Optional.empty() : Optional.of(bill.paid());
        discrepancies.add(new Discrepancy(kind, outTradeNo, orderOf(trade), refundNo,
                Optional.ofNullable(trade).map(TradeRecord::amount),
                Optional.ofNullable(trade).map(t -> t.progress().state().name()), theirs,
                Optional.ofNullable(row).map(r -> bill.revoked ? "REVOKED" : r.walletStatus()),
                Optional.ofNullable(row).map(BillEntry::walletTradeNo), Optional.ofNullable(row).map(BillEntry::line),
                explanation));
    }

    void addRefund(DiscrepancyKind kind, TradeRecord trade, String outTradeNo, String refundNo,
            Optional<RefundRecord> local, BillEntry row, String explanation) {
        discrepancies.add(new Discrepancy(kind, outTradeNo, orderOf(trade), Optional.of(refundNo),
                local.map(RefundRecord::amount), local.map(r -> r.state().name()),
                Optional.ofNullable(row).map(BillEntry::amount), Optional.ofNullable(row).map(BillEntry::walletStatus),
                Optional.ofNullable(row).map(BillEntry::walletTradeNo), Optional.ofNullable(row).map(BillEntry::line),
                explanation));
    }

    private static Optional<String> orderOf(TradeRecord trade) {
        return Optional.ofNullable(trade).map(TradeRecord::orderId);
    }

    ReconciliationReport report(String gatewayId, String source, long entries, Optional<FeeAuditor> fees) {
        return new ReconciliationReport(gatewayId, window.day, source, entries, matchedPayments,
                Money.ofFen(matchedPaidFen), matchedRefunds, Money.ofFen(matchedRefundedFen), agreedUnpaid,
                Money.ofFen(billPaidFen), Money.ofFen(billRefundedFen), List.copyOf(discrepancies), List.copyOf(held),
                fees.map(FeeAuditor::result));
    }
}
