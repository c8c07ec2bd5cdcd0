package dev.tenderkit.transport.serial.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.transport.serial.InMemoryLinkPair;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Both ends of the ECR link over the in-memory pair, with virtual time. */
class EcrLinkTest {

    private final ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.parse("2026-11-25T02:00:00Z"));
    private final InMemoryLinkPair pair = InMemoryLinkPair.create(scheduler);
    private final JournalingHandler handler = new JournalingHandler();
    private final EcrHost host = EcrHost.builder(pair.hostEnd()).scheduler(scheduler)
            .transactionTimeout(Duration.ofSeconds(60)).build();
    private final EcrDevice device = EcrDevice.builder(pair.deviceEnd()).scheduler(scheduler)
            .handler(handler).build();

    private EcrResponse answered(CompletableFuture<EcrOutcome> outcome) {
        scheduler.runDueTasks();
        assertTrue(outcome.isDone(), "no outcome yet");
        return assertInstanceOf(EcrOutcome.Answered.class, outcome.join()).response();
    }

    @Test
    void aSaleIsRunByTheHandlerAndItsResultComesBack() {
        host.start();
        device.start();
        EcrResponse response = answered(host.sale("R1", Money.parse("688.00"), "ORDER-1"));
        assertEquals(EcrResponse.TransactionResult.approved("R1", Money.parse("688.00"), "TR1", "花呗"), response);
        assertEquals(1, handler.calls.size());
    }

    @Test
    void refundAndVoidReachTheHandlerToo() {
        host.start();
        device.start();
        answered(host.refund("R2", Money.parse("10.00"), "T100"));
        answered(host.voidTrade("R3", "T101"));
        assertEquals(new EcrRequest.Refund("R2", Money.parse("10.00"), "T100"), handler.calls.get(0));
        assertEquals(new EcrRequest.VoidTrade("R3", "T101"), handler.calls.get(1));
    }

    @Test
    void noAnswerWithinTheTimeoutIsUnknownAndTheLastResultQueryTellsTheOutcome() {
        host.start();
        device.start();
        handler.approveAtOnce = false;
        CompletableFuture<EcrOutcome> sale = host.sale("R4", Money.parse("88.00"), "ORDER-4");
        scheduler.advance(Duration.ofSeconds(60));
        assertInstanceOf(EcrOutcome.Unknown.class, sale.join());

        EcrResponse.LastResult running = (EcrResponse.LastResult) answered(host.lastResult("Q1", "R4"));
        assertEquals(TransactionStatus.IN_PROGRESS, running.result().orElseThrow().status());

        handler.approve("R4", Money.parse("88.00"));
        scheduler.runDueTasks();
        EcrResponse.LastResult done = (EcrResponse.LastResult) answered(host.lastResult("Q2", "R4"));
        assertEquals(TransactionStatus.APPROVED, done.result().orElseThrow().status());
        assertEquals(Optional.of("花呗"), done.result().orElseThrow().fundingSource());
    }

    @Test
    void aSaleRepeatedWithTheSameIdIsAnsweredFromTheRecordAndNeverChargedTwice() {
        host.start();
        device.start();
        EcrResponse first = answered(host.sale("R5", Money.parse("20.00"), "ORDER-5"));
        EcrResponse again = answered(host.sale("R5", Money.parse("20.00"), "ORDER-5"));
        assertEquals(first, again);
        assertEquals(1, handler.calls.size());
    }

    @Test
    void aRequestTheTerminalNeverSawIsReportedAsNotFound() {
        host.start();
        device.start();
        EcrResponse.LastResult none = (EcrResponse.LastResult) answered(host.lastResult("Q3", "NEVER"));
        assertEquals(Optional.empty(), none.result());
    }

    @Test
    void anotherSaleWhileOneIsRunningIsRejectedBusyAndStatusSaysBusy() {
        host.start();
        device.start();
        handler.approveAtOnce = false;
        host.sale("R6", Money.parse("1.00"), "ORDER-6");
        scheduler.runDueTasks();
        EcrResponse busy = answered(host.sale("R7", Money.parse("2.00"), "ORDER-7"));
        assertEquals(RejectReason.BUSY, ((EcrResponse.Rejected) busy).reason());
        assertEquals(new EcrResponse.TerminalStatus("S1", TerminalState.BUSY), answered(host.status("S1")));
        assertEquals(1, handler.calls.size());
    }

    @Test
    void aFailingHandlerIsReportedUnknownNeverDeclined() {
        host.start();
        device.start();
        handler.approveAtOnce = false;
        CompletableFuture<EcrOutcome> sale = host.sale("R8", Money.parse("5.00"), "ORDER-8");
        scheduler.runDueTasks();
        handler.fail("R8", new IllegalStateException("gateway outcome unknown"));
        EcrResponse.TransactionResult result = (EcrResponse.TransactionResult) answered(sale);
        assertEquals(TransactionStatus.UNKNOWN, result.status());
    }

    @Test
    void anUnreadableRequestIsRejectedNamingTheField() {
        java.util.List<byte[]> atCashRegister = new java.util.ArrayList<>();
        dev.tenderkit.transport.serial.frame.FrameChannel raw = dev.tenderkit.transport.serial.frame.FrameChannel
                .builder(pair.hostEnd()).scheduler(scheduler).receiver(atCashRegister::add)
                .build();
        raw.start();
        device.start();
        raw.send("SALE\u001Fid=R9\u001Famount=12.50\u001Forder=O9".getBytes(StandardCharsets.UTF_8));
        scheduler.runDueTasks();
        EcrResponse.Rejected rejected = (EcrResponse.Rejected) EcrMessageCodec.decodeResponse(atCashRegister.get(0));
        assertEquals("R9", rejected.requestId());
        assertEquals(RejectReason.BAD_REQUEST, rejected.reason());
        assertTrue(rejected.detail().startsWith("amount:"), rejected.detail());
        assertEquals(0, handler.calls.size());
    }

    @Test
    void withTheLinkDownTheRequestIsNotSentAndSafeToRepeat() {
        host.start();
        device.start();
        pair.unplug();
        CompletableFuture<EcrOutcome> sale = host.sale("R10", Money.parse("3.00"), "ORDER-10");
        scheduler.runDueTasks();
        assertInstanceOf(EcrOutcome.NotSent.class, sale.join());
        pair.plugIn();
        assertInstanceOf(EcrResponse.TransactionResult.class, answered(host.sale("R10", Money.parse("3.00"), "ORDER-10")));
    }

    @Test
    void aRequestIdCannotWaitTwice() {
        host.start();
        device.start();
        handler.approveAtOnce = false;
        host.sale("R11", Money.parse("3.00"), "ORDER-11");
        assertThrows(IllegalArgumentException.class, () -> host.sale("R11", Money.parse("3.00"), "ORDER-11"));
    }

    @Test
    void theBuildersNameTheMissingSetting() {
        assertEquals("handler", assertThrows(ConfigurationException.class,
                () -> EcrDevice.builder(pair.deviceEnd()).scheduler(scheduler).build()).setting());
        assertEquals("scheduler", assertThrows(ConfigurationException.class,
                () -> EcrHost.builder(pair.hostEnd()).build()).setting());
    }
}
