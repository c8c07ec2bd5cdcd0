package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the simulated wallet knows between requests: the ledger, scripted buyers, trades whose
 * buyer is still confirming, the merchant's contract switches, and where each trade came from. All
 * of it is guarded by {@link #lock}; the gateway methods run under it, one at a time.
 */
final class WalletState {
    static final String BUYER_LOGON_ID = "tes***@example.com";
    static final String BUYER_ID = "2088000000000001";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final ZoneId BEIJING = ZoneId.of("GMT+8");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** A trade whose buyer has not confirmed yet. */
    record Pending(int waitingQueries, boolean huabei, int installments) {
    }

    final Object lock = new Object();
    final AlipayLedger ledger = new AlipayLedger();
    /** Every money movement with its time, and the bills' scripted divergences. */
    final BillBook bills = new BillBook();
    final Map<String, BuyerScript> buyers = new HashMap<>();
    final Map<String, Pending> pending = new HashMap<>();
    final Map<String, Integer> qrInstallments = new HashMap<>();
    /** Precreated trades whose request disabled consumer credit: a buyer scanning them pays from the balance. */
    final Set<String> qrCreditDisabled = new HashSet<>();
    final Map<String, TradeOrigin> origins = new HashMap<>();
    /** When each trade was paid, as Alipay writes it: the pay answer's gmt_payment and the query's send_pay_date. */
    final Map<String, String> paidAt = new HashMap<>();
    /** When a precreated trade's timeout_express closes it unpaid. */
    final Map<String, Instant> expiresAt = new HashMap<>();
    boolean huabeiSigned = true;
    boolean restrictedIndustry;
    int cancelsToRefuse;

    private final Clock clock;
    private final Optional<Path> ledgerFile;
    private final Consumer<TradeEvent> events;
    private long sequence;

    WalletState(Clock clock, Optional<Path> ledgerFile, Consumer<TradeEvent> events) {
        this.clock = clock;
        this.ledgerFile = ledgerFile;
        this.events = events;
    }

    Instant instant() {
        return clock.instant();
    }

    /** @return the time now as Alipay writes it (Beijing time) */
    String now() {
        return TIME.format(clock.instant().atZone(BEIJING));
    }

    String nextTradeNo() {
        return DAY.format(clock.instant().atZone(BEIJING)) + "22" + String.format("%018d", ++sequence);
    }

    /** Records a new trade and what its request said. */
    void create(AlipayTrade t, Optional<String> notifyUrl, String subject) {
        ledger.put(t);
        origins.put(t.outTradeNo(), new TradeOrigin(notifyUrl, subject, clock.instant()));
    }

    AlipayTrade markPaid(AlipayTrade t, boolean huabei, int installments) {
        pending.remove(t.outTradeNo());
        AlipayTrade paid = new AlipayTrade(t.outTradeNo(), t.tradeNo(), t.kind(), t.totalAmount(),
                AlipayTrade.Status.TRADE_SUCCESS, t.totalAmount(), Optional.of(huabei ? "PCREDIT" : "ALIPAYACCOUNT"),
                huabei ? installments : 0, t.refunds(), Optional.empty());
        ledger.put(paid);
        bills.paid(paid, clock.instant());
        paidAt.put(t.outTradeNo(), now());
        tell(paid, TradeEvent.Kind.PAID, Optional.empty());
        return paid;
    }

    /** @return when the trade was paid, as Alipay writes it (now, for a trade the ledger file brought back) */
    String paidAt(AlipayTrade t) {
        return paidAt.getOrDefault(t.outTradeNo(), now());
    }

    /**
     * Closes an unpaid trade whose {@code timeout_express} has passed, as Alipay does on its own.
     *
     * @return the trade as it stands now
     */
    AlipayTrade expire(AlipayTrade t) {
        Instant at = expiresAt.get(t.outTradeNo());
        if (at != null && t.status() == AlipayTrade.Status.WAIT_BUYER_PAY && !clock.instant().isBefore(at)) {
            return close(t, "timeout");
        }
        return t;
    }

    /** Closes a trade (unpaid, or reversed after payment) and tells the merchant. */
    AlipayTrade close(AlipayTrade t, String by) {
        pending.remove(t.outTradeNo());
        if (t.status() == AlipayTrade.Status.TRADE_SUCCESS && t.charged().isPositive()) {
            bills.reversed(t, clock.instant());
        }
        AlipayTrade closed = new AlipayTrade(t.outTradeNo(), t.tradeNo(), t.kind(), t.totalAmount(),
                AlipayTrade.Status.TRADE_CLOSED, Money.ZERO, t.fundChannel(), t.installments(), t.refunds(),
                Optional.of(by));
        ledger.put(closed);
        tell(closed, TradeEvent.Kind.CLOSED, Optional.empty());
        return closed;
    }

    /** Records a refund already applied to {@code t} and tells the merchant. */
    void refunded(AlipayTrade t, String outRequestNo) {
        ledger.put(t);
        bills.refunded(t, outRequestNo, t.refunds().get(outRequestNo), clock.instant());
        tell(t, TradeEvent.Kind.REFUNDED, Optional.of(outRequestNo));
    }

    private void tell(AlipayTrade t, TradeEvent.Kind kind, Optional<String> outBizNo) {
        TradeOrigin origin = origins.get(t.outTradeNo());
        if (origin != null) {
            events.accept(new TradeEvent(t, kind, outBizNo, clock.instant(), origin));
        }
    }

    /** @return the trade named by {@code out_trade_no}, else by {@code trade_no} */
    Optional<AlipayTrade> find(Map<String, Object> biz) {
        String outTradeNo = BizFields.str(biz, "out_trade_no");
        if (!outTradeNo.isEmpty()) {
            return ledger.trade(outTradeNo);
        }
        String tradeNo = BizFields.str(biz, "trade_no");
        return ledger.trades().values().stream().filter(t -> t.tradeNo().equals(tradeNo) && !tradeNo.isEmpty()).findFirst();
    }

    /**
     * A trade Alipay would report: as {@link #find}, without the numbers a cancel recorded
     * closed before any trade existed (kind {@code NONE}), which query and refund call not found.
     */
    Optional<AlipayTrade> findTrade(Map<String, Object> biz) {
        return find(biz).filter(t -> !t.kind().equals("NONE"));
    }

    void persist() {
        ledgerFile.ifPresent(ledger::saveTo);
    }

    /**
     * The buyer of a waiting barcode trade confirms in the app, whatever her script said (see
     * {@link SimulatedAlipay#buyerConfirms}).
     *
     * @return whether a waiting barcode trade was paid
     */
    boolean buyerConfirms(String outTradeNo) {
        synchronized (lock) {
            Optional<AlipayTrade> t = ledger.trade(outTradeNo);
            if (t.isEmpty() || t.get().status() != AlipayTrade.Status.WAIT_BUYER_PAY) {
                return false;
            }
            Pending p = pending.remove(outTradeNo);
            if (p == null) {
                return false;
            }
            markPaid(t.get(), p.huabei(), p.installments());
            persist();
            return true;
        }
    }

    /**
     * The buyer scans a waiting precreated trade's QR code and pays (see {@link SimulatedAlipay#buyerScansQr}).
     *
     * @return whether a waiting trade was paid
     */
    boolean buyerScansQr(String outTradeNo, boolean huabei) {
        synchronized (lock) {
            Optional<AlipayTrade> t = ledger.trade(outTradeNo).map(this::expire);
            if (t.isEmpty() || t.get().status() != AlipayTrade.Status.WAIT_BUYER_PAY) {
                return false;   // unknown, paid, closed, or past its timeout_express
            }
            int inst = qrInstallments.getOrDefault(outTradeNo, 0);
            boolean credit = huabei && !qrCreditDisabled.contains(outTradeNo);
            markPaid(t.get(), credit || inst > 0, inst);
            persist();
            return true;
        }
    }
}
