package dev.tenderkit.testkit.reconcile;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.core.reconcile.DiscrepancyKind;
import dev.tenderkit.core.reconcile.HeldEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/** Generates a {@link GeneratedDay}: the trades, the bill, the injected divergences and what must be found. */
public final class GeneratedDayBuilder {
    private final long seed;
    private LocalDate day = LocalDate.of(2026, 11, 30);
    private int trades = 10_000;
    private int perKind = 20;
    private String gatewayId = "alipay";
    private String channelId = "alipay-direct";
    private PaymentMethod method = PaymentMethods.ALIPAY;
    private FeeRate contractRate = FeeRate.parse("0.38%");
    private FeeRate chargedRate = FeeRate.parse("0.60%");
    private boolean statesRate;
    private boolean hasRevoked = true;

    private final Map<DiscrepancyKind, Integer> injected = new EnumMap<>(DiscrepancyKind.class);
    private int feeInjected;
    private SplittableRandom random;
    private GeneratedDay g;

    /** @param seed the generation's seed: the same seed, the same day */
    public GeneratedDayBuilder(long seed) {
        this.seed = seed;
    }

    /** @return this, for a day of {@code n} trades (10,000 by default) */
    public GeneratedDayBuilder trades(int n) {
        this.trades = n;
        return this;
    }

    /** @return this, injecting up to {@code n} divergences of each kind (20 by default) */
    public GeneratedDayBuilder divergencesPerKind(int n) {
        this.perKind = n;
        return this;
    }

    /** @return this, for the business day */
    public GeneratedDayBuilder day(LocalDate businessDay) {
        this.day = Objects.requireNonNull(businessDay, "businessDay");
        return this;
    }

    /**
     * @param gateway the gateway the trades go through (as the bill reader names it)
     * @param channel the channel
     * @param paymentMethod the method
     * @return this
     */
    public GeneratedDayBuilder wallet(String gateway, String channel, PaymentMethod paymentMethod) {
        this.gatewayId = gateway;
        this.channelId = channel;
        this.method = paymentMethod;
        return this;
    }

    /**
     * @param contract the contract's rate
     * @param overcharged the rate the wallet bills on the payments whose fee is a divergence
     * @param billStatesRate whether the bill states the rate per row (WeChat Pay does, Alipay does not)
     * @return this
     */
    public GeneratedDayBuilder fees(FeeRate contract, FeeRate overcharged, boolean billStatesRate) {
        this.contractRate = contract;
        this.chargedRate = overcharged;
        this.statesRate = billStatesRate;
        return this;
    }

    /** @return this, for a wallet whose bill has no reversal rows (Alipay): a reversal is a refund without a number */
    public GeneratedDayBuilder noRevokedRows() {
        this.hasRevoked = false;
        return this;
    }

    /** @return the generated day */
    public GeneratedDay build() {
        random = new SplittableRandom(seed);
        injected.clear();
        feeInjected = 0;
        g = new GeneratedDay(day, gatewayId, channelId, method, contractRate);
        for (int i = 0; i < trades; i++) {
            oneTrade(String.format("T%07d", i));
        }
        for (int i = 0; i < perKind; i++) {
            Instant at = dayTime();
            g.bill.add(GeneratedDay.row(String.format("X%07d", i), "W-X" + i, BillEntryKind.PAYMENT, amount(),
                    Optional.empty(), at, Optional.of(GeneratedDay.fee(Money.ofFen(100), contractRate, statesRate))));
            expect(DiscrepancyKind.CHARGED_ON_BILL_NOT_HERE, String.format("X%07d", i), Optional.empty());
        }
        g.finishBill();
        return g;
    }

    private void oneTrade(String no) {
        Instant createdAt = createdAt();
        TradeRecord created = g.trade(no, amount(), createdAt);
        double p = random.nextDouble();
        if (p < 0.02) {
            oldTradeRefundedToday(created.outTradeNo());
            return;
        }
        if (p < 0.80) {
            paidTrade(created, createdAt.plusSeconds(1 + random.nextInt(30)));
        } else if (p < 0.92) {
            TradeRecord reversed = created.advance(TradeState.REVERSING, createdAt.plusSeconds(45))
                    .advance(TradeState.REVERSED, createdAt.plusSeconds(46));
            g.trades.add(reversed);
            if (inDayZone(createdAt) && take(DiscrepancyKind.KEPT_ON_BILL_NOT_PAID_HERE)) {
                g.bill.add(GeneratedDay.row(no, "W-" + no, BillEntryKind.PAYMENT, created.amount(), Optional.empty(),
                        createdAt.plusSeconds(5), Optional.empty()));
                expect(DiscrepancyKind.KEPT_ON_BILL_NOT_PAID_HERE, no, Optional.empty());
            }
        } else if (p < 0.995 || !inDayZone(createdAt) || !take(DiscrepancyKind.UNFINISHED_HERE)) {
            g.trades.add(GeneratedDay.failed(created, createdAt.plusSeconds(2)));
        } else {
            g.trades.add(created.advance(TradeState.AWAITING_BUYER, createdAt.plusSeconds(1)));
            expect(DiscrepancyKind.UNFINISHED_HERE, no, Optional.empty());
        }
    }

    private void paidTrade(TradeRecord created, Instant paidAt) {
        String no = created.outTradeNo();
        Instant walletAt = walletTime(paidAt);
        g.trades.add(GeneratedDay.paid(created, "W-" + no, paidAt));
        Money amount = created.amount();
        boolean onBill = g.inDay(walletAt);
        boolean carried = paidAt.isBefore(g.start) && !walletAt.isBefore(g.start);
        if (carried) {
            g.carried.add(new HeldEntry(no, Optional.empty(), amount, paidAt));
            if (take(DiscrepancyKind.PAID_HERE_NOT_ON_BILL)) {
                expect(DiscrepancyKind.PAID_HERE_NOT_ON_BILL, no, Optional.empty());
                return;
            }
        }
        if (!onBill) {
            if (zoneEnd(paidAt)) {
                g.held.add(no);
            }
            return;
        }
        BillEntry pay = GeneratedDay.row(no, "W-" + no, BillEntryKind.PAYMENT, amount, Optional.empty(), walletAt,
                Optional.of(GeneratedDay.fee(amount, contractRate, statesRate)));
        if (inDayZone(paidAt) && !carried) {
            DiscrepancyKind kind = pick(DiscrepancyKind.PAID_HERE_NOT_ON_BILL, DiscrepancyKind.AMOUNT_DIFFERS,
                    DiscrepancyKind.PAID_HERE_UNDONE_ON_BILL, DiscrepancyKind.LISTED_TWICE_ON_BILL);
            if (kind != null) {
                expect(kind, no, Optional.empty());
                switch (kind) {
                    case AMOUNT_DIFFERS -> g.bill.add(GeneratedDay.row(no, "W-" + no, BillEntryKind.PAYMENT,
                            Money.ofFen(amount.fen() + 1 + random.nextInt(100)), Optional.empty(), walletAt,
                            pay.fee()));
                    case PAID_HERE_UNDONE_ON_BILL -> {
                        g.bill.add(pay);
                        g.bill.add(GeneratedDay.row(no, "W-" + no, hasRevoked ? BillEntryKind.REVOKED
                                : BillEntryKind.REFUND, amount, Optional.empty(), walletAt.plusSeconds(40),
                                Optional.empty()));
                    }
                    case LISTED_TWICE_ON_BILL -> {
                        g.bill.add(pay);
                        g.bill.add(pay);
                    }
                    default -> { } // dropped from the bill
                }
                return;
            }
            if (feeInjected < perKind && random.nextInt(20) == 0) {
                feeInjected++;
                BilledFee charged = GeneratedDay.fee(amount, chargedRate, statesRate);
                pay = GeneratedDay.row(no, "W-" + no, BillEntryKind.PAYMENT, amount, Optional.empty(), walletAt,
                        Optional.of(charged));
                if (statesRate || charged.milliFen() != GeneratedDay.fee(amount, contractRate, false).milliFen()) {
                    g.feeDiscrepancies.add(no);
                }
            } else if (random.nextInt(10) == 0) {
                refundsOf(created, paidAt);
            }
        }
        g.bill.add(pay);
        g.matchedPayments++;
    }

    private void refundsOf(TradeRecord trade, Instant paidAt) {
        Instant at = random.nextInt(4) == 0 ? g.end.minus(Duration.ofSeconds(random.nextInt(900)))
                : paidAt.plusSeconds(60 + random.nextInt(6 * 3600));
        refund(trade, trade.outTradeNo() + "-R1", Money.ofFen(1 + random.nextInt((int) trade.amount().fen())), at);
    }

    private void oldTradeRefundedToday(String no) {
        Instant createdAt = g.start.minus(Duration.ofDays(3)).plusSeconds(random.nextInt(80_000));
        TradeRecord created = g.trade(no, amount(), createdAt);
        g.trades.add(GeneratedDay.paid(created, "W-" + no, createdAt.plusSeconds(3)));
        Instant at = random.nextInt(5) == 0 ? g.start.minusSeconds(random.nextInt(100)) : dayTime();
        refund(created, no + "-R1", Money.ofFen(1 + random.nextInt((int) created.amount().fen())), at);
    }

    private void refund(TradeRecord trade, String refundNo, Money amount, Instant at) {
        String no = trade.outTradeNo();
        Optional<String> rno = Optional.of(refundNo);
        Instant walletAt = walletTime(at);
        boolean failed = random.nextInt(10) == 0;
        RefundRecord refund = GeneratedDay.refund(trade, refundNo, amount, at, failed ? RefundState.FAILED
                : RefundState.REFUNDED);
        g.refunds.add(refund);
        BillEntry row = GeneratedDay.row(no, "W-" + no, BillEntryKind.REFUND, amount, rno, walletAt, Optional.empty());
        if (failed) {
            if (inDayZone(at) && take(DiscrepancyKind.REFUNDED_ON_BILL_NOT_HERE)) {
                g.bill.add(row);
                expect(DiscrepancyKind.REFUNDED_ON_BILL_NOT_HERE, no, rno);
            }
            return;
        }
        boolean onBill = g.inDay(walletAt);
        if (at.isBefore(g.start) && onBill) {
            g.carried.add(new HeldEntry(no, rno, amount, at));
        }
        if (!onBill) {
            if (zoneEnd(at)) {
                g.held.add(no + "/" + refundNo);
            }
            return;
        }
        DiscrepancyKind kind = inDayZone(at) ? pick(DiscrepancyKind.REFUNDED_HERE_NOT_ON_BILL,
                DiscrepancyKind.REFUND_AMOUNT_DIFFERS, DiscrepancyKind.LISTED_TWICE_ON_BILL) : null;
        if (kind == null) {
            g.bill.add(row);
            g.matchedRefunds++;
            return;
        }
        expect(kind, no, rno);
        if (kind == DiscrepancyKind.REFUND_AMOUNT_DIFFERS) {
            g.bill.add(GeneratedDay.row(no, "W-" + no, BillEntryKind.REFUND, Money.ofFen(amount.fen() + 1), rno,
                    walletAt, Optional.empty()));
        } else if (kind == DiscrepancyKind.LISTED_TWICE_ON_BILL) {
            g.bill.add(row);
            g.bill.add(row);
        }
    }

    /** @return one of the kinds still under its quota, with a small chance, or null */
    private DiscrepancyKind pick(DiscrepancyKind... kinds) {
        if (random.nextInt(25) != 0) {
            return null;
        }
        DiscrepancyKind kind = kinds[random.nextInt(kinds.length)];
        return take(kind) ? kind : null;
    }

    private boolean take(DiscrepancyKind kind) {
        int n = injected.getOrDefault(kind, 0);
        if (n >= perKind) {
            return false;
        }
        injected.put(kind, n + 1);
        return true;
    }

    private void expect(DiscrepancyKind kind, String no, Optional<String> refundNo) {
        if (!g.divergences.add(new Divergence(kind, no, refundNo))) {
            throw new IllegalStateException("injected twice: " + kind + " " + no + " " + refundNo);
        }
    }

    /** The wallet dates a row a little after us: seconds, or up to 90 s (a slow answer) near midnight. */
    private Instant walletTime(Instant ours) {
        boolean nearMidnight = Math.abs(Duration.between(ours, g.end).toSeconds()) < 120
                || Math.abs(Duration.between(ours, g.start).toSeconds()) < 120;
        return ours.plusMillis(random.nextInt(nearMidnight ? 90_000 : 3_000));
    }

    private Money amount() {
        return Money.ofFen(random.nextInt(50) == 0 ? 1 + random.nextInt(5) : 1 + random.nextInt(200_000));
    }

    /** Most trades inside the day; a fifth within minutes of either midnight, a few outside the day's window. */
    private Instant createdAt() {
        int region = random.nextInt(20);
        if (region < 2) {
            return g.start.plusSeconds(random.nextInt(1200) - 900L);
        }
        if (region < 4) {
            return g.end.plusSeconds(random.nextInt(1200) - 900L);
        }
        if (region == 4) {
            return random.nextBoolean() ? g.start.minusSeconds(900 + random.nextInt(900))
                    : g.end.plusSeconds(600 + random.nextInt(900));
        }
        return dayTime();
    }

    private Instant dayTime() {
        return g.start.plus(GeneratedDay.MARGIN).plusSeconds(random.nextInt(86_400 - 3 * 600));
    }

    private boolean inDayZone(Instant at) {
        return !at.isBefore(g.start) && at.isBefore(g.end.minus(GeneratedDay.MARGIN));
    }

    private boolean zoneEnd(Instant at) {
        return !at.isBefore(g.end.minus(GeneratedDay.MARGIN)) && at.isBefore(g.end);
    }
}
