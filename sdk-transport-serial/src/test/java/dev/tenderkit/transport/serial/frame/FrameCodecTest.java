package dev.tenderkit.transport.serial.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private final List<byte[]> frames = new ArrayList<>();
    private int checkFailures;
    private final FrameDecoder decoder = new FrameDecoder(1024, new FrameDecoder.Listener() {
        @Override
        public void frame(byte[] payload) {
            frames.add(payload);
        }

        @Override
        public void checkFailed() {
            checkFailures++;
        }
    });

    @Test
    void frameLayoutIsStxLengthPayloadEtxCrc32OverLengthToEtx() {
        byte[] frame = FrameEncoder.encode("AB".getBytes(StandardCharsets.US_ASCII));
        // CRC-32 of 00 02 41 42 03, computed independently with `python3 -c "import zlib;print(hex(zlib.crc32(bytes([0,2,0x41,0x42,3]))))"`
        assertEquals("0200024142034635a45c", HexFormat.of().formatHex(frame));
    }

    @Test
    void crcIsTheIsoHdlcCrc32() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xCBF43926L, crc.getValue());
    }

    @Test
    void anEmptyPayloadIsAFrame() {
        decoder.feed(FrameEncoder.encode(new byte[0]));
        assertEquals(1, frames.size());
        assertEquals(0, frames.get(0).length);
    }

    @Test
    void aFrameSplitIntoSingleBytesIsReassembled() {
        byte[] frame = FrameEncoder.encode(new byte[] {2, 3, 2, 3, 0x10});
        for (byte b : frame) {
            decoder.feed(new byte[] {b});
        }
        assertArrayEquals(new byte[] {2, 3, 2, 3, 0x10}, frames.get(0));
    }

    @Test
    void mergedFramesInOneReadAreAllDelivered() {
        byte[] a = FrameEncoder.encode(new byte[] {1});
        byte[] b = FrameEncoder.encode(new byte[] {2, 2});
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        decoder.feed(both);
        assertEquals(2, frames.size());
        assertArrayEquals(new byte[] {2, 2}, frames.get(1));
    }

    @Test
    void garbageBeforeAFrameIsSkipped() {
        decoder.feed(new byte[] {0x55, 0x03, 0x7F});
        decoder.feed(FrameEncoder.encode(new byte[] {9}));
        assertEquals(1, frames.size());
        assertEquals(3, decoder.bytesDiscarded());
    }

    @Test
    void aFalseStxInGarbageDoesNotHideTheRealFrameBehindIt() {
        // STX then a plausible length of 5: the candidate swallows the start of the real frame, fails, and is rescanned.
        byte[] real = FrameEncoder.encode(new byte[] {7, 7, 7});
        byte[] stream = new byte[3 + real.length];
        stream[0] = 0x02;
        stream[1] = 0x00;
        stream[2] = 0x05;
        System.arraycopy(real, 0, stream, 3, real.length);
        decoder.feed(stream);
        assertEquals(1, frames.size());
        assertArrayEquals(new byte[] {7, 7, 7}, frames.get(0));
    }

    @Test
    void aFlippedPayloadBitIsACheckFailureAndNothingIsDelivered() {
        byte[] frame = FrameEncoder.encode(new byte[] {10, 20, 30});
        frame[4] ^= 0x01;
        decoder.feed(frame);
        assertEquals(0, frames.size());
        assertEquals(1, checkFailures);
    }

    @Test
    void twoFlipsOfTheSameBitThatAnXorLrcWouldMissAreCaught() {
        byte[] frame = FrameEncoder.encode(new byte[] {10, 20, 30});
        frame[3] ^= 0x40;
        frame[5] ^= 0x40;
        decoder.feed(frame);
        assertEquals(0, frames.size());
        assertEquals(1, checkFailures);
    }

    @Test
    void aLengthAboveTheLimitIsGarbage() {
        FrameDecoder small = new FrameDecoder(2, payload -> frames.add(payload));
        small.feed(FrameEncoder.encode(new byte[] {1, 2, 3}));
        small.feed(FrameEncoder.encode(new byte[] {1, 2}));
        assertEquals(1, frames.size());
        assertArrayEquals(new byte[] {1, 2}, frames.get(0));
    }

    @Test
    void aPartialFrameDiscardedAfterSilenceLetsTheNextFrameThrough() {
        byte[] frame = FrameEncoder.encode(new byte[] {1, 2, 3});
        decoder.feed(frame, 0, 5);
        assertEquals(true, decoder.isMidFrame());
        decoder.discardPartialFrame();
        assertEquals(false, decoder.isMidFrame());
        decoder.feed(frame);
        assertEquals(1, frames.size());
    }

    @Test
    void encodingRefusesAPayloadAboveTheLengthField() {
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.encode(new byte[FrameFormat.MAX_PAYLOAD_LENGTH + 1]));
    }

    @Test
    void feedingOutsideTheArrayIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> decoder.feed(new byte[4], 2, 3));
    }
}
