package dev.tenderkit.core.operator;

import static dev.tenderkit.core.operator.Till.CHEN;
import static dev.tenderkit.core.operator.Till.LI;
import static dev.tenderkit.core.operator.Till.WANG;
import static dev.tenderkit.core.operator.Till.ZHAO;
import static dev.tenderkit.core.operator.Till.await;
import static dev.tenderkit.core.operator.Till.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what at the desk, and when a supervisor must approve: each rule both ways. */
class SupervisionRulesTest {
    private static final SupervisionPolicy ABOVE_100 = SupervisionPolicy.builder()
            .refundApprovalAbove(Money.parse("100.00")).build();

    @TempDir
    Path dir;

    private static CompletableFuture<Authorisation> approvedBy(Operator who) {
        return CompletableFuture.completedFuture(new Authorisation.Approved(who, "PIN"));
    }

    @Test
    void aRefundAtOrBelowTheThresholdNeedsNoSupervisor() {
        try (Till till = new Till(dir, ABOVE_100)) {
            till.paid(LI, "A1", "300.00");
            DeskOutcome<RefundOutcome> o = await(till.desk.refund(LI, refund("A1", "R1", "100.00")));
            DeskOutcome.Done<RefundOutcome> done = assertInstanceOf(DeskOutcome.Done.class, o);
            assertInstanceOf(RefundOutcome.Refunded.class, done.result());
            assertEquals(List.of(), till.asked);
            assertEquals(Optional.empty(), done.intent().approver());
            assertEquals(Optional.of(TrailResult.REFUNDED), done.outcome().orElseThrow().result());
        }
    }

    @Test
    void aRefundAboveTheThresholdIsSentOnlyWithASupervisorsApproval() {
        try (Till till = new Till(dir, ABOVE_100)) {
            till.paid(LI, "A1", "300.00");
            DeskOutcome.Done<RefundOutcome> done = assertInstanceOf(DeskOutcome.Done.class,
                    await(till.desk.refund(LI, refund("A1", "R1", "100.01"))));
            assertEquals(1, till.asked.size());
            assertEquals(DeskAction.REFUND, till.asked.get(0).action());
            assertEquals(LI, till.asked.get(0).operator());
            assertEquals(Optional.of(WANG), done.intent().approver());
            assertEquals(Optional.of("PIN"), done.intent().approvalMeans());
            assertEquals(Optional.of(WANG), done.outcome().orElseThrow().approver());
        }
    }

    @Test
    void splittingARefundDoesNotAvoidTheThreshold() {
        try (Till till = new Till(dir, ABOVE_100)) {
            till.paid(LI, "A1", "300.00");
            await(till.desk.refund(LI, refund("A1", "R1", "60.00")));
            assertEquals(0, till.asked.size());
            await(till.desk.refund(LI, refund("A1", "R2", "60.00")));   // 120.00 in all
            assertEquals(1, till.asked.size());
            assertTrue(till.asked.get(0).why().contains("120.00"), till.asked.get(0).why());
        }
    }

    @Test
    void aDeclinedApprovalSendsNothingAndIsAnEntry() {
        try (Till till = new Till(dir, ABOVE_100)) {
            till.paid(LI, "A1", "300.00");
            till.answer = r -> CompletableFuture.completedFuture(new Authorisation.Declined("no receipt"));
            DeskOutcome.Declined<RefundOutcome> d = assertInstanceOf(DeskOutcome.Declined.class,
                    await(till.desk.refund(LI, refund("A1", "R1", "200.00"))));
            assertEquals("no receipt", d.reason());
            assertEquals(List.of("pay " + till.engine.tradeForOrder("A1").orElseThrow().outTradeNo()),
                    till.wallet.moneyCalls());
            assertEquals(List.of(), till.engine.refunds(till.engine.tradeForOrder("A1").orElseThrow().outTradeNo()));
            assertEquals(EntryType.DECLINED, d.entry().type());
            assertTrue(d.entry().detail().contains("no receipt"));
            assertEquals(List.of(EntryType.INTENT, EntryType.OUTCOME, EntryType.DECLINED), till.types());
        }
    }

    @Test
    void aCashierCannotApproveEvenWhenTheAuthoriserSaysSo() {
        try (Till till = new Till(dir, ABOVE_100)) {
            till.paid(LI, "A1", "300.00");
            till.answer = r -> approvedBy(ZHAO);
            DeskOutcome.Declined<RefundOutcome> d = assertInstanceOf(DeskOutcome.Declined.class,
                    await(till.desk.refund(LI, refund("A1", "R1", "200.00"))));
            assertTrue(d.reason().contains("only a SUPERVISOR may approve"), d.reason());
            assertEquals(Optional.of(ZHAO), d.entry().approver());   // who tried is evidence too
            assertEquals(1, till.wallet.moneyCalls().size());
        }
    }

    @Test
    void aSupervisorsOwnSupervisedActionNeedsAnotherSupervisorByDefault() {
        try (Till till = new Till(dir, ABOVE_100)) {
            till.paid(WANG, "A1", "300.00");
            till.answer = r -> approvedBy(WANG);
            DeskOutcome.Declined<RefundOutcome> self = assertInstanceOf(DeskOutcome.Declined.class,
                    await(till.desk.refund(WANG, refund("A1", "R1", "200.00"))));
            assertTrue(self.reason().contains("four eyes"), self.reason());
            assertEquals(1, till.asked.size(), "she is asked like anyone");
            till.answer = r -> approvedBy(CHEN);
            DeskOutcome.Done<RefundOutcome> other = assertInstanceOf(DeskOutcome.Done.class,
                    await(till.desk.refund(WANG, refund("A1", "R1", "200.00"))));
            assertEquals(Optional.of(CHEN), other.intent().approver());
        }
    }

    @Test
    void aPolicyMayLetASupervisorApproveHerselfAndTheTrailShowsIt() {
        SupervisionPolicy oneSupervisorShop = SupervisionPolicy.builder().refundApprovalAbove(Money.parse("100.00"))
                .supervisorMayApproveOwnActions(true).build();
        try (Till till = new Till(dir, oneSupervisorShop)) {
            till.paid(WANG, "A1", "300.00");
            till.answer = r -> approvedBy(WANG);
            DeskOutcome.Done<RefundOutcome> done = assertInstanceOf(DeskOutcome.Done.class,
                    await(till.desk.refund(WANG, refund("A1", "R1", "200.00"))));
            assertEquals(Optional.of(WANG), done.intent().approver());
            assertEquals(WANG, done.intent().operator());
            assertEquals(1, till.asked.size(), "self-approval still goes through the authoriser");
        }
    }

    @Test
    void aCancelAfterPaymentIsARefundOfWhatRemainsAndNeedsASupervisor() {
        try (Till till = new Till(dir, ABOVE_100)) {
            String no = till.paid(LI, "A1", "80.00");
            await(till.desk.refund(LI, refund("A1", "R1", "30.00")));
            till.answer = r -> CompletableFuture.completedFuture(new Authorisation.Declined("ask the buyer first"));
            assertInstanceOf(DeskOutcome.Declined.class, await(till.desk.cancel(LI, "A1")));
            till.answer = r -> approvedBy(WANG);
            DeskOutcome.Done<ActionResult> done = assertInstanceOf(DeskOutcome.Done.class,
                    await(till.desk.cancel(LI, "A1")));
            ActionResult.OfRefund r = assertInstanceOf(ActionResult.OfRefund.class, done.result());
            assertEquals(Money.parse("50.00"), r.outcome().record().orElseThrow().amount());
            assertEquals("CXL_" + no, r.outcome().record().orElseThrow().refundRequestNo());
            assertEquals(2, till.asked.size());
            InvalidInputException again = assertThrows(InvalidInputException.class, () -> till.desk.cancel(LI, "A1"));
            assertEquals("orderId", again.field());
        }
    }

    @Test
    void aCancelOfAnAttemptInProgressIsTheEnginesCancelWithoutApproval() {
        try (Till till = new Till(dir, ABOVE_100)) {
            CompletableFuture<DeskOutcome<TradeOutcome>> paying = till.desk.pay(LI,
                    dev.tenderkit.core.payment.BarcodePaymentRequest.of("A2", Money.parse("10.00"), CounterWallet.STUCK,
                            "tea"));
            assertTrue(!paying.isDone(), "the buyer has not confirmed");
            CompletableFuture<DeskOutcome<ActionResult>> cancel = till.desk.cancel(LI, "A2");
            assertEquals(0, till.asked.size());
            DeskOutcome.Done<ActionResult> done = assertInstanceOf(DeskOutcome.Done.class, till.settle(cancel));
            assertInstanceOf(ActionResult.OfTrade.class, done.result());
            assertEquals(Optional.of(DeskAction.CANCEL), done.intent().action());
        }
    }

    @Test
    void aManualResolutionOfAFlaggedTradeNeedsASupervisorAndAnUnflaggedOneIsRejected() {
        try (Till till = new Till(dir, ABOVE_100)) {
            String ok = till.paid(LI, "A1", "10.00");
            InvalidInputException notFlagged = assertThrows(InvalidInputException.class,
                    () -> till.desk.resolve(LI, ok, new Resolution.AcceptAsIs("checked")));
            assertEquals("outTradeNo", notFlagged.field());
            DeskOutcome<TradeOutcome> stuck = till.settle(till.desk.pay(LI, dev.tenderkit.core.payment
                    .BarcodePaymentRequest.of("A2", Money.parse("10.00"), CounterWallet.STUCK, "tea")));
            TradeOutcome.Unresolved flagged = assertInstanceOf(TradeOutcome.Unresolved.class,
                    ((DeskOutcome.Done<TradeOutcome>) stuck).result());
            int entries = till.trail.entries().size();
            till.answer = r -> approvedBy(ZHAO);
            assertInstanceOf(DeskOutcome.Declined.class, await(till.desk.resolve(LI, flagged.trade().outTradeNo(),
                    new Resolution.AcceptAsIs("the wallet says it was never paid"))));
            till.answer = r -> approvedBy(WANG);
            DeskOutcome.Done<ActionResult> done = assertInstanceOf(DeskOutcome.Done.class, await(till.desk.resolve(LI,
                    flagged.trade().outTradeNo(), new Resolution.AcceptAsIs("the wallet says it was never paid"))));
            assertInstanceOf(ActionResult.Recorded.class, done.result());
            assertEquals(Optional.of(TrailResult.RECORDED), done.outcome().orElseThrow().result());
            assertEquals(2, till.asked.size());
            assertEquals(entries + 3, till.trail.entries().size());   // declined, intent, outcome
        }
    }

    @Test
    void aPolicyWithoutSupervisionAsksNobody() {
        SupervisionPolicy lax = SupervisionPolicy.builder().refundApprovalAbove(Money.parse("1000.00"))
                .cancelAfterPaymentNeedsApproval(false).manualResolutionNeedsApproval(false).build();
        try (Till till = new Till(dir, lax)) {
            till.paid(LI, "A1", "300.00");
            await(till.desk.refund(LI, refund("A1", "R1", "200.00")));
            await(till.desk.cancel(LI, "A1"));
            assertEquals(List.of(), till.asked);
        }
    }

    @Test
    void theBuildersNameTheWrongSetting() {
        ConfigurationException threshold = assertThrows(ConfigurationException.class,
                () -> SupervisionPolicy.builder().refundApprovalAbove(null).build());
        assertEquals("refundApprovalAbove", threshold.setting());
        ConfigurationException authoriser = assertThrows(ConfigurationException.class,
                () -> OperatorDesk.builder().engine(null).build());
        assertEquals("engine", authoriser.setting());
        try (Till till = new Till(dir, ABOVE_100)) {
            ConfigurationException missing = assertThrows(ConfigurationException.class,
                    () -> OperatorDesk.builder().engine(till.engine).trail(till.trail).build());
            assertEquals("authoriser", missing.setting());
        }
        InvalidInputException id = assertThrows(InvalidInputException.class, () -> Operator.cashier("a b", "x"));
        assertEquals("id", id.field());
        InvalidInputException means = assertThrows(InvalidInputException.class,
                () -> new Authorisation.Approved(WANG, " "));
        assertEquals("means", means.field());
    }
}
