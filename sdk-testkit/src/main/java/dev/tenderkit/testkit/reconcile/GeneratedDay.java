package dev.tenderkit.testkit.reconcile;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.fee.ChannelFeeSchedule;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.fee.FeeRounding;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.FeeScheduleVersion;
import dev.tenderkit.core.fee.MethodFees;
import dev.tenderkit.core.fee.QuoteRequest;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.Discrepancy;
import dev.tenderkit.core.reconcile.ReconciliationReport;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.core.reconcile.HeldEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A generated business day: the store's trades and refunds around it (midnight crossings included), the wallet's
 * bill of the day, and divergences of every kind injected between them, with what a correct reconciliation must
 * report — exactly those, no more. Deterministic for a seed. Build one with {@link GeneratedDayBuilder}.
 *
 * <p>Rules the generation follows, which are the reconciliation's contract: a trade is dated here by its payment's
 * time and on the bill by the wallet's, up to a few seconds later; the bill of the day lists what the wallet dates
 * inside it; a payment or refund of ours within {@link #MARGIN} of the day's end that the bill does not list is
 * held; one made just before the day and held by the previous day is carried in ({@link #carried()}).
 */
public final class GeneratedDay {
    /** The midnight margin the generation assumes (the reconciler's default). */
    public static final Duration MARGIN = Duration.ofMinutes(10);

    final LocalDate day;
    final Instant start;
    final Instant end;
    final String gatewayId;
    final String channelId;
    final PaymentMethod method;
    final FeeRate contractRate;
    final List<TradeRecord> trades = new ArrayList<>();
    final List<RefundRecord> refunds = new ArrayList<>();
    final List<BillEntry> bill = new ArrayList<>();
    final List<HeldEntry> carried = new ArrayList<>();
    final Set<Divergence> divergences = new java.util.HashSet<>();
    final Set<String> held = new java.util.HashSet<>();
    final Set<String> feeDiscrepancies = new java.util.HashSet<>();
    long matchedPayments;
    long matchedRefunds;

    GeneratedDay(LocalDate day, String gatewayId, String channelId, PaymentMethod method, FeeRate contractRate) {
        this.day = day;
        this.start = day.atStartOfDay(QuoteRequest.BUSINESS_ZONE).toInstant();
        this.end = day.plusDays(1).atStartOfDay(QuoteRequest.BUSINESS_ZONE).toInstant();
        this.gatewayId = gatewayId;
        this.channelId = channelId;
        this.method = method;
        this.contractRate = contractRate;
    }

    /** @return the business day */
    public LocalDate day() {
        return day;
    }

    /** @return the gateway the trades went through */
    public String gatewayId() {
        return gatewayId;
    }

    /** @return every trade of ours, each as its final record */
    public List<TradeRecord> trades() {
        return List.copyOf(trades);
    }

    /** @return every refund of ours, each as its final record */
    public List<RefundRecord> refunds() {
        return List.copyOf(refunds);
    }

    /** @return the wallet's bill of the day, in the wallet's time order */
    public List<BillEntry> bill() {
        return List.copyOf(bill);
    }

    /** @return what the previous day's reconciliation held, to pass in */
    public List<HeldEntry> carried() {
        return List.copyOf(carried);
    }

    /** @return the divergences injected: exactly what a correct reconciliation reports */
    public Set<Divergence> divergences() {
        return Set.copyOf(divergences);
    }

    /** @return the keys (out_trade_no, or out_trade_no + '/' + refund number) a correct reconciliation holds */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    /** @return the out_trade_no of every payment whose billed fee differs from the contract */
    public Set<String> feeDiscrepancies() {
        return Set.copyOf(feeDiscrepancies);
    }

    /** @return how many payments a correct reconciliation matches */
    public long matchedPayments() {
        return matchedPayments;
    }

    /** @return how many refunds a correct reconciliation matches */
    public long matchedRefunds() {
        return matchedRefunds;
    }

    /**
     * Compares a reconciliation of this day with what a correct one reports: the divergences exactly (none missed,
     * none invented, each once), the held entries, the overcharged fees, the matched payments and refunds.
     *
     * @param report the reconciliation of this day's bill against a store holding {@link #saveTo this day}
     * @return what differs, one line each; empty when the report is exactly right
     */
    public List<String> mismatches(ReconciliationReport report) {
        List<String> out = new ArrayList<>();
        Set<Divergence> found = new java.util.HashSet<>();
        for (Discrepancy d : report.discrepancies()) {
            if (!found.add(new Divergence(d.kind(), d.outTradeNo(), d.refundRequestNo()))) {
                out.add("reported twice: " + d);
            }
        }
        found.stream().filter(d -> !divergences.contains(d)).forEach(d -> out.add("invented: " + d));
        divergences.stream().filter(d -> !found.contains(d)).forEach(d -> out.add("missed: " + d));
        Set<String> heldFound = new java.util.HashSet<>();
        report.held().forEach(h -> heldFound.add(h.refundRequestNo().map(no -> h.outTradeNo() + "/" + no)
                .orElse(h.outTradeNo())));
        if (!heldFound.equals(held)) {
            out.add("held " + heldFound + ", expected " + held);
        }
        Set<String> fees = new java.util.HashSet<>();
        report.feeAudit().ifPresent(f -> f.discrepancies().forEach(d -> fees.add(d.outTradeNo())));
        if (!fees.equals(feeDiscrepancies)) {
            out.add("fee discrepancies " + fees + ", expected " + feeDiscrepancies);
        }
        if (report.matchedPayments() != matchedPayments || report.matchedRefunds() != matchedRefunds) {
            out.add("matched " + report.matchedPayments() + " payments and " + report.matchedRefunds()
                    + " refunds, expected " + matchedPayments + " and " + matchedRefunds);
        }
        if (report.billEntries() != bill.size()) {
            out.add("read " + report.billEntries() + " bill rows of " + bill.size());
        }
        return out;
    }

    /** @return the merchant's contract: the one channel at {@link GeneratedDayBuilder#contractRate}, rounded half up */
    public FeeSchedule feeSchedule() {
        return FeeSchedule.builder("generated").channel(new ChannelFeeSchedule(channelId, List.of(
                FeeScheduleVersion.builder(channelId + "-contract", day.minusYears(1)).rounding(FeeRounding.HALF_UP)
                        .add(MethodFees.builder(method, contractRate).build()).build()))).build();
    }

    /**
     * Saves every trade and refund into a store, as the engine would have left them.
     *
     * @param store an empty store
     */
    public void saveTo(TransactionStore store) {
        for (TradeRecord t : trades) {
            if (t.progress().revision() > 0) {
                store.save(TradeRecord.created(t.intent()));
            }
            store.save(t);
        }
        for (RefundRecord r : refunds) {
            if (r.revision() > 0) {
                store.save(new RefundRecord(r.outTradeNo(), r.refundRequestNo(), r.amount(), r.reason(),
                        RefundState.REQUESTED, r.createdAt(), r.createdAt(), Optional.empty(), Optional.empty(), 0));
            }
            store.save(r);
        }
    }

    // ---- building blocks used by GeneratedDayBuilder ----

    TradeRecord trade(String no, Money amount, Instant createdAt) {
        TradeIntent intent = new TradeIntent(no, "O-" + no, 1, TradeKind.BARCODE, channelId, gatewayId, method.id(),
                amount, "generated", Optional.empty(), "", Optional.empty(), createdAt, createdAt.plusSeconds(45));
        return TradeRecord.created(intent);
    }

    static TradeRecord paid(TradeRecord created, String walletNo, Instant paidAt) {
        return created.paid(new Payment(walletNo, created.amount(), FundingSource.UNSPECIFIED, paidAt),
                Optional.empty(), paidAt);
    }

    static TradeRecord failed(TradeRecord created, Instant at) {
        return created.failed(new GatewayError(Cause.BUYER_INSUFFICIENT_FUNDS, GatewayCode.of("NOT_ENOUGH")), at);
    }

    static RefundRecord refund(TradeRecord trade, String no, Money amount, Instant at, RefundState state) {
        RefundRecord requested = new RefundRecord(trade.outTradeNo(), no, amount, "generated", RefundState.REQUESTED,
                at, at, Optional.empty(), Optional.empty(), 0);
        Optional<GatewayError> error = state == RefundState.FAILED
                ? Optional.of(new GatewayError(Cause.BUYER_PAYMENT_DECLINED, GatewayCode.of("REFUND_FAILED")))
                : Optional.empty();
        return state == RefundState.REQUESTED ? requested
                : requested.advance(state, error, Optional.empty(), at.plusSeconds(1));
    }

    /** The fee the wallet bills at a rate, to the fen, half up, in milli-fen. */
    static BilledFee fee(Money amount, FeeRate rate, boolean statesRate) {
        Money fen = rate.applyTo(amount, FeeRounding.HALF_UP);
        return new BilledFee(fen.fen() * BilledFee.MILLI_FEN_PER_FEN, statesRate ? Optional.of(rate) : Optional.empty());
    }

    static BillEntry row(String no, String walletNo, BillEntryKind kind, Money amount, Optional<String> refundNo,
            Instant at, Optional<BilledFee> fee) {
        String status = switch (kind) {
            case PAYMENT -> "SUCCESS";
            case REFUND -> "REFUND";
            case REVOKED -> "REVOKED";
        };
        return new BillEntry(no, walletNo, kind, amount, refundNo, at, fee, status, 1);
    }

    boolean inDay(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** Numbers the bill's rows in the wallet's time order, from line 1. */
    void finishBill() {
        bill.sort(Comparator.comparing(BillEntry::time).thenComparing(BillEntry::outTradeNo));
        for (int i = 0; i < bill.size(); i++) {
            BillEntry e = bill.get(i);
            bill.set(i, new BillEntry(e.outTradeNo(), e.walletTradeNo(), e.kind(), e.amount(), e.refundRequestNo(),
                    e.time(), e.fee(), e.walletStatus(), i + 1));
        }
    }
}
