package dev.tenderkit.testkit.engine;

import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.NEVER_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.POOR_CODE;
import static dev.tenderkit.testkit.engine.EngineHarness.WAITING_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.QrTicket;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.testkit.InMemoryWallet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrator's API as a cashier uses it: cancel, attempts per order, the QR code again, credit per sale. */
class CashierApiTest {
    private static final Money AMOUNT = Money.parse("88.00");

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
        return h.engine.payAsync(BarcodePaymentRequest.of(order, AMOUNT, code, "咖啡 coffee"));
    }

    private QrTicket qr(String order) {
        return h.engine.startQr(new QrPaymentRequest(order, AMOUNT, "咖啡 coffee", PaymentMethods.ALIPAY,
                Duration.ofMinutes(5), Optional.empty()));
    }

    @Test
    void cancelReversesTheTradeInProgressAndTheOutcomeSaysTheCashierCancelled() {
        CompletableFuture<TradeOutcome> f = pay("ORD-1", NEVER_CODE);
        h.runFor(Duration.ZERO);
        assertFalse(f.isDone(), "the buyer has not confirmed");
        CompletableFuture<TradeOutcome> cancelled = h.engine.cancel("ORD-1");
        h.runFor(Duration.ZERO);
        TradeOutcome.Reversed r = assertInstanceOf(TradeOutcome.Reversed.class, cancelled.getNow(null));
        assertSame(f.getNow(null), r, "the payment's caller hears the same outcome");
        assertTrue(r.trade().cancelled());
        assertEquals(List.of("pay", "reverse"), h.gateway.calls(), "reversed at once, not at the deadline");
        assertEquals(InMemoryWallet.Status.CLOSED, h.gateway.ledger().get(r.trade().outTradeNo()).status());
        h.restart();
        assertTrue(h.engine.trade(r.trade().outTradeNo()).orElseThrow().cancelled(), "journaled");
    }

    @Test
    void aTradeCancelledBeforeItsFirstStepIsNeverSent() {
        CompletableFuture<TradeOutcome> f = pay("ORD-2", ALIPAY_CODE);
        CompletableFuture<TradeOutcome> cancelled = h.engine.cancel("ORD-2");
        h.runFor(Duration.ZERO);
        TradeOutcome.Reversed r = assertInstanceOf(TradeOutcome.Reversed.class, f.getNow(null));
        assertSame(r, cancelled.getNow(null));
        assertTrue(r.trade().cancelled());
        assertEquals(List.of(), h.gateway.calls(), "nothing reached the wallet");
    }

    @Test
    void aPaidOrderCannotBeCancelledOnlyRefunded() {
        pay("ORD-3", ALIPAY_CODE);
        h.runFor(Duration.ZERO);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> h.engine.cancel("ORD-3"));
        assertEquals("orderId", e.field());
        assertTrue(e.getMessage().contains("refund it"), e.getMessage());
        assertEquals("orderId", assertThrows(InvalidInputException.class, () -> h.engine.cancel("NO-SUCH")).field());
    }

    @Test
    void aFailedOrderIsTriedAgainAsANewAttemptAndAtMostOneAttemptIsEverPaid() {
        CompletableFuture<TradeOutcome> failed = pay("ORD-4", POOR_CODE);
        h.runFor(Duration.ZERO);
        TradeOutcome first = assertInstanceOf(TradeOutcome.Failed.class, failed.getNow(null));
        CompletableFuture<TradeOutcome> second = pay("ORD-4", ALIPAY_CODE);   // the buyer topped up and rescanned
        h.runFor(Duration.ZERO);
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, second.getNow(null));
        List<TradeRecord> attempts = h.engine.attempts("ORD-4");
        assertEquals(List.of(1, 2), attempts.stream().map(TradeRecord::attempt).toList());
        assertEquals(List.of(TradeState.FAILED, TradeState.PAID), attempts.stream().map(TradeRecord::state).toList());
        assertNotEquals(attempts.get(0).outTradeNo(), attempts.get(1).outTradeNo(), "each attempt its own number");
        assertEquals(first.record().orElseThrow().outTradeNo(), attempts.get(0).outTradeNo());

        int calls = h.gateway.calls().size();
        TradeOutcome again = pay("ORD-4", ALIPAY_CODE).getNow(null);
        assertEquals(paid.trade().outTradeNo(), again.record().orElseThrow().outTradeNo(), "the paid attempt answers");
        assertEquals(calls, h.gateway.calls().size(), "and nothing is sent");
        h.restart();
        assertEquals(2, h.engine.attempts("ORD-4").size(), "both attempts survive a restart");
        assertEquals(paid.trade().outTradeNo(), h.engine.tradeForOrder("ORD-4").orElseThrow().outTradeNo());
    }

    @Test
    void anOrderWithAnAttemptInProgressGetsNoSecondAttempt() {
        CompletableFuture<TradeOutcome> f = pay("ORD-5", WAITING_CODE);
        h.runFor(Duration.ZERO);
        assertSame(f, pay("ORD-5", WAITING_CODE), "the same request joins the attempt in progress");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> pay("ORD-5", ALIPAY_CODE));
        assertEquals("orderId", e.field());
        h.settle();
        assertInstanceOf(TradeOutcome.Paid.class, f.getNow(null));
        assertEquals(1, h.engine.attempts("ORD-5").size());
    }

    @Test
    void startQrForTheSameOrderReturnsTheSameJournaledCodeEvenAfterARestart() {
        QrTicket first = qr("ORD-6");
        h.runFor(Duration.ZERO);
        String code = first.qrCode().getNow(null);
        assertEquals("https://qr.example/" + first.outTradeNo().orElseThrow(), code);
        QrTicket again = qr("ORD-6");
        assertEquals(first.outTradeNo(), again.outTradeNo());
        assertEquals(code, again.qrCode().getNow(null));
        h.restart();
        assertEquals(Optional.of(code), h.engine.tradeForOrder("ORD-6").orElseThrow().qrCode(), "journaled");
        QrTicket afterRestart = qr("ORD-6");
        assertEquals(code, afterRestart.qrCode().getNow(null), "shown again without asking the wallet");
        assertEquals(List.of("precreate"), h.gateway.calls().subList(0, 1));
        assertEquals(1, h.gateway.calls().stream().filter("precreate"::equals).count());
        h.gateway.buyerPaysQr(first.outTradeNo().orElseThrow());
        h.settle();
        assertInstanceOf(TradeOutcome.Paid.class, afterRestart.outcome().getNow(null));
    }

    @Test
    void aSaleWithoutCreditTellsTheWalletSoAndRefusesInstallments() {
        List<PayRequest> sent = new ArrayList<>();
        h.network(g -> new Recording(g, sent));
        h.engine.payAsync(BarcodePaymentRequest.of("ORD-7", AMOUNT, ALIPAY_CODE, "烟 tobacco").withoutCredit());
        h.engine.payAsync(BarcodePaymentRequest.of("ORD-8", AMOUNT, ALIPAY_CODE, "咖啡 coffee"));
        h.runFor(Duration.ZERO);
        assertEquals(List.of(false, true), sent.stream().map(PayRequest::creditAllowed).toList(),
                "the switch is per sale: the other lane still takes credit");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BarcodePaymentRequest.of("ORD-9",
                AMOUNT, ALIPAY_CODE, "x").withInstallments(new InstallmentPlan(6, FeeBearer.SELLER)).withoutCredit());
        assertEquals("installments", e.field());
    }

    @Test
    void aPlanTheWalletDoesNotOfferIsRefusedBeforeSendingNamingThePlansItOffers() {
        CompletableFuture<TradeOutcome> f = h.engine.payAsync(BarcodePaymentRequest.of("ORD-15", AMOUNT, ALIPAY_CODE,
                "x").withInstallments(new InstallmentPlan(5, FeeBearer.SELLER)));
        TradeOutcome.Refused refused = assertInstanceOf(TradeOutcome.Refused.class, f.getNow(null));
        assertTrue(refused.findings().stream().anyMatch(x -> x.cause()
                == dev.tenderkit.core.capability.Cause.INSTALLMENT_PLAN_UNAVAILABLE), refused.findings().toString());
        assertTrue(refused.findings().toString().contains("3, 6 or 12"), refused.findings().toString());
        h.runFor(Duration.ZERO);
        assertEquals(List.of(), h.gateway.calls(), "nothing was sent");
    }

    @Test
    void everyOutcomeButARefusalCarriesItsTradeThroughOneAccessor() {
        CompletableFuture<TradeOutcome> paid = pay("ORD-10", ALIPAY_CODE);
        CompletableFuture<TradeOutcome> failed = pay("ORD-11", POOR_CODE);
        CompletableFuture<TradeOutcome> refused = h.engine.payAsync(BarcodePaymentRequest.of("ORD-12", AMOUNT,
                "0123456789012345678", "e-CNY is refused by the policy"));
        h.runFor(Duration.ZERO);
        for (CompletableFuture<TradeOutcome> f : List.of(paid, failed)) {
            TradeRecord t = f.getNow(null).record().orElseThrow();
            assertTrue(t.orderId().startsWith("ORD-1"), t.orderId());
        }
        assertInstanceOf(TradeOutcome.Refused.class, refused.getNow(null));
        assertEquals(Optional.empty(), refused.getNow(null).record());
    }

    @Test
    void refundsAreAskedByOrderIdAndARefundThatCannotBeTakenIsAnOutcomeNotAnException() {
        pay("ORD-13", ALIPAY_CODE);
        pay("ORD-14", POOR_CODE);
        h.runFor(Duration.ZERO);
        CompletableFuture<RefundOutcome> ok = h.engine.refundAsync(OrderRefund.builder().orderId("ORD-13")
                .refundRequestNo("R1").amount(Money.parse("8.00")).reason("退货").build());
        h.runFor(Duration.ZERO);
        assertEquals(Money.parse("8.00"), assertInstanceOf(RefundOutcome.Refunded.class, ok.getNow(null))
                .refund().amount());
        RefundOutcome.Refused unpaid = assertInstanceOf(RefundOutcome.Refused.class, h.engine.refundAsync(
                OrderRefund.builder().orderId("ORD-14").refundRequestNo("R1").amount(Money.parse("1.00")).build())
                .getNow(null));
        assertTrue(unpaid.reason().contains("no paid trade"), unpaid.reason());
        RefundOutcome.Refused unknown = assertInstanceOf(RefundOutcome.Refused.class, h.engine.refundAsync(
                OrderRefund.builder().orderId("NO-SUCH").refundRequestNo("R1").amount(Money.parse("1.00")).build())
                .getNow(null));
        assertEquals(Optional.empty(), unknown.record());
        assertEquals("refundRequestNo", assertThrows(InvalidInputException.class, () -> OrderRefund.builder()
                .orderId("ORD-13").refundRequestNo("R-1 bad").amount(Money.parse("1.00")).build()).field(),
                "malformed input is still thrown, naming the field");
    }

    /** A gateway that keeps the pay requests the engine sent. */
    private static final class Recording extends ForwardingGateway {
        private final List<PayRequest> sent;

        Recording(PaymentGateway wallet, List<PayRequest> sent) {
            super(wallet);
            this.sent = sent;
        }

        @Override
        public PayResult pay(PayRequest request) {
            sent.add(request);
            return wallet.pay(request);
        }
    }
}
