package dev.tenderkit.testkit.engine;

import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.NEVER_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.POOR_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.WAITING_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.testkit.InMemoryWallet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The payment invariants under fault injection, on any store: a failure injected at every gateway
 * call of every flow, and a crash as every store save begins and after it completes. After a restart
 * and {@code recover()}, every trade must be final and match the wallet's ledger: zero lost trades,
 * zero double charges, every unpaid trade reversed. A store's test class extends this and says how
 * to make a fresh, empty store ({@link #freshStore()}); the journal's ({@link FaultInjectionTest})
 * adds a torn write at every byte, sdk-store-jdbc's runs it on PostgreSQL.
 */
public abstract class EngineFaultSuite {

    /** @return the durable data of a new, empty store for one scenario */
    protected abstract EngineStoreFixture freshStore();

    /** @return what the suite's report lines call this store */
    protected abstract String storeName();

    /** A payment flow, started on a harness; the flows settle by themselves as virtual time passes. */
    record Flow(String name, Consumer<EngineHarness> start) {
    }

    static List<Flow> flows() {
        return List.of(
                new Flow("paid at once", h -> pay(h, "ORD-A", ALIPAY_CODE)),
                new Flow("user paying, then paid", h -> pay(h, "ORD-B", WAITING_CODE)),
                new Flow("never paid, reversed", h -> pay(h, "ORD-C", NEVER_CODE)),
                new Flow("insufficient funds", h -> pay(h, "ORD-D", POOR_CODE)),
                new Flow("paid, then partly refunded", h -> {
                    pay(h, "ORD-E", ALIPAY_CODE);
                    h.settle();
                    h.engine.tradeForOrder("ORD-E").filter(t -> t.state() == TradeState.PAID).ifPresent(t ->
                            h.refund(t.outTradeNo(), "R1", Money.parse("50.00"), "partial return"));
                }),
                new Flow("QR never paid, closed", h -> h.engine.startQr(new QrPaymentRequest("ORD-F",
                        Money.parse("66.00"), "x", PaymentMethods.ALIPAY, Duration.ofMinutes(1), Optional.empty()))));
    }

    private static void pay(EngineHarness h, String order, String code) {
        h.engine.payAsync(BarcodePaymentRequest.of(order, Money.parse("88.00"), code, "goods"));
    }

    static void runToTheEnd(EngineHarness h, Flow flow) {
        try {
            flow.start().accept(h);
            h.settle();
        } catch (CrashingStore.Crash expected) {
            // the process died here
        }
    }

    /** Restarts, recovers, and checks the store against the wallet's ledger. */
    static void recoverAndCheck(EngineHarness h, String scenario) {
        h.engine.recover();
        h.settle();
        assertEquals(List.of(), h.gateway.violations(), scenario);
        List<TradeRecord> trades = h.engine.trades(java.time.LocalDate.of(2026, 11, 25));
        for (TradeRecord t : trades) {
            if (!t.state().isFinal()) {
                fail(scenario + ": trade " + t.outTradeNo() + " left " + t.state() + " after recovery");
            }
            InMemoryWallet.LedgerEntry e = h.gateway.ledger().get(t.outTradeNo());
            Money charged = e == null ? Money.ZERO : e.charged();
            switch (t.state()) {
                case PAID -> {
                    assertTrue(e != null && e.status() == InMemoryWallet.Status.PAID,
                            scenario + ": store says PAID, wallet says " + (e == null ? "nothing" : e.status()));
                    assertEquals(t.amount().minus(t.refunded()), charged, scenario + ": charged vs refunded");
                    Money refundedAtWallet = e.refunds().values().stream().reduce(Money.ZERO, Money::plus);
                    assertEquals(refundedAtWallet, t.refunded(), scenario + ": refunds");
                }
                case REVERSED, FAILED -> assertEquals(Money.ZERO, charged,
                        scenario + ": store says " + t.state() + " but the buyer is charged " + charged);
                default -> fail(scenario + ": unexpected state " + t.state());
            }
        }
        for (Map.Entry<String, InMemoryWallet.LedgerEntry> e : h.gateway.ledger().entrySet()) {
            boolean known = trades.stream().anyMatch(t -> t.outTradeNo().equals(e.getKey()));
            assertTrue(known, scenario + ": the wallet has trade " + e.getKey() + " that the store lost");
        }
        for (RefundRecord r : h.opened.unfinishedRefunds()) {
            fail(scenario + ": refund " + r.refundRequestNo() + " left " + r.state());
        }
        long orders = trades.stream().map(TradeRecord::orderId).distinct().count();
        assertEquals(orders, trades.size(), scenario + ": an order id with two trades");
    }

    /** @return how many saves the flow makes when nothing fails */
    int savesOf(Flow flow) {
        try (EngineHarness clean = new EngineHarness(freshStore(), s -> s)) {
            runToTheEnd(clean, flow);
            return clean.changes.size() + clean.opened.refunds("x").size();
        }
    }

    @Test
    public void aFailureAtEveryGatewayCallOfEveryFlowIsSettledWithoutLossOrDoubleCharge() {
        int ran = 0;
        for (Flow flow : flows()) {
            int calls;
            try (EngineHarness clean = new EngineHarness(freshStore(), s -> s)) {
                runToTheEnd(clean, flow);
                recoverAndCheck(clean, flow.name() + " (no fault)");
                calls = clean.gateway.calls().size();
                ran++;
            }
            assertTrue(calls > 0, flow.name());
            for (int call = 0; call < calls; call++) {
                for (InMemoryWallet.Fault fault : InMemoryWallet.Fault.values()) {
                    String scenario = flow.name() + ", " + fault + " at call " + call;
                    try (EngineHarness h = new EngineHarness(freshStore(), s -> s)) {
                        h.gateway.failAt(call, fault);
                        runToTheEnd(h, flow);
                        h.restart();
                        recoverAndCheck(h, scenario);
                        ran++;
                    }
                }
            }
        }
        System.out.println("[fault injection, " + storeName() + "] gateway-fault scenarios run: " + ran);
        assertTrue(ran > 100, "too few scenarios: " + ran);
    }

    @Test
    public void aCrashAsEverySaveBeginsAndAfterItCompletesIsRecovered() {
        int ran = 0;
        for (Flow flow : flows()) {
            int saves = savesOf(flow);
            for (boolean beforeWrite : new boolean[] {true, false}) {
                for (int k = 1; k <= saves + 1; k++) {
                    int crashAt = k;
                    String scenario = flow.name() + ", crash " + (beforeWrite ? "as save " : "after save ") + crashAt
                            + " begins";
                    try (EngineHarness h = new EngineHarness(freshStore(),
                            s -> new CrashingStore(s, null, crashAt, beforeWrite))) {
                        runToTheEnd(h, flow);
                        if (!((CrashingStore) h.storeSeenByEngine).crashed) {
                            continue;   // the flow makes fewer saves
                        }
                        h.restart();
                        recoverAndCheck(h, scenario);
                        ran++;
                    }
                }
            }
        }
        System.out.println("[fault injection, " + storeName() + "] crash-at-save scenarios run: " + ran);
        assertTrue(ran > 30, "too few scenarios: " + ran);
    }
}
