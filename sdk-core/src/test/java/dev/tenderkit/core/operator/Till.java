package dev.tenderkit.core.operator;

import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.time.ManualTaskScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A till for the desk's tests: a payment engine on a real journal file and the {@link CounterWallet},
 * an audit trail on a real file, virtual time, and an authoriser that answers as the test says and
 * remembers what it was asked.
 */
final class Till implements AutoCloseable {
    static final Instant START = Instant.parse("2026-12-03T01:00:00Z");
    static final Operator LI = Operator.cashier("c1", "Li Na");
    static final Operator ZHAO = Operator.cashier("c2", "Zhao Lei");
    static final Operator WANG = Operator.supervisor("s1", "Wang Fang");
    static final Operator CHEN = Operator.supervisor("s2", "Chen Jie");

    final ManualTaskScheduler scheduler = new ManualTaskScheduler(START);
    final CounterWallet wallet = new CounterWallet(scheduler.clock());
    final JournalTransactionStore store;
    final PaymentEngine engine;
    final AuditTrail trail;
    final OperatorDesk desk;
    final List<ApprovalRequest> asked = Collections.synchronizedList(new ArrayList<>());
    volatile Function<ApprovalRequest, CompletionStage<Authorisation>> answer =
            r -> CompletableFuture.completedFuture(new Authorisation.Approved(WANG, "PIN"));

    Till(Path dir, SupervisionPolicy policy) {
        store = JournalTransactionStore.open(dir.resolve("trades.journal"), scheduler.clock());
        engine = PaymentEngine.builder().terminalId("T1").directAccount(Wallet.ALIPAY, "M1", wallet)
                .store(store).scheduler(scheduler).gatewayExecutor(Runnable::run).build();
        trail = AuditTrail.open(dir.resolve("operators.trail"), AuditTrail.Options.durable(scheduler.clock()));
        desk = OperatorDesk.builder().engine(engine).trail(trail).policy(policy).authoriser(r -> {
            asked.add(r);
            return answer.apply(r);
        }).build();
    }

    static BarcodePaymentRequest sale(String orderId, String yuan) {
        return BarcodePaymentRequest.of(orderId, Money.parse(yuan), CounterWallet.PAYS, "groceries");
    }

    static OrderRefund refund(String orderId, String no, String yuan) {
        return new OrderRefund(orderId, no, Money.parse(yuan), "returned");
    }

    /** A paid order, taken by {@code who}. */
    String paid(Operator who, String orderId, String yuan) {
        DeskOutcome<?> o = await(desk.pay(who, sale(orderId, yuan)));
        return ((DeskOutcome.Done<?>) o).outcome().orElseThrow().outTradeNo().orElseThrow();
    }

    /** Lets virtual time pass in steps until {@code f} completes (bounded: a stuck trade fails the test). */
    <T> T settle(CompletableFuture<T> f) {
        for (int i = 0; i < 20_000 && !f.isDone(); i++) {
            scheduler.advance(Duration.ofSeconds(1));
        }
        return await(f);
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);   // a failure timeout only: everything runs inline
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<EntryType> types() {
        return trail.entries().stream().map(TrailEntry::type).toList();
    }

    @Override
    public void close() {
        trail.close();
        store.close();
    }
}
