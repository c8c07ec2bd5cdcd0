package dev.tenderkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.RefundResult;
import dev.tenderkit.core.payment.spi.ReverseResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulated wallet's own rules, which the engine tests rely on. */
class InMemoryWalletTest {
    private final InMemoryWallet wallet = new InMemoryWallet("sim",
            Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC));
    private final TradeRef trade = new TradeRef("T1", "lakala");

    private PayRequest pay(String code) {
        return new PayRequest(trade, Money.parse("88.00"), PaymentCodeClassifier.standard().classify(code), "x",
                PaymentMethods.ALIPAY, Optional.empty(), true);
    }

    @Test
    void aCancelBeforeThePayArrivesClosesTheNumberSoTheLatePayIsRefused() {
        assertInstanceOf(ReverseResult.Reversed.class, wallet.reverse(trade));
        assertInstanceOf(PayResult.Declined.class, wallet.pay(pay("281234567890123456")));
        assertEquals(Money.ZERO, wallet.ledger().get("T1").charged());
    }

    @Test
    void aBuyerConfirmsAfterTheScriptedNumberOfQueries() {
        wallet.paysAfterQueries("281111111111111111", 2);
        assertInstanceOf(PayResult.AwaitingBuyer.class, wallet.pay(pay("281111111111111111")));
        assertInstanceOf(QueryResult.AwaitingBuyer.class, wallet.query(trade));
        assertInstanceOf(QueryResult.Paid.class, wallet.query(trade));
    }

    @Test
    void refundsAreIdempotentByNumberAndNeverExceedWhatIsCharged() {
        wallet.pay(pay("281234567890123456"));
        assertInstanceOf(RefundResult.Refunded.class, wallet.refund(new RefundRequest(trade, "R1", Money.parse("80.00"),
                Money.parse("88.00"), "r")));
        assertInstanceOf(RefundResult.Refunded.class, wallet.refund(new RefundRequest(trade, "R1", Money.parse("80.00"),
                Money.parse("88.00"), "r")));
        assertInstanceOf(RefundResult.Declined.class, wallet.refund(new RefundRequest(trade, "R2", Money.parse("8.01"),
                Money.parse("88.00"), "r")));
        assertEquals(Money.parse("8.00"), wallet.ledger().get("T1").charged());
    }

    @Test
    void anInjectedFaultLosesTheAnswerAfterApplyingTheRequestOrBefore() {
        wallet.failAt(0, InMemoryWallet.Fault.TIMEOUT_AFTER_APPLY).failAt(1, InMemoryWallet.Fault.THROWS);
        assertInstanceOf(PayResult.Unknown.class, wallet.pay(pay("281234567890123456")));
        assertEquals(InMemoryWallet.Status.PAID, wallet.ledger().get("T1").status());
        assertThrows(IllegalStateException.class, () -> wallet.query(trade));
        assertEquals(List.of("pay", "query"), wallet.calls());
    }
}
