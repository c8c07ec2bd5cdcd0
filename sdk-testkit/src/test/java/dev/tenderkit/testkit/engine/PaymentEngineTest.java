package dev.tenderkit.testkit.engine;

import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.NEVER_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.POOR_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.WAITING_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.QrTicket;
import dev.tenderkit.core.payment.RecoveryReport;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.testkit.InMemoryWallet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's flows, one case each, on a real journal and virtual time. */
class PaymentEngineTest {
    @TempDir
    Path dir;
    EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
        assertEquals(List.of(), h.gateway.violations());
    }

    private CompletableFuture<TradeOutcome> pay(String order, String code) {
        return h.engine.payAsync(BarcodePaymentRequest.of(order, Money.parse("88.00"), code, "咖啡 coffee"));
    }

    @Test
    void aBuyerWhoPaysAtOnceIsPaidAfterTheIntentWasJournaled() throws Exception {
        CompletableFuture<TradeOutcome> f = pay("ORD-1", ALIPAY_CODE);
        assertFalse(f.isDone(), "nothing happens before the scheduler runs");
        h.runFor(Duration.ZERO);
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, f.getNow(null));
        assertEquals(Money.parse("88.00"), paid.payment().amount());
        assertEquals(List.of(TradeState.CREATED, TradeState.PAID), h.changes.stream().map(TradeRecord::state).toList());
        assertEquals(List.of("pay"), h.gateway.calls());
        String journal = new String(Files.readAllBytes(h.journalFile), StandardCharsets.UTF_8);
        assertFalse(journal.contains(ALIPAY_CODE), "the whole payment code must never be journaled");
        assertTrue(journal.contains(paid.trade().maskedPaymentCode()));
    }

    @Test
    void aBuyerEnteringAPasswordIsPolledUntilPaid() {
        CompletableFuture<TradeOutcome> f = pay("ORD-2", WAITING_CODE);
        h.runFor(Duration.ZERO);
        assertFalse(f.isDone());
        assertEquals(TradeState.AWAITING_BUYER, h.changes.get(h.changes.size() - 1).state(),
                "the cashier screen can show 'waiting for the buyer to confirm'");
        h.runFor(Duration.ofSeconds(3));
        assertFalse(f.isDone());
        h.runFor(Duration.ofSeconds(3));
        assertInstanceOf(TradeOutcome.Paid.class, f.getNow(null));
        assertEquals(List.of("pay", "query", "query"), h.gateway.calls());
    }

    @Test
    void aBuyerWhoNeverConfirmsIsReversedRightAfterTheLastQueryAtTheDeadline() {
        CompletableFuture<TradeOutcome> f = pay("ORD-3", NEVER_CODE);
        h.runFor(Duration.ofSeconds(59));
        assertFalse(f.isDone());
        h.runFor(Duration.ofSeconds(1));
        TradeOutcome.Reversed r = assertInstanceOf(TradeOutcome.Reversed.class, f.getNow(null));
        assertEquals(TradeState.REVERSED, r.trade().state());
        List<String> calls = h.gateway.calls();
        assertEquals("reverse", calls.get(calls.size() - 1));
        assertEquals("query", calls.get(calls.size() - 2));
        assertEquals(InMemoryWallet.Status.CLOSED, h.gateway.ledger().get(r.trade().outTradeNo()).status());
    }

    @Test
    void aBuyerWithoutFundsFailsWithABuyerSideCauseAndTheRawCode() {
        CompletableFuture<TradeOutcome> f = pay("ORD-4", POOR_CODE);
        h.runFor(Duration.ZERO);
        TradeOutcome.Failed failed = assertInstanceOf(TradeOutcome.Failed.class, f.getNow(null));
        assertEquals(Cause.BUYER_INSUFFICIENT_FUNDS, failed.error().cause());
        assertTrue(failed.error().isBuyerSide());
        assertEquals(Optional.of("ACQ.BUYER_BALANCE_NOT_ENOUGH"), failed.error().raw().subCode());
    }

    @Test
    void theSameOrderIdNeverChargesTwice() {
        CompletableFuture<TradeOutcome> first = pay("ORD-5", WAITING_CODE);
        CompletableFuture<TradeOutcome> again = pay("ORD-5", WAITING_CODE);
        assertSame(first, again, "a second request while the first is running joins it");
        h.settle();
        TradeOutcome later = pay("ORD-5", WAITING_CODE).getNow(null);
        assertEquals(((TradeOutcome.Paid) first.getNow(null)).trade().outTradeNo(),
                ((TradeOutcome.Paid) later).trade().outTradeNo());
        assertEquals(1, h.gateway.calls().stream().filter("pay"::equals).count());
    }

    @Test
    void theSameOrderIdWithAnotherPaymentCodeOrAmountIsRefusedNotAnsweredWithTheEarlierTrade() {
        CompletableFuture<TradeOutcome> first = pay("ORD-5B", WAITING_CODE);
        InvalidInputException whileRunning = assertThrows(InvalidInputException.class, () -> pay("ORD-5B", ALIPAY_CODE));
        assertEquals("orderId", whileRunning.field());
        assertTrue(whileRunning.getMessage().contains("this brings 2812**********3456"), whileRunning.getMessage());
        h.settle();
        assertInstanceOf(TradeOutcome.Paid.class, first.getNow(null));
        InvalidInputException otherCode = assertThrows(InvalidInputException.class, () -> pay("ORD-5B", ALIPAY_CODE));
        assertTrue(otherCode.getMessage().contains("already has trade"), otherCode.getMessage());
        InvalidInputException otherAmount = assertThrows(InvalidInputException.class, () -> h.engine.payAsync(
                BarcodePaymentRequest.of("ORD-5B", Money.parse("8.80"), WAITING_CODE, "咖啡 coffee")));
        assertTrue(otherAmount.getMessage().contains("its amount is 88.00, this asks 8.80"), otherAmount.getMessage());
        assertFalse(otherAmount.getMessage().contains(WAITING_CODE), "the whole payment code never reaches a message");
        assertEquals(1, h.gateway.calls().stream().filter("pay"::equals).count(), "nothing more was sent");
    }

    @Test
    void aMethodTheMerchantCannotTakeIsRefusedWithFindingsBeforeAnythingIsJournaledOrSent() throws Exception {
        TradeOutcome o = pay("ORD-6", "0123456789012345678").getNow(null);   // e-CNY: the only channel lacks it
        TradeOutcome.Refused refused = assertInstanceOf(TradeOutcome.Refused.class, o);
        assertEquals(PaymentMethods.ECNY, refused.method());
        assertEquals(Cause.CHANNEL_METHOD_UNSUPPORTED, refused.findings().get(0).cause());
        h.settle();
        assertEquals(List.of(), h.gateway.calls());
        assertEquals(Optional.empty(), h.engine.tradeForOrder("ORD-6"));
    }

    @Test
    void aPinnedChannelTheMerchantDoesNotHaveIsRefusedNamingTheSetting() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> h.engine.payAsync(
                BarcodePaymentRequest.of("ORD-7", Money.parse("1.00"), ALIPAY_CODE, "x").withChannel("nope")));
        assertEquals("pinnedChannel", e.field());
    }

    @Test
    void malformedRequestsAreRefusedNamingTheFieldAndNothingIsSent() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> pay("bad order id!", ALIPAY_CODE));
        assertEquals("orderId", e.field());
        e = assertThrows(InvalidInputException.class, () -> pay("ORD-8", "12345"));
        assertEquals(ErrorCode.INVALID_PAYMENT_CODE, e.code());
        assertFalse(e.getMessage().contains("12345"));
        // a plan the wallet does not offer is well-formed input: the resolver refuses it, naming the plans offered
        TradeOutcome.Refused plan = assertInstanceOf(TradeOutcome.Refused.class, h.engine.payAsync(
                BarcodePaymentRequest.of("ORD-9", Money.parse("1.00"), ALIPAY_CODE, "x")
                        .withInstallments(new InstallmentPlan(5, FeeBearer.BUYER))).getNow(null));
        assertEquals(dev.tenderkit.core.capability.Cause.INSTALLMENT_PLAN_UNAVAILABLE, plan.findings().get(0).cause());
        h.runFor(Duration.ZERO);
        assertEquals(List.of(), h.gateway.calls());
    }

    @Test
    void anUnconfirmedReversalIsRetriedFlaggedForAPersonAndNeverDropped() {
        h.gateway.refuseReversals(7);
        CompletableFuture<TradeOutcome> f = pay("ORD-10", NEVER_CODE);
        h.runFor(Duration.ofSeconds(60));
        assertFalse(f.isDone());
        h.runFor(Duration.ofSeconds(2 + 4 + 8 + 16));
        TradeOutcome.Unresolved u = assertInstanceOf(TradeOutcome.Unresolved.class, f.getNow(null));
        assertTrue(u.trade().needsAttention());
        assertEquals(1, h.attention.size());
        assertTrue(h.engine.trades(LocalDate.of(2026, 11, 25)).get(0).needsAttention(),
                "the flag shows in the day's listing");
        h.settle();
        TradeRecord end = h.engine.trade(u.trade().outTradeNo()).orElseThrow();
        assertEquals(TradeState.REVERSED, end.state(), "retries continued after the flag until confirmed");
        assertEquals(8, h.gateway.calls().stream().filter("reverse"::equals).count());
    }

    @Test
    void refundsAreIdempotentAndNeverExceedWhatWasPaid() {
        CompletableFuture<TradeOutcome> f = pay("ORD-11", ALIPAY_CODE);
        h.runFor(Duration.ZERO);
        String no = ((TradeOutcome.Paid) f.getNow(null)).trade().outTradeNo();
        CompletableFuture<RefundOutcome> r1 = h.refund(no, "R1", Money.parse("30.00"), "退货");
        h.runFor(Duration.ZERO);
        assertInstanceOf(RefundOutcome.Refunded.class, r1.getNow(null));
        CompletableFuture<RefundOutcome> again = h.refund(no, "R1", Money.parse("30.00"), "退货");
        assertInstanceOf(RefundOutcome.Refunded.class, again.getNow(null));
        RefundOutcome.Refused tooMuch = assertInstanceOf(RefundOutcome.Refused.class,
                h.refund(no, "R2", Money.parse("58.01"), "too much").getNow(null));
        assertTrue(tooMuch.reason().contains("can still refund: 58.00"), tooMuch.reason());
        RefundOutcome.Refused otherAmount = assertInstanceOf(RefundOutcome.Refused.class,
                h.refund(no, "R1", Money.parse("10.00"), "same number, other amount").getNow(null));
        assertTrue(otherAmount.reason().contains("already requested for 30.00"), otherAmount.reason());
        CompletableFuture<RefundOutcome> rest = h.refund(no, "R2", Money.parse("58.00"), "rest");
        h.runFor(Duration.ZERO);
        assertInstanceOf(RefundOutcome.Refunded.class, rest.getNow(null));
        assertEquals(Money.parse("88.00"), h.engine.trade(no).orElseThrow().refunded());
        assertEquals(Money.ZERO, h.gateway.ledger().get(no).charged());
    }

    @Test
    void anUnknownRefundIsQueriedAndResentUnderTheSameNumber() {
        CompletableFuture<TradeOutcome> f = pay("ORD-12", ALIPAY_CODE);
        h.runFor(Duration.ZERO);
        String no = ((TradeOutcome.Paid) f.getNow(null)).trade().outTradeNo();
        h.gateway.failAt(h.gateway.calls().size(), InMemoryWallet.Fault.RESET_BEFORE_APPLY);
        CompletableFuture<RefundOutcome> r = h.refund(no, "R1", Money.parse("88.00"), "退货");
        h.settle();
        assertInstanceOf(RefundOutcome.Refunded.class, r.getNow(null));
        assertEquals(List.of("pay", "refund", "queryRefund", "refund"), h.gateway.calls());
        assertEquals(Money.ZERO, h.gateway.ledger().get(no).charged());
    }

    @Test
    void recoverySettlesATradeThatWasPaidWhileTheTerminalWasDown() {
        h.gateway.failAt(0, InMemoryWallet.Fault.TIMEOUT_AFTER_APPLY);
        pay("ORD-13", ALIPAY_CODE);
        h.runFor(Duration.ZERO);   // the wallet charged, the answer was lost; then the power went
        h.restart();
        CompletableFuture<RecoveryReport> report = h.engine.recover();
        h.settle();
        assertEquals(1, report.getNow(null).trades().size());
        assertInstanceOf(TradeOutcome.Paid.class, report.getNow(null).trades().get(0));
        assertEquals(TradeState.PAID, h.engine.tradeForOrder("ORD-13").orElseThrow().state());
    }

    @Test
    void aQrCodePaidByTheBuyerIsPaidAndAnUnpaidOneIsClosedAtTheEndOfItsValidity() {
        QrTicket paid = h.engine.startQr(new QrPaymentRequest("ORD-14", Money.parse("66.00"), "x",
                PaymentMethods.ALIPAY, Duration.ofMinutes(2), Optional.empty()));
        QrTicket unpaid = h.engine.startQr(new QrPaymentRequest("ORD-15", Money.parse("66.00"), "x",
                PaymentMethods.ALIPAY, Duration.ofMinutes(2), Optional.empty()));
        h.runFor(Duration.ZERO);
        assertTrue(paid.qrCode().getNow("").startsWith("https://qr.example/"));
        h.gateway.buyerPaysQr(paid.outTradeNo().orElseThrow());
        h.settle();
        assertInstanceOf(TradeOutcome.Paid.class, paid.outcome().getNow(null));
        assertInstanceOf(TradeOutcome.Reversed.class, unpaid.outcome().getNow(null));
        assertTrue(h.gateway.calls().contains("close"));
    }

    @Test
    void aNotificationHintQueriesAWaitingTradeAtOnceAndRetiresTheScheduledPoll() {
        QrTicket qr = h.engine.startQr(new QrPaymentRequest("ORD-40", Money.parse("66.00"), "x",
                PaymentMethods.ALIPAY, Duration.ofMinutes(2), Optional.empty()));
        h.runFor(Duration.ofSeconds(1));
        String no = qr.outTradeNo().orElseThrow();
        h.gateway.buyerPaysQr(no);
        assertTrue(h.engine.checkNow(no), "the trade is in flight");
        h.runFor(Duration.ZERO);
        assertInstanceOf(TradeOutcome.Paid.class, qr.outcome().getNow(null), "paid without waiting for the next poll");
        h.runFor(Duration.ofMinutes(3));
        assertEquals(List.of("precreate", "query"), h.gateway.calls(),
                "the poll scheduled before the hint never runs: one chain of steps per trade");
        assertFalse(h.engine.checkNow(no), "a final trade is not in flight");
        assertFalse(h.engine.checkNow("T1NOSUCHTRADE"));
    }

    @Test
    void aHintForATradeStillWaitingChangesNothingButWhenTheNextQueryHappens() {
        CompletableFuture<TradeOutcome> f = pay("ORD-41", NEVER_CODE);
        h.runFor(Duration.ofSeconds(1));
        String no = h.changes.get(0).outTradeNo();
        assertTrue(h.engine.checkNow(no));   // a forged or stale hint: the buyer has not paid
        h.runFor(Duration.ZERO);
        assertFalse(f.isDone());
        assertEquals(List.of("pay", "query"), h.gateway.calls());
        h.runFor(Duration.ofSeconds(2));
        assertEquals(List.of("pay", "query"), h.gateway.calls(), "the retired 3 s poll did not run");
        h.runFor(Duration.ofSeconds(1));
        assertEquals(List.of("pay", "query", "query"), h.gateway.calls(), "the new chain polls 3 s after the hint");
        h.runFor(Duration.ofSeconds(60));
        assertInstanceOf(TradeOutcome.Reversed.class, f.getNow(null), "the deadline still holds");
    }

    @Test
    void todaysTransactionsAreListedFromTheJournal() {
        pay("ORD-16", ALIPAY_CODE);
        pay("ORD-17", POOR_CODE);
        h.settle();
        List<TradeRecord> today = h.engine.trades(LocalDate.of(2026, 11, 25));
        assertEquals(List.of("ORD-16", "ORD-17"), today.stream().map(TradeRecord::orderId).toList());
        assertEquals(List.of(), h.engine.trades(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void aBuyerWhoPaysAsTheReversalIsRefusedIsRecordedPaidAndFlagged() {
        h.gateway.buyerPaysAsTheReversalIsRefused();
        CompletableFuture<TradeOutcome> f = pay("ORD-18", NEVER_CODE);
        h.settle();
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, f.getNow(null));
        assertTrue(paid.trade().needsAttention());
        assertTrue(paid.trade().attention().orElseThrow().contains("ACQ.TRADE_STATUS_ERROR"));
        assertEquals(1, h.attention.size());
        assertEquals(InMemoryWallet.Status.PAID, h.gateway.ledger().get(paid.trade().outTradeNo()).status());
    }
}
