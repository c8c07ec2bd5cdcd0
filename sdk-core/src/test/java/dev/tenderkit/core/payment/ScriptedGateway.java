package dev.tenderkit.core.payment;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An in-memory wallet with a real ledger, behaving like Alipay's face-to-face API: buyers who pay
 * at once, after some queries, never, or lack funds; cancel of an unknown trade closes it so a late
 * pay is refused; refunds idempotent by number. Faults can be injected at any call: the operation
 * may or may not be applied, and the answer is lost (unknown) or the call throws.
 */
final class ScriptedGateway implements PaymentGateway {

    /** How the buyer behind a payment code behaves. */
    enum Buyer { PAYS_NOW, PAYS_AFTER_TWO_QUERIES, NEVER_PAYS, INSUFFICIENT_FUNDS }

    /** A fault injected at one call. */
    enum Fault {
        /** The gateway applies the request, the answer is lost (read timeout). */
        TIMEOUT_AFTER_APPLY(true),
        /** The connection resets before the gateway sees the request. */
        RESET_BEFORE_APPLY(false),
        /** The gateway answers 502 without applying. */
        ERROR_RESPONSE(false),
        /** The gateway applies it but the answer's signature does not verify. */
        UNVERIFIABLE_RESPONSE(true),
        /** The adapter throws after the gateway applied it. */
        THROWS(true);

        final boolean applied;

        Fault(boolean applied) {
            this.applied = applied;
        }
    }

    enum Status { WAITING, PAID, CLOSED, FAILED }

    static final class Entry {
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
    }

    final Map<String, Entry> ledger = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    private final Map<String, Buyer> buyers = new HashMap<>();
    private final Map<Integer, Fault> faults = new HashMap<>();
    private final Clock clock;
    private Predicate<String> journaled = no -> true;
    private GatewayTiming timing = GatewayTiming.DEFAULT;
    int reversalsToRefuseWithRetry;
    /** The buyer confirms in the instant between the last query and the reversal, which the wallet then refuses. */
    boolean buyerPaysJustBeforeReversalAndItIsRefused;
    final List<String> violations = new ArrayList<>();

    ScriptedGateway(Clock clock) {
        this.clock = clock;
    }

    ScriptedGateway buyer(String code, Buyer behaviour) {
        buyers.put(code, behaviour);
        return this;
    }

    ScriptedGateway fault(int callIndex, Fault fault) {
        faults.put(callIndex, fault);
        return this;
    }

    /** Every pay or precreate checks that the intent is already durable. */
    ScriptedGateway requireJournaled(Predicate<String> isJournaled) {
        this.journaled = isJournaled;
        return this;
    }

    ScriptedGateway timing(GatewayTiming t) {
        this.timing = t;
        return this;
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public GatewayTiming timing() {
        return timing;
    }

    private <T> T run(String call, java.util.function.Supplier<T> apply, java.util.function.Function<String, T> unknown) {
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
            throw new IllegalStateException("injected: adapter bug after the request was applied");
        }
        return unknown.apply("injected " + f);
    }

    /** What buyers pay with, as the wallet reports it. */
    FundingSource funding = new FundingSource("ALIPAYACCOUNT", false, 0);

    private Payment payment(Entry e) {
        return new Payment("GW" + e.outTradeNo, e.amount, funding, clock.instant());
    }

    @Override
    public PayResult pay(PayRequest r) {
        if (!journaled.test(r.trade().outTradeNo())) {
            violations.add("pay " + r.trade().outTradeNo() + " reached the gateway before its intent was journaled");
        }
        return run("pay", () -> {
            Entry e = ledger.get(r.trade().outTradeNo());
            if (e != null) {
                return switchExisting(e);
            }
            Buyer b = buyers.getOrDefault(r.paymentCode().value(), Buyer.PAYS_NOW);
            switch (b) {
                case PAYS_NOW -> {
                    e = new Entry(r.trade().outTradeNo(), r.amount(), Status.PAID);
                    e.charged = r.amount();
                    ledger.put(e.outTradeNo, e);
                    return new PayResult.Paid(payment(e), GatewayCode.of("10000"));
                }
                case PAYS_AFTER_TWO_QUERIES, NEVER_PAYS -> {
                    e = new Entry(r.trade().outTradeNo(), r.amount(), Status.WAITING);
                    e.queriesUntilPaid = b == Buyer.NEVER_PAYS ? Integer.MAX_VALUE : 2;
                    ledger.put(e.outTradeNo, e);
                    return new PayResult.AwaitingBuyer(GatewayCode.of("10003"));
                }
                default -> {
                    e = new Entry(r.trade().outTradeNo(), r.amount(), Status.FAILED);
                    ledger.put(e.outTradeNo, e);
                    return new PayResult.Declined(new GatewayError(Cause.BUYER_INSUFFICIENT_FUNDS,
                            new GatewayCode("40004", Optional.of("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "余额不足")));
                }
            }
        }, PayResult.Unknown::new);
    }

    private PayResult switchExisting(Entry e) {
        return switch (e.status) {
            case PAID -> new PayResult.Paid(payment(e), GatewayCode.of("10000"));
            case WAITING -> new PayResult.AwaitingBuyer(GatewayCode.of("10003"));
            default -> new PayResult.Declined(new GatewayError(Cause.GATEWAY_REJECTED,
                    new GatewayCode("40004", Optional.of("ACQ.TRADE_HAS_CLOSE"), "交易已关闭")));
        };
    }

    @Override
    public PrecreateResult precreate(PrecreateRequest r) {
        if (!journaled.test(r.trade().outTradeNo())) {
            violations.add("precreate " + r.trade().outTradeNo() + " before its intent was journaled");
        }
        return run("precreate", () -> {
            Entry e = ledger.computeIfAbsent(r.trade().outTradeNo(), k -> new Entry(k, r.amount(), Status.WAITING));
            e.queriesUntilPaid = Integer.MAX_VALUE;
            return new PrecreateResult.Created("https://qr.example/" + e.outTradeNo, GatewayCode.of("10000"));
        }, PrecreateResult.Unknown::new);
    }

    /** The buyer scans and pays a QR trade. */
    void buyerPaysQr(String outTradeNo) {
        Entry e = ledger.get(outTradeNo);
        if (e != null && e.status == Status.WAITING) {
            e.status = Status.PAID;
            e.charged = e.amount;
        }
    }

    @Override
    public QueryResult query(TradeRef t) {
        return run("query", () -> {
            Entry e = ledger.get(t.outTradeNo());
            if (e == null) {
                return new QueryResult.NotFound(GatewayCode.of("ACQ.TRADE_NOT_EXIST"));
            }
            if (e.status == Status.WAITING && e.queriesUntilPaid != Integer.MAX_VALUE && --e.queriesUntilPaid <= 0) {
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
    public ReverseResult reverse(TradeRef t) {
        return run("reverse", () -> {
            if (reversalsToRefuseWithRetry > 0) {
                reversalsToRefuseWithRetry--;
                return new ReverseResult.RetryLater(GatewayCode.of("ACQ.SYSTEM_ERROR"));
            }
            Entry e = ledger.computeIfAbsent(t.outTradeNo(), k -> new Entry(k, Money.ZERO, Status.CLOSED));
            if (buyerPaysJustBeforeReversalAndItIsRefused && e.status == Status.WAITING) {
                e.status = Status.PAID;
                e.charged = e.amount;
                return new ReverseResult.Declined(new GatewayError(Cause.GATEWAY_REJECTED,
                        new GatewayCode("40004", Optional.of("ACQ.TRADE_STATUS_ERROR"), "交易状态不合法")));
            }
            boolean refunded = e.status == Status.PAID;
            e.status = Status.CLOSED;
            e.charged = Money.ZERO;
            return new ReverseResult.Reversed(refunded, GatewayCode.of(refunded ? "refund" : "close"));
        }, ReverseResult.Unknown::new);
    }

    @Override
    public CloseResult close(TradeRef t) {
        return run("close", () -> {
            Entry e = ledger.computeIfAbsent(t.outTradeNo(), k -> new Entry(k, Money.ZERO, Status.CLOSED));
            if (e.status == Status.PAID) {
                return new CloseResult.Declined(new GatewayError(Cause.GATEWAY_REJECTED,
                        new GatewayCode("40004", Optional.of("ACQ.TRADE_STATUS_ERROR"), "交易状态不合法")));
            }
            e.status = Status.CLOSED;
            return new CloseResult.Closed(GatewayCode.of("10000"));
        }, CloseResult.Unknown::new);
    }

    @Override
    public RefundResult refund(RefundRequest r) {
        return run("refund", () -> {
            Entry e = ledger.get(r.trade().outTradeNo());
            if (e == null || e.status != Status.PAID) {
                return new RefundResult.Declined(new GatewayError(Cause.GATEWAY_REJECTED,
                        GatewayCode.of("ACQ.TRADE_STATUS_ERROR")));
            }
            Money done = e.refunds.get(r.refundRequestNo());
            if (done != null) {
                return new RefundResult.Refunded(done, GatewayCode.of("fund_change=N"));
            }
            if (r.amount().isGreaterThan(e.charged)) {
                return new RefundResult.Declined(new GatewayError(Cause.GATEWAY_REJECTED,
                        GatewayCode.of("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL")));
            }
            e.refunds.put(r.refundRequestNo(), r.amount());
            e.charged = e.charged.minus(r.amount());
            return new RefundResult.Refunded(r.amount(), GatewayCode.of("fund_change=Y"));
        }, RefundResult.Unknown::new);
    }

    @Override
    public RefundQueryResult queryRefund(TradeRef t, String refundRequestNo) {
        return run("queryRefund", () -> {
            Entry e = ledger.get(t.outTradeNo());
            Money done = e == null ? null : e.refunds.get(refundRequestNo);
            return done == null ? new RefundQueryResult.NotFound(GatewayCode.of("REFUND_NOT_EXIST"))
                    : new RefundQueryResult.Refunded(done, GatewayCode.of("REFUND_SUCCESS"));
        }, RefundQueryResult.Unknown::new);
    }
}
