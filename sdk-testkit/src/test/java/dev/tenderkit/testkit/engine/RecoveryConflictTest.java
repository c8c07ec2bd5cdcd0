package dev.tenderkit.testkit.engine;

import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.testkit.InMemoryWallet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines sharing a store (sdk-store-jdbc): while one recovers a trade, the other may have
 * changed it first, and the store refuses the recovering engine's save as a conflict. That trade is
 * the other engine's to settle; this recovery must not fail because of it, and a later one settles
 * it if nobody else did.
 */
class RecoveryConflictTest {

    @Test
    void aTradeAnotherEngineChangedFirstIsLeftToItAndNotAFailure(@TempDir Path dir) {
        AtomicBoolean conflicting = new AtomicBoolean();
        String[] contested = new String[1];
        try (EngineHarness h = new EngineHarness(dir)) {
            h.gateway.failAt(0, InMemoryWallet.Fault.TIMEOUT_AFTER_APPLY);
            h.engine.payAsync(BarcodePaymentRequest.of("ORD-1", Money.parse("88.00"), ALIPAY_CODE, "咖啡"));
            h.runFor(Duration.ZERO);   // the wallet charged, the answer was lost; then the power went
            contested[0] = h.engine.tradeForOrder("ORD-1").orElseThrow().outTradeNo();
            conflicting.set(true);     // the other engine got to it first
            h.restartWith(s -> new ConflictOn(s, conflicting, contested));

            CompletableFuture<RecoveryReport> report = h.engine.recover();
            h.settle();

            RecoveryReport r = report.getNow(null);
            assertEquals(Optional.empty(), r.failure(), "a conflict is another engine's trade, not a failure");
            assertEquals(List.of(), r.trades(), "the contested trade is not this recovery's outcome");
            assertTrue(!h.engine.tradeForOrder("ORD-1").orElseThrow().state().isFinal(), "nothing was overwritten");

            // Had the other engine died instead, a later recovery (its lease passed) settles the trade.
            conflicting.set(false);
            h.restart();
            CompletableFuture<RecoveryReport> later = h.engine.recover();
            h.settle();
            assertEquals(1, later.getNow(null).trades().size());
            assertInstanceOf(TradeOutcome.Paid.class, later.getNow(null).trades().get(0));
        }
    }

    /** Refuses every save of one trade as a store conflict once armed, as PostgreSQL's revision check does. */
    private static final class ConflictOn extends ForwardingStore {
        private final AtomicBoolean armed;
        private final String[] outTradeNo;

        ConflictOn(TransactionStore delegate, AtomicBoolean armed, String[] outTradeNo) {
            super(delegate);
            this.armed = armed;
            this.outTradeNo = outTradeNo;
        }

        @Override
        public void save(TradeRecord trade) {
            if (armed.get() && trade.outTradeNo().equals(outTradeNo[0])) {
                throw new TenderKitException(ErrorCode.STORE_CONFLICT, "trade " + trade.outTradeNo()
                        + " was changed by another engine first; nothing was overwritten");
            }
            delegate.save(trade);
        }
    }
}
