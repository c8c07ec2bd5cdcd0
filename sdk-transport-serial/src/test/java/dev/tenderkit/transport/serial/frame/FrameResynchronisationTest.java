package dev.tenderkit.transport.serial.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A frame damaged on the line never costs the frame after it, and what was damaged is reported once. */
class FrameResynchronisationTest {

    private final List<byte[]> frames = new ArrayList<>();
    private int checkFailures;
    private int cutShort;
    private final FrameDecoder decoder = new FrameDecoder(1024, new FrameDecoder.Listener() {
        @Override
        public void frame(byte[] payload) {
            frames.add(payload);
        }

        @Override
        public void checkFailed() {
            checkFailures++;
        }

        @Override
        public void cutShort() {
            cutShort++;
        }
    });

    private static final byte[] COMPLETE = {'O', 'K', 2, 0, 1};

    @Test
    void aFrameCutShortThenACompleteFrameDeliversTheCompleteOneAtOnce() {
        byte[] cut = FrameEncoder.encode(new byte[600]);
        byte[] complete = FrameEncoder.encode(COMPLETE);
        decoder.feed(concat(Arrays.copyOf(cut, 40), complete));
        // Delivered on its last byte: neither the 600 bytes the cut frame announced nor a quiet line were awaited.
        assertEquals(1, frames.size());
        assertArrayEquals(COMPLETE, frames.get(0));
        assertEquals(1, cutShort, "the frame cut short is reported (a NAK) once");
        assertEquals(0, checkFailures);
        assertEquals(40, decoder.bytesDiscarded());
        assertFalse(decoder.isMidFrame());
    }

    @Test
    void aFrameCutAtAnyByteNeverCostsTheCompleteFrameAfterIt() {
        byte[] cut = FrameEncoder.encode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        byte[] complete = FrameEncoder.encode(COMPLETE);
        for (int kept = 1; kept < cut.length; kept++) {
            frames.clear();
            decoder.feed(concat(Arrays.copyOf(cut, kept), complete));
            assertEquals(1, frames.size(), "cut after " + kept + " bytes");
            assertArrayEquals(COMPLETE, frames.get(0), "cut after " + kept + " bytes");
        }
    }

    @Test
    void aFrameWhoseLastCheckByteWasLostAndIsStxDoesNotSwallowTheNextFrame() {
        // The cut frame's last byte (an STX-valued CRC byte) is lost; the next frame's STX completes it.
        byte[] payload = payloadWhoseFrameEndsWithStx();
        byte[] cut = FrameEncoder.encode(payload);
        byte[] complete = FrameEncoder.encode(COMPLETE);
        decoder.feed(concat(Arrays.copyOf(cut, cut.length - 1), complete));
        assertEquals(2, frames.size());
        assertArrayEquals(payload, frames.get(0), "its LENGTH, payload, ETX and CHECK are the sender's: intact");
        assertArrayEquals(COMPLETE, frames.get(1));
    }

    @Test
    void aFrameEndingWithAnStxFollowedByAnotherFrameIsNotReportedDamaged() {
        byte[] payload = payloadWhoseFrameEndsWithStx();
        decoder.feed(concat(FrameEncoder.encode(payload), FrameEncoder.encode(COMPLETE), FrameEncoder.encode(payload)));
        assertEquals(3, frames.size());
        assertEquals(0, cutShort);
        assertEquals(0, checkFailures);
        assertEquals(0, decoder.bytesDiscarded());
    }

    @Test
    void anStxInsideAPayloadWithAPlausibleLengthDoesNotHideTheFrame() {
        // 02 00 04 inside the payload starts a candidate of length 4 that ends past this frame.
        byte[] payload = {9, 2, 0, 4, 3, 3};
        decoder.feed(concat(FrameEncoder.encode(payload), FrameEncoder.encode(COMPLETE)));
        assertEquals(2, frames.size());
        assertArrayEquals(payload, frames.get(0));
        assertEquals(0, cutShort);
        assertEquals(0, checkFailures);
    }

    @Test
    void aDamagedFrameBetweenGarbageAndAFrameIsNakedOnce() {
        byte[] damaged = FrameEncoder.encode(new byte[] {5, 5, 5});
        damaged[4] ^= 0x10;
        byte[] garbage = {FrameFormat.STX, 0x00, 0x30};
        decoder.feed(concat(garbage, damaged, FrameEncoder.encode(COMPLETE)));
        assertEquals(1, frames.size());
        assertEquals(1, checkFailures + cutShort, "one NAK for the damage, not one per candidate");
    }

    @Test
    void aQuietLineAfterADamagedCandidateInsideAnotherReportsTheDamage() {
        byte[] damaged = FrameEncoder.encode(new byte[] {5, 5, 5});
        damaged[5] ^= 0x01;
        decoder.feed(concat(new byte[] {FrameFormat.STX, 0x00, 0x40}, damaged));
        assertEquals(0, checkFailures, "still enclosed by a candidate that may be a real frame");
        decoder.discardPartialFrame();
        assertEquals(1, checkFailures);
        assertEquals(0, frames.size());
    }

    @Test
    void aFrameEndingWithAnStxDoesNotLeaveTheDecoderMidFrame() {
        decoder.feed(FrameEncoder.encode(payloadWhoseFrameEndsWithStx()));
        assertEquals(1, frames.size());
        assertFalse(decoder.isMidFrame(), "no inter-byte timer is needed for the STX in its CHECK");
    }

    @Test
    void aListenerThatThrowsLeavesTheDecoderUsable() {
        FrameDecoder throwing = new FrameDecoder(64, payload -> {
            frames.add(payload);
            if (payload[0] == 1) {
                throw new IllegalStateException("listener failed");
            }
        });
        byte[] cut = Arrays.copyOf(FrameEncoder.encode(new byte[40]), 12);
        assertThrows(IllegalStateException.class, () -> throwing.feed(concat(cut, FrameEncoder.encode(new byte[] {1}))));
        for (int i = 0; i < 300; i++) { // more than the decoder's window: nothing was left stranded in it
            throwing.feed(FrameEncoder.encode(new byte[] {2, (byte) i}));
        }
        assertEquals(301, frames.size());
    }

    static byte[] payloadWhoseFrameEndsWithStx() {
        for (int i = 0; ; i++) {
            byte[] payload = {(byte) i, (byte) (i >>> 8), 0x5A};
            byte[] frame = FrameEncoder.encode(payload);
            if (frame[frame.length - 1] == FrameFormat.STX) {
                return payload;
            }
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
