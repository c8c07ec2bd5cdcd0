package dev.tenderkit.testkit.engine;

import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.core.payment.spi.RefundResult;
import dev.tenderkit.testkit.InMemoryWallet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's side of answer binding, whatever the wallet: a verified refusal is final only when a
 * query (or a reversal closing the number) confirms it, and a payment or refund of another amount
 * is no answer to this one. The lies come from {@link LyingNetwork}, as a replayed answer an adapter
 * could not tell from a real one would.
 */
class UnboundAnswerTest {
    private static final GatewayError REFUSED = new GatewayError(Cause.BUYER_INSUFFICIENT_FUNDS,
            new GatewayCode("40004", Optional.of("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "买家余额不足"));

    @TempDir
    Path dir;
    private EngineHarness h;
    private LyingNetwork network;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
        h.network(g -> network = new LyingNetwork(g));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CompletableFuture<TradeOutcome> pay(String order) {
        return h.engine.payAsync(BarcodePaymentRequest.of(order, Money.parse("88.00"), ALIPAY_CODE, "咖啡"));
    }

    private InMemoryWallet.LedgerEntry atWallet(dev.tenderkit.core.payment.TradeRecord t) {
        return h.gateway.ledger().get(t.outTradeNo());
    }

    @Test
    void aRefusalOfAPayThatTheWalletChargedEndsPaidNotFailed() {
        network.afterNextPay(new PayResult.Declined(REFUSED));
        CompletableFuture<TradeOutcome> f = pay("ORD-1");
        h.settle();
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, f.getNow(null));
        assertEquals(Money.parse("88.00"), atWallet(paid.trade()).charged());
        assertEquals(List.of("pay", "query"), h.gateway.calls());
    }

    @Test
    void aRefusalOfAPayThatNeverArrivedStandsOnlyAfterTheNumberIsClosed() {
        network.insteadOfNextPay(new PayResult.Declined(REFUSED));
        CompletableFuture<TradeOutcome> f = pay("ORD-2");
        h.settle();
        TradeOutcome.Failed failed = assertInstanceOf(TradeOutcome.Failed.class, f.getNow(null));
        assertEquals(Cause.BUYER_INSUFFICIENT_FUNDS, failed.error().cause(), "the cashier hears the wallet's cause");
        assertEquals(List.of("query", "reverse"), h.gateway.calls(), "not found proves nothing: the number is closed");
        assertEquals(InMemoryWallet.Status.CLOSED, atWallet(failed.trade()).status(), "a late pay of that number is refused");
    }

    @Test
    void aPaidAnswerOfAnotherAmountIsNoPaymentOfThisTrade() {
        network.insteadOfNextPay(new PayResult.Paid(new Payment("GW-OTHER", Money.parse("8.80"),
                FundingSource.UNSPECIFIED, Instant.EPOCH), GatewayCode.of("10000")));
        CompletableFuture<TradeOutcome> f = pay("ORD-3");
        h.settle();
        TradeOutcome.Reversed reversed = assertInstanceOf(TradeOutcome.Reversed.class, f.getNow(null));
        assertEquals(TradeState.REVERSED, reversed.trade().state());
        assertEquals(Money.ZERO, atWallet(reversed.trade()).charged());
    }

    @Test
    void aRefusalOfARefundTheWalletMadeEndsRefundedNotFailed() {
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, settleAndGet("ORD-4"));
        network.afterNextRefund(new RefundResult.Declined(REFUSED));
        CompletableFuture<RefundOutcome> r = h.refund(paid.trade().outTradeNo(), "R1",
                Money.parse("30.00"), "退货");
        h.settle();
        assertInstanceOf(RefundOutcome.Refunded.class, r.getNow(null));
        assertEquals(Money.parse("58.00"), atWallet(paid.trade()).charged());
    }

    @Test
    void aRefundAnswerOfAnotherAmountIsConfirmedByTheRefundQuery() {
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, settleAndGet("ORD-5"));
        network.afterNextRefund(new RefundResult.Refunded(Money.parse("88.00"), GatewayCode.of("10000")));
        CompletableFuture<RefundOutcome> r = h.refund(paid.trade().outTradeNo(), "R1",
                Money.parse("30.00"), "退货");
        h.settle();
        RefundOutcome.Refunded refunded = assertInstanceOf(RefundOutcome.Refunded.class, r.getNow(null));
        assertEquals(Money.parse("30.00"), refunded.refund().amount());
        assertEquals(Money.parse("30.00"), h.engine.trade(paid.trade().outTradeNo()).orElseThrow().refunded());
    }

    /**
     * The MITM campaign's seed 5810966413952716102: the first refund is lost, its query finds none
     * (genuinely), the resent refund is made but the engine hears a refusal, and the confirming query
     * hears the first "not found" again. That replay must not turn a made refund into a failed one.
     */
    @Test
    void aReplayedNotFoundFromBeforeTheResendDoesNotConfirmARefusal() {
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, settleAndGet("ORD-6"));
        network.insteadOfNextRefund(new RefundResult.Unknown("lost on the way"))
                .afterNextRefund(new RefundResult.Declined(REFUSED))
                .replayingNextRefundQueryAnswer();
        CompletableFuture<RefundOutcome> r = h.refund(paid.trade().outTradeNo(), "R1",
                Money.parse("30.00"), "退货");
        h.settle();
        assertInstanceOf(RefundOutcome.Refunded.class, r.getNow(null));
        assertEquals(Money.parse("58.00"), atWallet(paid.trade()).charged());
        assertEquals(Money.parse("30.00"), h.engine.trade(paid.trade().outTradeNo()).orElseThrow().refunded());
        assertEquals(List.of("pay", "queryRefund", "refund", "queryRefund"), h.gateway.calls(),
                "the wallet saw: the pay, the query that found nothing, the resent refund, and a later query "
                + "(the lost refund and the replayed query never reached it)");
    }

    private TradeOutcome settleAndGet(String order) {
        CompletableFuture<TradeOutcome> f = pay(order);
        h.settle();
        return f.getNow(null);
    }
}
