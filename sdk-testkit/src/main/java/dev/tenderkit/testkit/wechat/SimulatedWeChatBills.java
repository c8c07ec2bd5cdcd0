package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated WeChat Pay's trade bills ({@link SimulatedWeChatPay#bills()}): how the bill of a day is drawn
 * from the ledger, and the ways it is scripted to differ from it, for reconciliation tests and the end-of-day
 * example. A day's bill (UTC+8, cut at midnight on the simulator's clock) lists every order paid that day
 * (dated by its payment), as {@code REVOKED} if it was reversed since, and every refund accepted that day
 * (dated by its acceptance, with its status at the time of the bill), each with the fee at the configured rate
 * (0.60% by default, rounded half up to the fen; a refund returns its share, negative). Thread-safe.
 */
public final class SimulatedWeChatBills {
    /** The fault a bill download suffers ({@link #failNextDownload}). */
    public enum BillFault {
        /** The file served is a well-formed bill of the day with one amount changed: its hash does not match. */
        WRONG_HASH,
        /** The gzip file served is cut in half. */
        TRUNCATED
    }

    private final WalletState s;
    private long ratePpm = 6000;
    private final Map<String, Long> rateByTrade = new HashMap<>();
    private final Map<String, Long> rateByBank = new HashMap<>();
    private final Set<String> reversalsIgnored = new HashSet<>();
    private final Map<String, Money> refundAmounts = new HashMap<>();
    private final Deque<BillFault> faults = new ArrayDeque<>();
    private Duration linkValidity = Duration.ofSeconds(30);
    private Duration readyAfter = Duration.ZERO;

    SimulatedWeChatBills(WalletState s) {
        this.s = s;
    }

    /** @param rate the fee rate WeChat charges every trade (default 0.60%) @return this */
    public SimulatedWeChatBills feeRate(FeeRate rate) {
        synchronized (s.lock) {
            this.ratePpm = rate.ppm();
        }
        return this;
    }

    /** @param bankType a funding ({@code CMB_CREDIT}, …) @param rate the fee rate on its trades @return this */
    public SimulatedWeChatBills feeRateForBank(String bankType, FeeRate rate) {
        synchronized (s.lock) {
            rateByBank.put(Objects.requireNonNull(bankType, "bankType"), rate.ppm());
        }
        return this;
    }

    /**
     * Divergence: an overcharged fee. The bill states the fee at {@code rate} on this trade and its refunds.
     *
     * @return this
     */
    public SimulatedWeChatBills chargeFeeRate(String outTradeNo, FeeRate rate) {
        synchronized (s.lock) {
            rateByTrade.put(Objects.requireNonNull(outTradeNo, "outTradeNo"), rate.ppm());
        }
        return this;
    }

    /**
     * Divergence: a charge the till never saw. A barcode order paid now, on the ledger and so on the bill, for
     * an out_trade_no no request carried.
     *
     * @return the order
     */
    public WeChatTrade chargeTheTillNeverSaw(String outTradeNo, Money amount) {
        amount.requirePositive("amount");
        synchronized (s.lock) {
            if (s.ledger.trade(outTradeNo).isPresent()) {
                throw new IllegalArgumentException("outTradeNo: the ledger has " + outTradeNo + " already");
            }
            Instant now = s.now();
            WeChatTrade t = new WeChatTrade(outTradeNo, s.nextTransactionId(), "MICROPAY", amount,
                    WeChatTrade.State.SUCCESS, amount, Optional.of("OTHERS"), Optional.of(now), now);
            s.ledger.put(t);
            s.persist();
            return t;
        }
    }

    /**
     * Divergence: a reversal the wallet did not apply. The order stays reversed on the ledger (and in every
     * answer), but the bill shows it paid ({@code SUCCESS}), dated when it was paid, or created if never paid.
     *
     * @return this
     */
    public SimulatedWeChatBills keepPaidOnBill(String outTradeNo) {
        synchronized (s.lock) {
            reversalsIgnored.add(Objects.requireNonNull(outTradeNo, "outTradeNo"));
        }
        return this;
    }

    /**
     * Divergence: a refund amount that differs. The bill states {@code amount} for the refund.
     *
     * @return this
     */
    public SimulatedWeChatBills refundAmountOnBill(String outRefundNo, Money amount) {
        amount.requirePositive("amount");
        synchronized (s.lock) {
            refundAmounts.put(Objects.requireNonNull(outRefundNo, "outRefundNo"), amount);
        }
        return this;
    }

    /** The next bill applied for is served with {@code fault}. @return this */
    public SimulatedWeChatBills failNextDownload(BillFault fault) {
        synchronized (s.lock) {
            faults.add(Objects.requireNonNull(fault, "fault"));
        }
        return this;
    }

    /** @param validity how long a download link works, on the simulator's clock (default 30 s) @return this */
    public SimulatedWeChatBills linkValidity(Duration validity) {
        synchronized (s.lock) {
            this.linkValidity = Objects.requireNonNull(validity, "validity");
        }
        return this;
    }

    /**
     * @param after how long after the day's end its bill is ready; before, WeChat answers
     *     {@code STATEMENT_CREATING} (default 0; WeChat says after 10:00 the next day)
     * @return this
     */
    public SimulatedWeChatBills readyAfter(Duration after) {
        synchronized (s.lock) {
            this.readyAfter = Objects.requireNonNull(after, "after");
        }
        return this;
    }

    /**
     * @param day a business day (UTC+8)
     * @return the rows of that day's {@code ALL} bill as the simulator would serve it now, divergences included
     */
    public List<WeChatBillRow> rows(LocalDate day) {
        synchronized (s.lock) {
            if (s.revokeExpired()) {
                s.persist();
            }
            Instant from = day.atStartOfDay(WalletState.BEIJING).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(WalletState.BEIJING).toInstant();
            List<WeChatBillRow> rows = new ArrayList<>();
            for (WeChatTrade t : s.ledger.trades().values()) {
                boolean revoked = t.state() == WeChatTrade.State.REVOKED;
                boolean keptPaid = revoked && reversalsIgnored.contains(t.outTradeNo());
                Instant at = t.successTime().orElse(keptPaid ? t.created() : null);
                if (at == null || at.isBefore(from) || !at.isBefore(to)) {
                    continue;
                }
                long rate = rateOf(t);
                WeChatBillRow row = revoked && !keptPaid
                        ? WeChatBillRow.revoked(at, t.transactionId(), t.outTradeNo(), t.total(), rate)
                        : WeChatBillRow.payment(at, t.transactionId(), t.outTradeNo(), t.total(),
                                fee(t.total(), rate), rate);
                rows.add(row.with(subject(t.outTradeNo()), t.bankType().orElse("OTHERS"), t.tradeType()));
            }
            for (WeChatRefund r : s.ledger.refunds().values()) {
                if (r.created().isBefore(from) || !r.created().isBefore(to)) {
                    continue;
                }
                WeChatTrade t = s.ledger.trade(r.outTradeNo()).orElseThrow();
                long rate = rateOf(t);
                Money amount = refundAmounts.getOrDefault(r.outRefundNo(), r.amount());
                rows.add(WeChatBillRow.refund(r.created(), t.transactionId(), t.outTradeNo(), r.refundId(),
                        r.outRefundNo(), amount, refundStatus(r.status()), -fee(amount, rate), rate)
                        .with(subject(t.outTradeNo()), t.bankType().orElse("OTHERS"), t.tradeType()));
            }
            rows.sort(Comparator.comparing(WeChatBillRow::time));
            return rows;
        }
    }

    private long rateOf(WeChatTrade t) {
        Long r = rateByTrade.get(t.outTradeNo());
        if (r == null && t.bankType().isPresent()) {
            r = rateByBank.get(t.bankType().get());
        }
        return r == null ? ratePpm : r;
    }

    /** The fee in milli-fen: the amount times the rate, rounded half up to the fen. */
    private static long fee(Money amount, long ppm) {
        return (amount.fen() * ppm + 500_000) / 1_000_000 * 1000;
    }

    private static String refundStatus(WeChatRefund.Status status) {
        switch (status) {
            case SUCCESS:
                return "SUCCESS";
            case PROCESSING:
                return "PROCESSING";
            case ABNORMAL:
                return "CHANGE";
            default:
                return "FAIL";
        }
    }

    private String subject(String outTradeNo) {
        String d = s.descriptions.getOrDefault(outTradeNo, "");
        // WeChat does not quote cells: what would break the row is replaced
        return d.replace(',', '，').replace('`', '\'').replace('\n', ' ').replace('\r', ' ');
    }

    Optional<BillFault> takeFault() {
        return Optional.ofNullable(faults.poll());
    }

    Duration linkValidity() {
        return linkValidity;
    }

    Duration readyAfter() {
        return readyAfter;
    }
}
