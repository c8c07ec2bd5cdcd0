package dev.tenderkit.transport.serial.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.transport.serial.JSerialCommLink;
import dev.tenderkit.transport.serial.LinkState;
import dev.tenderkit.transport.serial.LinkStateChange;
import dev.tenderkit.transport.serial.ReconnectBackoff;
import dev.tenderkit.transport.serial.SerialPortSettings;
import dev.tenderkit.transport.serial.SocatPair;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The frame protocol on real pseudo-terminal pairs made by socat: one end a {@link FrameChannel}, the other raw or a channel too. */
class PseudoTerminalFrameTest {

    private static final SerialPortSettings FAST = SerialPortSettings.builder().baudRate(115200).build();
    private static final ReconnectBackoff QUICK = new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private SocatPair socat;
    private ExecutorTaskScheduler scheduler;
    private JSerialCommLink linkA;
    private JSerialCommLink linkB;
    private final BlockingQueue<String> atB = new LinkedBlockingQueue<>();
    private FrameChannel channelB;

    @BeforeEach
    void setUp() throws Exception {
        socat = SocatPair.start();
        scheduler = ExecutorTaskScheduler.create("pty-frame-test", 1);
        linkA = JSerialCommLink.builder(socat.a()).settings(FAST).reconnectBackoff(QUICK).scheduler(scheduler).build();
        linkB = JSerialCommLink.builder(socat.b()).settings(FAST).reconnectBackoff(QUICK).scheduler(scheduler).build();
        channelB = channel(linkB, atB);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (socat == null) {
            return; // setUp skipped: socat is not installed
        }
        channelB.close();
        linkA.close();
        scheduler.close();
        socat.close();
    }

    private FrameChannel channel(JSerialCommLink link, BlockingQueue<String> sink) {
        return FrameChannel.builder(link).scheduler(scheduler).settings(FrameChannelSettings.builder()
                        .ackTimeout(Duration.ofMillis(300)).interByteTimeout(Duration.ofMillis(100)).build())
                .receiver(p -> sink.add(new String(p, StandardCharsets.UTF_8))).build();
    }

    /** Opens linkA raw; returns the queue of channel bodies (ACK, NAK, data) it decodes. */
    private BlockingQueue<byte[]> openRawA() {
        BlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();
        FrameDecoder decoder = new FrameDecoder(4096, bodies::add);
        linkA.open(bytes -> decoder.feed(bytes, 0, bytes.length));
        return bodies;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] poll(BlockingQueue<byte[]> queue) throws InterruptedException {
        byte[] body = queue.poll(5, TimeUnit.SECONDS);
        if (body == null) {
            throw new AssertionError("nothing arrived within 5 s");
        }
        return body;
    }

    @Test
    void framesRoundTripBetweenTwoChannels() throws Exception {
        BlockingQueue<String> atA = new LinkedBlockingQueue<>();
        FrameChannel channelA = channel(linkA, atA);
        channelA.start();
        channelB.start();
        assertEquals(new SendOutcome.Delivered(1), channelA.send(utf8("SALE 88.00 花呗")).get(5, TimeUnit.SECONDS));
        assertEquals("SALE 88.00 花呗", atB.poll(5, TimeUnit.SECONDS));
        assertEquals(new SendOutcome.Delivered(1), channelB.send(utf8("APPROVED")).get(5, TimeUnit.SECONDS));
        assertEquals("APPROVED", atA.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void injectedGarbageAroundFramesCostsAtMostOneNakEachAndEveryFrameIsAcknowledged() throws Exception {
        BlockingQueue<byte[]> atA = openRawA();
        channelB.start();
        byte[] garbage = {0x02, (byte) 0xFF, 0x7F, 0x03, 0x02, 0x00, 0x01, 0x15, 0x06};
        linkA.write(garbage);
        linkA.write(ChannelBody.dataFrame(false, 0, utf8("first")));
        linkA.write(garbage);
        linkA.write(ChannelBody.dataFrame(false, 1, utf8("second")));
        assertEquals("first", atB.poll(5, TimeUnit.SECONDS));
        assertEquals("second", atB.poll(5, TimeUnit.SECONDS));
        // The garbage starts with a plausible frame start (STX, length 0xFF7F) that the next frame cuts
        // short: the decoder cannot tell that from a frame whose tail was lost, and NAKs it once so a
        // sender would resend at once (sequence numbers make a resend harmless). Nothing else.
        int naks = 0;
        for (int ack = 0; ack < 2; ) {
            byte[] reply = poll(atA);
            if (reply[0] == ChannelBody.NAK) {
                naks++;
                continue;
            }
            assertArrayEquals(new byte[] {ChannelBody.ACK, (byte) ack}, reply);
            ack++;
        }
        assertTrue(naks <= 2, "at most one NAK per burst of garbage, got " + naks);
    }

    @Test
    void aDamagedFrameIsAnsweredWithANak() throws Exception {
        BlockingQueue<byte[]> atA = openRawA();
        channelB.start();
        byte[] frame = ChannelBody.dataFrame(false, 0, utf8("damaged"));
        frame[7] ^= 0x04;
        linkA.write(frame);
        assertEquals(ChannelBody.NAK, poll(atA)[0]);
        assertNull(atB.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void aLostAckIsRecoveredByRetransmission() throws Exception {
        BlockingQueue<byte[]> atA = openRawA();
        FrameChannel channelBAsSender = channelB;
        channelBAsSender.start();
        var outcome = channelBAsSender.send(utf8("RESULT APPROVED"));
        byte[] first = poll(atA);
        assertEquals(ChannelBody.DATA, first[0]);
        // Say nothing, as if our ACK had been lost: the sender must try again, marked as a retransmission.
        byte[] again = poll(atA);
        assertEquals(ChannelBody.DATA_AGAIN, again[0]);
        assertEquals(first[1], again[1]);
        assertArrayEquals(Arrays.copyOfRange(first, 2, first.length), Arrays.copyOfRange(again, 2, again.length));
        linkA.write(ChannelBody.ack(again[1] & 0xFF));
        assertEquals(new SendOutcome.Delivered(2), outcome.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aDuplicateFrameIsAcknowledgedAgainButDeliveredOnce() throws Exception {
        BlockingQueue<byte[]> atA = openRawA();
        channelB.start();
        linkA.write(ChannelBody.dataFrame(false, 7, utf8("VOID T1")));
        assertArrayEquals(new byte[] {ChannelBody.ACK, 7}, poll(atA));
        linkA.write(ChannelBody.dataFrame(true, 7, utf8("VOID T1")));
        assertArrayEquals(new byte[] {ChannelBody.ACK, 7}, poll(atA));
        linkA.write(ChannelBody.dataFrame(false, 8, utf8("STATUS")));
        assertArrayEquals(new byte[] {ChannelBody.ACK, 8}, poll(atA));
        assertEquals("VOID T1", atB.poll(5, TimeUnit.SECONDS));
        assertEquals("STATUS", atB.poll(5, TimeUnit.SECONDS));
        assertNull(atB.poll(100, TimeUnit.MILLISECONDS));
        assertEquals(1, channelB.stats().duplicatesDropped());
    }

    @Test
    void thePeerVanishingMidFrameIsDetectedAndFramesFlowAgainAfterReconnection() throws Exception {
        BlockingQueue<LinkStateChange> changes = new LinkedBlockingQueue<>();
        linkB.addStateListener(changes::add);
        BlockingQueue<byte[]> atA = openRawA();
        channelB.start();
        assertEquals(LinkState.OPEN, changes.poll(5, TimeUnit.SECONDS).current());

        byte[] frame = ChannelBody.dataFrame(false, 0, utf8("half of a sale"));
        linkA.write(Arrays.copyOf(frame, frame.length / 2));
        var pending = channelB.send(utf8("in flight"));
        poll(atA); // the device's frame left; the vanishing peer will never acknowledge it
        socat.kill();
        LinkStateChange lost = changes.poll(5, TimeUnit.SECONDS);
        assertEquals(LinkState.RECONNECTING, lost == null ? null : lost.current(), "the vanished peer was not noticed");
        assertEquals(new SendOutcome.Unconfirmed(1, SendOutcome.UnconfirmedReason.LINK_LOST),
                pending.get(5, TimeUnit.SECONDS));

        socat.restart();
        LinkStateChange back = changes.poll(5, TimeUnit.SECONDS);
        assertEquals(LinkState.OPEN, back == null ? null : back.current(), "the link did not come back");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (linkA.state() != LinkState.OPEN && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        linkA.write(ChannelBody.dataFrame(false, 1, utf8("whole sale")));
        assertEquals("whole sale", atB.poll(5, TimeUnit.SECONDS));
        assertNull(atB.poll(100, TimeUnit.MILLISECONDS), "the half frame from before must never be delivered");
    }
}
