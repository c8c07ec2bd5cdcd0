package dev.tenderkit.core.operator;

import static dev.tenderkit.core.operator.Till.LI;
import static dev.tenderkit.core.operator.Till.WANG;
import static dev.tenderkit.core.operator.Till.ZHAO;
import static dev.tenderkit.core.operator.Till.await;
import static dev.tenderkit.core.operator.Till.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shift report adds up what the trail says, per operator and window. */
class ShiftReportTest {
    @TempDir
    Path dir;

    @Test
    void aCashiersShiftThroughTheDesk() {
        SupervisionPolicy policy = SupervisionPolicy.builder().refundApprovalAbove(Money.parse("5.00")).build();
        try (Till till = new Till(dir, policy)) {
            till.paid(LI, "EARLY", "99.00");   // before the window
            till.scheduler.advance(Duration.ofHours(1));
            Instant from = till.scheduler.now();
            till.paid(LI, "A1", "12.00");
            till.paid(LI, "A2", "30.00");
            till.paid(LI, "A3", "8.00");
            till.paid(ZHAO, "B1", "50.00");
            await(till.desk.refund(LI, refund("A1", "R1", "2.00")));   // under the threshold
            await(till.desk.refund(LI, refund("A2", "R1", "20.00")));  // approved by Wang
            till.answer = r -> CompletableFuture.completedFuture(new Authorisation.Declined("not without a receipt"));
            await(till.desk.refund(LI, refund("A2", "R2", "10.00")));  // declined
            till.answer = r -> CompletableFuture.completedFuture(new Authorisation.Approved(WANG, "CARD"));
            await(till.desk.cancel(LI, "A3"));                          // after payment: refunds 8.00
            Instant to = till.scheduler.now().plusSeconds(1);

            ShiftReport li = ShiftReport.of(till.trail, "c1", from, to);
            assertEquals(Map.of("alipay", new MethodTotal(3, Money.parse("50.00"))), li.payments());
            assertEquals(new MethodTotal(2, Money.parse("22.00")), li.refunds());
            assertEquals(new MethodTotal(1, Money.parse("8.00")), li.cancels());
            assertEquals(3, li.approvalsAsked());
            assertEquals(1, li.approvalsDeclined());
            assertEquals(0, li.approvalsGiven());
            assertEquals(0, li.unfinished());
            assertTrue(li.trailIntact());
            assertEquals(till.trail.head(), li.head());

            ShiftReport wang = ShiftReport.of(till.trail, "s1", from, to);
            assertEquals(2, wang.approvalsGiven());
            assertEquals(Map.of(), wang.payments());
            ShiftReport zhao = ShiftReport.of(till.trail, "c2", from, to);
            assertEquals(Map.of("alipay", new MethodTotal(1, Money.parse("50.00"))), zhao.payments());
            assertEquals(MethodTotal.NONE, zhao.refunds());
        }
    }

    @Test
    void paymentsAreTotalledPerMethodAndAnIntentWithoutOutcomeIsUnfinished() {
        Instant t0 = Instant.parse("2026-12-03T01:00:00Z");
        List<TrailEntry> entries = new ArrayList<>();
        entries.add(pay(1, t0, "alipay", "10.00"));
        entries.add(pay(2, t0.plusSeconds(1), "wechat_pay", "20.00"));
        entries.add(pay(3, t0.plusSeconds(2), "alipay", "5.50"));
        entries.add(new TrailEntry(4, t0.plusSeconds(3), EntryType.INTENT, Optional.of(DeskAction.PAY), LI,
                Optional.empty(), Optional.empty(), "X", Optional.empty(), Optional.empty(),
                Optional.of(Money.parse("1.00")), Optional.empty(), Optional.empty(), "", OptionalLong.empty()));
        ShiftReport r = ShiftReport.of(entries, "c1", t0, t0.plusSeconds(60), true, new TrailHead(4,
                TrailHash.GENESIS));
        assertEquals(Map.of("alipay", new MethodTotal(2, Money.parse("15.50")), "wechat_pay",
                new MethodTotal(1, Money.parse("20.00"))), r.payments());
        assertEquals(1, r.unfinished());
        assertEquals(List.of("alipay", "wechat_pay"), List.copyOf(r.payments().keySet()));
        InvalidInputException window = assertThrows(InvalidInputException.class,
                () -> ShiftReport.of(entries, "c1", t0, t0, true, new TrailHead(0, TrailHash.GENESIS)));
        assertEquals("to", window.field());
    }

    private static TrailEntry pay(long seq, Instant at, String method, String yuan) {
        return new TrailEntry(seq, at, EntryType.OUTCOME, Optional.of(DeskAction.PAY), LI, Optional.empty(),
                Optional.empty(), "O" + seq, Optional.of("T" + seq), Optional.empty(), Optional.of(Money.parse(yuan)),
                Optional.of(method), Optional.of(TrailResult.PAID), "", OptionalLong.empty());
    }
}
