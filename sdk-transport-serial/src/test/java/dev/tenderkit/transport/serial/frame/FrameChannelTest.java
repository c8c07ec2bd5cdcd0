package dev.tenderkit.transport.serial.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.transport.serial.InMemoryLinkPair;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameChannelTest {

    private final ManualTaskScheduler scheduler = new ManualTaskScheduler(Instant.parse("2026-11-25T02:00:00Z"));
    private final InMemoryLinkPair pair = InMemoryLinkPair.create(scheduler);
    private final List<String> atHost = new ArrayList<>();
    private final List<String> atDevice = new ArrayList<>();
    private final FrameChannel host = channel(pair.hostEnd(), atHost);
    private final FrameChannel device = channel(pair.deviceEnd(), atDevice);

    private FrameChannel channel(dev.tenderkit.transport.serial.SerialLink link, List<String> sink) {
        return FrameChannel.builder(link).scheduler(scheduler)
                .receiver(payload -> sink.add(new String(payload, StandardCharsets.UTF_8))).build();
    }

    private void startBoth() {
        host.start();
        device.start();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void payloadsCrossInBothDirectionsAndAreAcknowledged() {
        startBoth();
        CompletableFuture<SendOutcome> toDevice = host.send(utf8("SALE 1"));
        CompletableFuture<SendOutcome> toHost = device.send(utf8("收到"));
        scheduler.runDueTasks();
        assertEquals(List.of("SALE 1"), atDevice);
        assertEquals(List.of("收到"), atHost);
        assertEquals(new SendOutcome.Delivered(1), toDevice.join());
        assertEquals(new SendOutcome.Delivered(1), toHost.join());
    }

    @Test
    void statsAreASnapshotThatLaterTrafficDoesNotChange() {
        startBoth();
        host.send(utf8("SALE 3"));
        scheduler.runDueTasks();
        FrameChannelStats afterOne = host.stats();
        host.send(utf8("SALE 4"));
        scheduler.runDueTasks();
        assertEquals(1, afterOne.framesSent());
        assertEquals(1, afterOne.delivered());
        assertEquals(2, host.stats().framesSent());
        assertEquals(2, host.stats().delivered());
        assertEquals(2, device.stats().received());
    }

    @Test
    void queuedPayloadsArriveInOrderOneAtATime() {
        startBoth();
        List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(host.send(utf8("m" + i)));
        }
        scheduler.runDueTasks();
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), atDevice);
        outcomes.forEach(o -> assertEquals(new SendOutcome.Delivered(1), o.join()));
    }

    @Test
    void aLostAckLeadsToARetransmissionThatIsAcknowledgedButNotDeliveredTwice() {
        startBoth();
        AtomicInteger toHost = new AtomicInteger();
        pair.setLineFault(pair.hostEnd(), bytes -> toHost.getAndIncrement() == 0 ? new byte[0] : bytes);
        CompletableFuture<SendOutcome> outcome = host.send(utf8("SALE 2"));
        scheduler.runDueTasks();
        assertEquals(List.of("SALE 2"), atDevice);
        assertEquals(false, outcome.isDone(), "the ACK was lost, so the host is still waiting");
        scheduler.advance(Duration.ofMillis(1000));
        assertEquals(new SendOutcome.Delivered(2), outcome.join());
        assertEquals(List.of("SALE 2"), atDevice);
        assertEquals(1, device.stats().duplicatesDropped());
        assertEquals(1, host.stats().retransmissions());
    }

    @Test
    void aFrameDamagedOnTheLineIsRefusedWithANakAndSentAgain() {
        startBoth();
        AtomicInteger toDevice = new AtomicInteger();
        pair.setLineFault(pair.deviceEnd(), bytes -> {
            if (toDevice.getAndIncrement() == 0) {
                byte[] damaged = bytes.clone();
                damaged[6] ^= 0x10;
                return damaged;
            }
            return bytes;
        });
        CompletableFuture<SendOutcome> outcome = host.send(utf8("REFUND 3"));
        scheduler.runDueTasks();
        assertEquals(new SendOutcome.Delivered(2), outcome.join(), "the NAK triggered the retransmission at once");
        assertEquals(List.of("REFUND 3"), atDevice);
        assertEquals(1, device.stats().naksSent());
        assertEquals(1, host.stats().naksReceived());
        assertEquals(0, device.stats().duplicatesDropped(), "the damaged frame was never accepted");
    }

    @Test
    void withNobodyAnsweringTheFrameIsUnconfirmedAfterTheBoundedRetransmissions() {
        host.start();
        pair.deviceEnd().open(bytes -> { });
        CompletableFuture<SendOutcome> outcome = host.send(utf8("VOID 4"));
        scheduler.advance(Duration.ofMillis(3999));
        assertEquals(false, outcome.isDone());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(new SendOutcome.Unconfirmed(4, SendOutcome.UnconfirmedReason.NO_ACKNOWLEDGEMENT), outcome.join());
        assertEquals(3, host.stats().retransmissions());
    }

    @Test
    void garbageBetweenFramesLosesNothing() {
        List<byte[]> raw = new ArrayList<>();
        pair.hostEnd().open(raw::add);
        device.start();
        pair.hostEnd().write(new byte[] {0x55, 0x02, 0x00, 0x03, (byte) 0xFF});
        pair.hostEnd().write(ChannelBody.dataFrame(false, 0, utf8("after noise")));
        pair.hostEnd().write(new byte[] {0x02, 0x02, 0x02});
        pair.hostEnd().write(ChannelBody.dataFrame(false, 1, utf8("and more")));
        scheduler.advance(Duration.ofMillis(500));
        assertEquals(List.of("after noise", "and more"), atDevice);
    }

    @Test
    void aFrameCutShortByTheNextIsNakedAndTheNextOneIsTakenWithoutWaiting() {
        List<byte[]> bodies = new ArrayList<>();
        FrameDecoder atHostEnd = new FrameDecoder(4096, bodies::add);
        pair.hostEnd().open(bytes -> atHostEnd.feed(bytes));
        device.start();
        byte[] cut = ChannelBody.dataFrame(false, 0, utf8("SALE|id=POS1-0007|amount=68800|order=ORDER-7"));
        pair.hostEnd().write(Arrays.copyOf(cut, 20));
        pair.hostEnd().write(ChannelBody.dataFrame(true, 0, utf8("SALE|id=POS1-0007|amount=68800|order=ORDER-7")));
        scheduler.runDueTasks();
        assertEquals(List.of("SALE|id=POS1-0007|amount=68800|order=ORDER-7"), atDevice);
        assertEquals(0, device.stats().partialFramesAbandoned(), "taken at once, not after the inter-byte timeout");
        assertEquals(1, device.stats().naksSent());
        assertEquals(List.of("15 00", "06 00"), bodies.stream().map(FrameChannelTest::hex).toList(), "NAK, then ACK 0");
    }

    private static String hex(byte[] body) {
        return java.util.HexFormat.ofDelimiter(" ").formatHex(body);
    }

    @Test
    void aPartialFrameIsDroppedOnlyAfterTheLineWasQuietForTheInterByteTimeout() {
        List<byte[]> raw = new ArrayList<>();
        pair.hostEnd().open(raw::add);
        device.start();
        byte[] frame = ChannelBody.dataFrame(false, 0, utf8("slow"));
        pair.hostEnd().write(Arrays.copyOfRange(frame, 0, 4));
        scheduler.advance(Duration.ofMillis(150));
        pair.hostEnd().write(Arrays.copyOfRange(frame, 4, 8));
        scheduler.advance(Duration.ofMillis(150));
        assertEquals(0, device.stats().partialFramesAbandoned(), "bytes kept coming within 200 ms");
        pair.hostEnd().write(Arrays.copyOfRange(frame, 8, frame.length));
        scheduler.runDueTasks();
        assertEquals(List.of("slow"), atDevice);

        pair.hostEnd().write(Arrays.copyOfRange(frame, 0, 5));
        scheduler.advance(Duration.ofMillis(199));
        assertEquals(0, device.stats().partialFramesAbandoned());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(1, device.stats().partialFramesAbandoned());
    }

    @Test
    void unpluggingEndsTheOutstandingFrameUnconfirmedAndTheQueuedOnesNotSent() {
        startBoth();
        pair.setLineFault(pair.deviceEnd(), bytes -> new byte[0]);
        CompletableFuture<SendOutcome> first = host.send(utf8("a"));
        CompletableFuture<SendOutcome> second = host.send(utf8("b"));
        pair.unplug();
        scheduler.runDueTasks();
        assertEquals(new SendOutcome.Unconfirmed(1, SendOutcome.UnconfirmedReason.LINK_LOST), first.join());
        assertEquals(new SendOutcome.NotSent(SendOutcome.NotSentReason.LINK_DOWN), second.join());
        CompletableFuture<SendOutcome> whileDown = host.send(utf8("c"));
        scheduler.runDueTasks();
        assertEquals(new SendOutcome.NotSent(SendOutcome.NotSentReason.LINK_DOWN), whileDown.join());

        pair.setLineFault(pair.deviceEnd(), bytes -> bytes);
        pair.plugIn();
        CompletableFuture<SendOutcome> afterwards = host.send(utf8("d"));
        scheduler.runDueTasks();
        assertEquals(new SendOutcome.Delivered(1), afterwards.join());
        assertEquals(List.of("d"), atDevice);
    }

    @Test
    void aFullQueueRefusesWithoutSending() {
        FrameChannel small = FrameChannel.builder(pair.hostEnd()).scheduler(scheduler)
                .settings(FrameChannelSettings.builder().maxQueuedFrames(1).build()).receiver(p -> { }).build();
        small.start();
        device.start();
        small.send(utf8("1"));
        small.send(utf8("2"));
        assertEquals(new SendOutcome.NotSent(SendOutcome.NotSentReason.QUEUE_FULL), small.send(utf8("3")).join());
        scheduler.runDueTasks();
        assertEquals(List.of("1", "2"), atDevice);
    }

    @Test
    void afterCloseNothingIsSent() {
        startBoth();
        host.close();
        assertEquals(new SendOutcome.NotSent(SendOutcome.NotSentReason.CLOSED), host.send(utf8("x")).join());
    }

    @Test
    void aPayloadAboveTheLimitIsRefused() {
        FrameChannel small = FrameChannel.builder(pair.hostEnd()).scheduler(scheduler)
                .settings(FrameChannelSettings.builder().maxPayloadLength(4).build()).receiver(p -> { }).build();
        assertThrows(IllegalArgumentException.class, () -> small.send(new byte[5]));
    }

    @Test
    void theBuilderNamesTheSettingThatCannotWork() {
        assertEquals("scheduler", assertThrows(ConfigurationException.class,
                () -> FrameChannel.builder(pair.hostEnd()).receiver(p -> { }).build()).setting());
        assertEquals("ackTimeout", assertThrows(ConfigurationException.class,
                () -> FrameChannelSettings.builder().ackTimeout(Duration.ZERO).build()).setting());
        assertEquals("maxRetransmissions", assertThrows(ConfigurationException.class,
                () -> FrameChannelSettings.builder().maxRetransmissions(11).build()).setting());
        assertEquals("maxPayloadLength", assertThrows(ConfigurationException.class,
                () -> FrameChannelSettings.builder().maxPayloadLength(65534).build()).setting());
        assertEquals("receiver", assertThrows(ConfigurationException.class,
                () -> FrameChannel.builder(pair.hostEnd()).scheduler(scheduler).build()).setting());
    }

    @Test
    void aFirstTransmissionIsNeverTakenForADuplicate() {
        startBoth();
        // 256 frames wrap the sequence number back to the value of the first one.
        for (int i = 0; i < 257; i++) {
            host.send(utf8("n" + i));
            scheduler.runDueTasks();
        }
        assertEquals(257, atDevice.size());
        assertEquals("n256", atDevice.get(256));
    }
}
