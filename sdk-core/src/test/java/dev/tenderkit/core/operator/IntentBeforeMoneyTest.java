package dev.tenderkit.core.operator;

import static dev.tenderkit.core.operator.Till.LI;
import static dev.tenderkit.core.operator.Till.await;
import static dev.tenderkit.core.operator.Till.refund;
import static dev.tenderkit.core.operator.Till.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.TradeOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail's entries come before and after the money: the intent is in the file when the wallet
 * is called, and an authoriser or an engine that fails loses nothing — the trail says what happened.
 */
class IntentBeforeMoneyTest {
    @TempDir
    Path dir;

    private static String fileText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theIntentIsInTheTrailFileWhenTheWalletIsCalledAndTheOutcomeOnlyAfter() {
        try (Till till = new Till(dir, SupervisionPolicy.builder().build())) {
            List<String> seen = new ArrayList<>();
            Path file = till.trail.file();
            till.wallet.beforeMoney = what -> seen.add(what + " | " + fileText(file));
            await(till.desk.pay(LI, sale("A1", "12.00")));
            await(till.desk.refund(LI, refund("A1", "R1", "2.00")));
            assertEquals(2, seen.size());
            String atPay = seen.get(0);
            assertTrue(atPay.contains("\"type\":\"INTENT\",\"action\":\"PAY\"") && atPay.contains("\"order\":\"A1\""),
                    atPay);
            assertTrue(!atPay.contains("\"type\":\"OUTCOME\""), "the outcome is written after the money: " + atPay);
            String atRefund = seen.get(1);
            assertTrue(atRefund.contains("\"action\":\"REFUND\"") && atRefund.contains("\"approver\":\"s1\""),
                    "the refund's intent names its approver before the refund leaves: " + atRefund);
            assertEquals(List.of(EntryType.INTENT, EntryType.OUTCOME, EntryType.INTENT, EntryType.OUTCOME),
                    till.types());
        }
    }

    @Test
    void anAuthoriserThatThrowsSendsNothingAndTheTrailSaysSo() {
        try (Till till = new Till(dir, SupervisionPolicy.builder().build())) {
            till.paid(LI, "A1", "12.00");
            till.answer = r -> {
                throw new IllegalStateException("PIN pad unplugged");
            };
            TenderKitException e = assertThrows(TenderKitException.class,
                    () -> await(till.desk.refund(LI, refund("A1", "R1", "2.00"))));
            assertEquals(ErrorCode.EXTENSION_FAILURE, e.code());
            assertTrue(e.getMessage().contains("nothing was sent") && e.getMessage().contains("PIN pad unplugged"));
            TrailEntry last = till.trail.entries().get(till.trail.entries().size() - 1);
            assertEquals(EntryType.APPROVAL_FAILED, last.type());
            assertTrue(last.detail().contains("PIN pad unplugged"), last.detail());
            assertEquals(1, till.wallet.moneyCalls().size(), "only the payment");
        }
    }

    @Test
    void anAuthorisersFailedAnswerSendsNothingAndTheTrailSaysSo() {
        try (Till till = new Till(dir, SupervisionPolicy.builder().build())) {
            till.paid(LI, "A1", "12.00");
            CompletableFuture<Authorisation> broken = new CompletableFuture<>();
            till.answer = r -> broken;
            CompletableFuture<DeskOutcome<dev.tenderkit.core.payment.RefundOutcome>> f =
                    till.desk.refund(LI, refund("A1", "R1", "2.00"));
            assertTrue(!f.isDone(), "waiting for the supervisor");
            assertEquals(2, till.trail.entries().size(), "nothing written while the supervisor is asked");
            broken.completeExceptionally(new IllegalStateException("app timed out"));
            TenderKitException e = assertThrows(TenderKitException.class, () -> await(f));
            assertEquals(ErrorCode.EXTENSION_FAILURE, e.code());
            assertEquals(EntryType.APPROVAL_FAILED, till.types().get(2));
            assertEquals(1, till.wallet.moneyCalls().size());
        }
    }

    @Test
    void anEngineThatThrowsAfterTheIntentLeavesAnOutcomeThatSaysSo() {
        try (Till till = new Till(dir, SupervisionPolicy.builder().build())) {
            till.paid(LI, "A1", "12.00");
            // the engine refuses a second payment of a paid order, by throwing
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> await(till.desk.pay(LI, sale("A1", "99.00"))));
            List<TrailEntry> entries = till.trail.entries();
            TrailEntry intent = entries.get(2);
            TrailEntry outcome = entries.get(3);
            assertEquals(EntryType.INTENT, intent.type());
            assertEquals(Optional.of(Money.parse("99.00")), intent.amount());
            assertEquals(Optional.of(TrailResult.ERROR), outcome.result());
            assertEquals(java.util.OptionalLong.of(intent.seq()), outcome.intentSeq());
            assertTrue(outcome.detail().contains(e.getMessage()), outcome.detail());
        }
    }

    @Test
    void aTrailThatCannotWriteTheIntentSendsNothing() {
        try (Till till = new Till(dir, SupervisionPolicy.builder().build())) {
            till.trail.close();
            assertThrows(IllegalStateException.class, () -> await(till.desk.pay(LI, sale("A1", "12.00"))));
            assertEquals(List.of(), till.wallet.moneyCalls());
            assertEquals(Optional.empty(), till.engine.tradeForOrder("A1"));
        }
    }

    @Test
    void theEntriesSurviveAReopenAndTheChainGoesOn() {
        TrailHead head;
        List<TrailEntry> before;
        try (Till till = new Till(dir, SupervisionPolicy.builder().build())) {
            till.paid(LI, "A1", "12.00");
            await(till.desk.refund(LI, refund("A1", "R1", "2.00")));
            head = till.trail.head();
            before = till.trail.entries();
        }
        try (AuditTrail again = AuditTrail.open(dir.resolve("operators.trail"),
                AuditTrail.Options.durable(java.time.Clock.systemUTC()).expectedHead(head))) {
            assertTrue(again.verification().isIntact(), again.verification().breaks().toString());
            assertEquals(before, again.entries());
            assertEquals(head, again.head());
            TrailEntry note = again.note(LI, "", "shift closed");
            assertEquals(5, note.seq());
            assertInstanceOf(TrailEntry.class, note);
        }
        try (AuditTrail third = AuditTrail.open(dir.resolve("operators.trail"),
                AuditTrail.Options.durable(java.time.Clock.systemUTC()).expectedHead(head))) {
            assertTrue(third.verification().isIntact(), third.verification().breaks().toString());
            assertEquals(5, third.head().entries());
        }
    }

    @Test
    void aPaidOutcomeNamesItsTradeAndMethod() {
        try (Till till = new Till(dir, SupervisionPolicy.builder().build())) {
            DeskOutcome.Done<TradeOutcome> done = assertInstanceOf(DeskOutcome.Done.class,
                    await(till.desk.pay(LI, sale("A1", "12.00"))));
            assertEquals(Optional.of("alipay"), done.outcome().orElseThrow().methodId());
            assertEquals(done.result().record().orElseThrow().outTradeNo(),
                    done.outcome().orElseThrow().outTradeNo().orElseThrow());
        }
    }
}
