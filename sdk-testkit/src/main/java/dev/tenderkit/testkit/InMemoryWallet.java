package dev.tenderkit.testkit;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.CloseResult;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.RefundQueryResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.RefundResult;
import dev.tenderkit.core.payment.spi.ReverseResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A wallet in memory with a real ledger, behaving like Alipay's face-to-face API, for tests and
 * examples that must run offline. Buyers are scripted per payment code: they pay at once, after
 * some queries, never, or lack the funds. A cancel of an unknown trade closes its number, so a late
 * pay request is refused; refunds are idempotent by their number and never exceed what is charged.
 * Faults can be injected at any call: the request may or may not be applied at the wallet, and the
 * answer is lost (outcome unknown) or the adapter throws.
 *
 * <p>Thread-safe: every call and every script change is serialised.
 */
public final class InMemoryWallet implements PaymentGateway {

    /** A fault injected at one call. */
    public enum Fault {
        /** The wallet applies the request and the answer is lost (read timeout). */
        TIMEOUT_AFTER_APPLY(true),
        /** The connection resets before the wallet sees the request. */
        RESET_BEFORE_APPLY(false),
        /** The wallet answers 502 without applying the request. */
        ERROR_RESPONSE(false),
        /** The wallet applies the request but its answer's signature does not verify. */
        UNVERIFIABLE_RESPONSE(true),
        /** The adapter throws after the wallet applied the request. */
        THROWS(true);

        private final boolean applied;

        Fault(boolean applied) {
            this.applied = applied;
        }

        /** @return whether the wallet applied the request before the fault */
        public boolean applied() {
            return applied;
        }
    }

    /** Where a trade stands in the wallet's ledger. */
    public enum Status {
        /** Waiting for the buyer. */
        WAITING,
        /** Paid (possibly partly refunded). */
        PAID,
        /** Closed: never paid, cancelled, or reversed with the money returned. */
        CLOSED,
        /** Refused (e.g. insufficient funds). */
        FAILED
    }

    /**
     * One trade in the ledger, as a snapshot.
     *
     * @param outTradeNo the merchant's trade number
     * @param amount the trade's amount
     * @param status where it stands
     * @param charged what the buyer is charged now (after refunds and reversals)
     * @param refunds refund number → amount
     */
    public record LedgerEntry(String outTradeNo, Money amount, Status status, Money charged, Map<String, Money> refunds) {
        /** Copies. */
        public LedgerEntry {
            refunds = Map.copyOf(refunds);
        }
    }

    private static final class Entry {
        final String outTradeNo;
        final Money amount;
        Status status;
        int queriesUntilPaid;
        Money charged = Money.ZERO;
        final Map<String, Money> refunds = new LinkedHashMap<>();

        Entry(String outTradeNo, Money amount, Status status) {
            this.outTradeNo = outTradeNo;
            this.amount = amount;
            this.status = status;
        }

        LedgerEntry snapshot() {
            return new LedgerEntry(outTradeNo, amount, status, charged, refunds);
        }
    }

    private static final int NEVER = Integer.MAX_VALUE;
    private static final int LACKS_FUNDS = -1;

    private final String id;
    private final Clock clock;
    private final Map<String, Entry> ledger = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Integer> buyers = new HashMap<>();
    private final Map<Integer, Fault> faults = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private Predicate<String> journaled = no -> true;
    private GatewayTiming timing = GatewayTiming.DEFAULT;
    private FundingSource funding = new FundingSource("ALIPAYACCOUNT", false, 0);
    private int reversalsToRefuse;
    private boolean buyerPaysAsReversalIsRefused;

    /**
     * @param id the gateway id for logs and the journal
     * @param clock the wallet's clock (payment times)
     */
    public InMemoryWallet(String id, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The buyer showing this code confirms after {@code queries} status queries. */
    public synchronized InMemoryWallet paysAfterQueries(String paymentCode, int queries) {
        buyers.put(paymentCode, Math.max(1, queries));
        return this;
    }

    /** The buyer showing this code never confirms. */
    public synchronized InMemoryWallet neverPays(String paymentCode) {
        buyers.put(paymentCode, NEVER);
        return this;
    }

    /** The buyer showing this code lacks the funds: the wallet refuses at once. */
    public synchronized InMemoryWallet lacksFunds(String paymentCode) {
        buyers.put(paymentCode, LACKS_FUNDS);
        return this;
    }

    /** Every buyer pays with this funding source (e.g. Huabei: {@code new FundingSource("PCREDIT", true, 0)}). */
    public synchronized InMemoryWallet funding(FundingSource source) {
        this.funding = Objects.requireNonNull(source, "source");
        return this;
    }

    /** Injects a fault at the call with this index (0 is the first call the wallet receives). */
    public synchronized InMemoryWallet failAt(int callIndex, Fault fault) {
        faults.put(callIndex, Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** The next {@code times} reversals are answered "retry later". */
    public synchronized InMemoryWallet refuseReversals(int times) {
        this.reversalsToRefuse = times;
        return this;
    }

    /** A buyer still waiting confirms in the instant before the reversal, which the wallet then refuses. */
    public synchronized InMemoryWallet buyerPaysAsTheReversalIsRefused() {
        this.buyerPaysAsReversalIsRefused = true;
        return this;
    }

    /** Every pay and precreate checks the predicate and records a violation if the intent is not durable yet. */
    public synchronized InMemoryWallet requireJournaled(Predicate<String> isJournaled) {
        this.journaled = Objects.requireNonNull(isJournaled, "isJournaled");
        return this;
    }

    /** @param t the polling and reversal timing the engine should use for this wallet */
    public synchronized InMemoryWallet timing(GatewayTiming t) {
        this.timing = Objects.requireNonNull(t, "t");
        return this;
    }

    /** The buyer scans and pays a QR trade that waits. */
    public synchronized void buyerPaysQr(String outTradeNo) {
        Entry e = ledger.get(outTradeNo);
        if (e != null && e.status == Status.WAITING) {
            e.status = Status.PAID;
            e.charged = e.amount;
        }
    }

    /** @return the ledger, by trade number, in creation order */
    public synchronized Map<String, LedgerEntry> ledger() {
        Map<String, LedgerEntry> out = new LinkedHashMap<>();
        ledger.forEach((k, v) -> out.put(k, v.snapshot()));
        return out;
    }

    /** @return the operations received, in order ({@code pay}, {@code query}, {@code reverse}, ...) */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** @return requests that reached the wallet before their intent was journaled */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized GatewayTiming timing() {
        return timing;
    }

    private <T> T run(String call, Supplier<T> apply, Function<String, T> unknown) {
        int index = calls.size();
        calls.add(call);
        Fault f = faults.get(index);
        if (f == null) {
            return apply.get();
        }
        if (f.applied) {
            apply.get();
        }
        if (f == Fault.THROWS) {
            throw new IllegalStateException("injected: adapter failure after the request was applied");
        }
        return unknown.apply("injected " + f);
    }

    private Payment payment(Entry e) {
        return new Payment("GW" + e.outTradeNo, e.amount, funding, clock.instant());
    }

    private static GatewayError rejected(String subCode, String message) {
        return new GatewayError(Cause.GATEWAY_REJECTED, new GatewayCode("40004", Optional.of(subCode), message));
    }

    @Override
    public synchronized PayResult pay(PayRequest r) {
        if (!journaled.test(r.trade().outTradeNo())) {
            violations.add("pay " + r.trade().outTradeNo() + " reached the wallet before its intent was journaled");
        }
        return run("pay", () -> {
            Entry e = ledger.get(r.trade().outTradeNo());
            if (e != null) {
                return switch (e.status) {
                    case PAID -> new PayResult.Paid(payment(e), GatewayCode.of("10000"));
                    case WAITING -> new PayResult.AwaitingBuyer(GatewayCode.of("10003"));
                    default -> new PayResult.Declined(rejected("ACQ.TRADE_HAS_CLOSE", "交易已关闭"));
                };
            }
            int script = buyers.getOrDefault(r.paymentCode().value(), 0);
            if (script == LACKS_FUNDS) {
                ledger.put(r.trade().outTradeNo(), new Entry(r.trade().outTradeNo(), r.amount(), Status.FAILED));
                return new PayResult.Declined(new GatewayError(Cause.BUYER_INSUFFICIENT_FUNDS,
                        new GatewayCode("40004", Optional.of("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "买家余额不足")));
            }
            if (script == 0) {
                e = new Entry(r.trade().outTradeNo(), r.amount(), Status.PAID);
                e.charged = r.amount();
                ledger.put(e.outTradeNo, e);
                return new PayResult.Paid(payment(e), GatewayCode.of("10000"));
            }
            e = new Entry(r.trade().outTradeNo(), r.amount(), Status.WAITING);
            e.queriesUntilPaid = script;
            ledger.put(e.outTradeNo, e);
            return new PayResult.AwaitingBuyer(GatewayCode.of("10003"));
        }, PayResult.Unknown::new);
    }

    @Override
    public synchronized PrecreateResult precreate(PrecreateRequest r) {
        if (!journaled.test(r.trade().outTradeNo())) {
            violations.add("precreate " + r.trade().outTradeNo() + " reached the wallet before its intent was journaled");
        }
        return run("precreate", () -> {
            Entry e = ledger.computeIfAbsent(r.trade().outTradeNo(), k -> new Entry(k, r.amount(), Status.WAITING));
            e.queriesUntilPaid = NEVER;
            return new PrecreateResult.Created("https://qr.example/" + e.outTradeNo, GatewayCode.of("10000"));
        }, PrecreateResult.Unknown::new);
    }

    @Override
    public synchronized QueryResult query(TradeRef t) {
        return run("query", () -> {
            Entry e = ledger.get(t.outTradeNo());
            if (e == null) {
                return new QueryResult.NotFound(GatewayCode.of("ACQ.TRADE_NOT_EXIST"));
            }
            if (e.status == Status.WAITING && e.queriesUntilPaid != NEVER && --e.queriesUntilPaid <= 0) {
                e.status = Status.PAID;
                e.charged = e.amount;
            }
            return switch (e.status) {
                case PAID -> new QueryResult.Paid(payment(e), GatewayCode.of("TRADE_SUCCESS"));
                case WAITING -> new QueryResult.AwaitingBuyer(GatewayCode.of("WAIT_BUYER_PAY"));
                default -> new QueryResult.Closed(GatewayCode.of("TRADE_CLOSED"));
            };
        }, QueryResult.Unknown::new);
    }

    @Override
    public synchronized ReverseResult reverse(TradeRef t) {
        return run("reverse", () -> {
            if (reversalsToRefuse > 0) {
                reversalsToRefuse--;
                return new ReverseResult.RetryLater(GatewayCode.of("ACQ.SYSTEM_ERROR"));
            }
            Entry e = ledger.computeIfAbsent(t.outTradeNo(), k -> new Entry(k, Money.ZERO, Status.CLOSED));
            if (buyerPaysAsReversalIsRefused && e.status == Status.WAITING) {
                e.status = Status.PAID;
                e.charged = e.amount;
                return new ReverseResult.Declined(rejected("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"));
            }
            boolean refunded = e.status == Status.PAID;
            e.status = Status.CLOSED;
            e.charged = Money.ZERO;
            return new ReverseResult.Reversed(refunded, GatewayCode.of(refunded ? "refund" : "close"));
        }, ReverseResult.Unknown::new);
    }

    @Override
    public synchronized CloseResult close(TradeRef t) {
        return run("close", () -> {
            Entry e = ledger.computeIfAbsent(t.outTradeNo(), k -> new Entry(k, Money.ZERO, Status.CLOSED));
            if (e.status == Status.PAID) {
                return new CloseResult.Declined(rejected("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"));
            }
            e.status = Status.CLOSED;
            return new CloseResult.Closed(GatewayCode.of("10000"));
        }, CloseResult.Unknown::new);
    }

    @Override
    public synchronized RefundResult refund(RefundRequest r) {
        return run("refund", () -> {
            Entry e = ledger.get(r.trade().outTradeNo());
            if (e == null || e.status != Status.PAID) {
                return new RefundResult.Declined(rejected("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"));
            }
            Money done = e.refunds.get(r.refundRequestNo());
            if (done != null) {
                return new RefundResult.Refunded(done, GatewayCode.of("fund_change=N"));
            }
            if (r.amount().isGreaterThan(e.charged)) {
                return new RefundResult.Declined(rejected("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限"));
            }
            e.refunds.put(r.refundRequestNo(), r.amount());
            e.charged = e.charged.minus(r.amount());
            return new RefundResult.Refunded(r.amount(), GatewayCode.of("fund_change=Y"));
        }, RefundResult.Unknown::new);
    }

    @Override
    public synchronized RefundQueryResult queryRefund(TradeRef t, String refundRequestNo) {
        return run("queryRefund", () -> {
            Entry e = ledger.get(t.outTradeNo());
            Money done = e == null ? null : e.refunds.get(refundRequestNo);
            return done == null ? new RefundQueryResult.NotFound(GatewayCode.of("REFUND_NOT_EXIST"))
                    : new RefundQueryResult.Refunded(done, GatewayCode.of("REFUND_SUCCESS"));
        }, RefundQueryResult.Unknown::new);
    }
}
