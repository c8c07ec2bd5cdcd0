package dev.tenderkit.transport.serial.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Streams of frames damaged at the byte level, with truncation weighted heavily (a frame losing its
 * last 1 to 4 bytes, or cut anywhere): the decoder never delivers a payload that was not sent, and
 * delivers every untouched frame in the very read that carries its last byte, without waiting for
 * a quiet line. An undamaged stream never makes it report damage.
 */
class FrameDecoderDamagePropertyTest {

    private static final long SEED = 0x7A11C0DEL;
    private static final int TRIALS = 20_000;

    @Test
    void damageNeverLetsACorruptedPayloadThroughNorCostsAnUntouchedFrame() {
        Random random = new Random(SEED);
        long stxTailsLost = 0;
        long untouchedAfterDamage = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Stream stream = new Stream(random, random.nextInt(8) != 0);
            Recorder recorder = new Recorder();
            FrameDecoder decoder = new FrameDecoder(300, recorder);
            try {
                stream.feedTo(decoder, recorder, random);
                decoder.discardPartialFrame();
            } catch (RuntimeException e) {
                fail("trial " + trial + ": the decoder threw " + e, e);
            }
            untouchedAfterDamage += stream.check(trial, recorder);
            if (!stream.anyDamage()) {
                assertEquals(stream.garbage, decoder.bytesDiscarded(), "trial " + trial);
                if (stream.garbage == 0) {
                    assertEquals(0, recorder.naks, "trial " + trial + ": a clean stream was reported damaged");
                }
            }
            stxTailsLost += stream.stxTailsLost;
        }
        assertTrue(stxTailsLost >= 500, "frames whose lost last byte was an STX, completed by the next: " + stxTailsLost);
        assertTrue(untouchedAfterDamage >= TRIALS / 2, "untouched frames after a damaged one: " + untouchedAfterDamage);
    }

    /** What the decoder handed out, and at which read. */
    private static final class Recorder implements FrameDecoder.Listener {
        final List<byte[]> payloads = new ArrayList<>();
        /** For each payload, the stream positions the read that delivered it began and ended at. */
        final List<int[]> reads = new ArrayList<>();
        int readStart;
        int readEnd;
        int naks;

        @Override
        public void frame(byte[] payload) {
            payloads.add(payload);
            reads.add(new int[] {readStart, readEnd});
        }

        @Override
        public void checkFailed() {
            naks++;
        }

        @Override
        public void cutShort() {
            naks++;
        }
    }

    /** A random stream: frames, some damaged, garbage between some. */
    private static final class Stream {
        final List<byte[]> sent = new ArrayList<>();
        final List<Boolean> damaged = new ArrayList<>();
        /** For each sent frame, the stream position of its last byte, or -1 if that byte is gone. */
        final List<Integer> lastByte = new ArrayList<>();
        final ByteList bytes = new ByteList();
        long garbage;
        long stxTailsLost;

        Stream(Random random, boolean withDamage) {
            int frames = 2 + random.nextInt(5);
            for (int f = 0; f < frames; f++) {
                if (random.nextInt(6) == 0) {
                    int count = 1 + random.nextInt(6);
                    for (int i = 0; i < count; i++) {
                        bytes.add(random.nextInt(3) == 0 ? FrameFormat.STX : (byte) random.nextInt(256));
                    }
                    garbage += count;
                }
                byte[] payload = new byte[4 + random.nextInt(random.nextInt(4) == 0 ? 280 : 24)];
                random.nextBytes(payload);
                payload[0] = (byte) f;
                payload[1] = (byte) 0xC3;
                if (random.nextInt(4) == 0) {
                    endWithStx(payload); // the case where losing the last byte lets the next STX complete the frame
                }
                sent.add(payload);
                byte[] frame = FrameEncoder.encode(payload);
                boolean damage = withDamage && random.nextInt(3) == 0;
                damaged.add(damage);
                byte[] onLine = damage ? damage(frame, random) : frame;
                if (damage && onLine.length == frame.length - 1 && frame[frame.length - 1] == FrameFormat.STX
                        && Arrays.equals(onLine, Arrays.copyOf(frame, onLine.length))) {
                    stxTailsLost++;
                }
                bytes.addAll(onLine);
                lastByte.add(damage ? -1 : bytes.size() - 1);
            }
        }

        /** Changes the payload's last two bytes until its frame's last CHECK byte is an STX. */
        private static void endWithStx(byte[] payload) {
            for (int v = 0; v < 0x10000; v++) {
                payload[payload.length - 2] = (byte) (v >>> 8);
                payload[payload.length - 1] = (byte) v;
                byte[] frame = FrameEncoder.encode(payload);
                if (frame[frame.length - 1] == FrameFormat.STX) {
                    return;
                }
            }
        }

        private static byte[] damage(byte[] frame, Random random) {
            int at = 1 + random.nextInt(frame.length - 1);
            switch (random.nextInt(8)) {
                case 0, 1 -> { // lose the last byte
                    return Arrays.copyOf(frame, frame.length - 1);
                }
                case 2 -> { // lose the last 1..4 bytes
                    return Arrays.copyOf(frame, frame.length - 1 - random.nextInt(4));
                }
                case 3 -> { // cut anywhere
                    return Arrays.copyOf(frame, at);
                }
                case 4 -> { // lose one byte
                    byte[] out = new byte[frame.length - 1];
                    System.arraycopy(frame, 0, out, 0, at);
                    System.arraycopy(frame, at + 1, out, at, frame.length - at - 1);
                    return out;
                }
                case 5 -> { // a byte becomes STX (or flips a bit, if it was one)
                    byte[] out = frame.clone();
                    out[at] = out[at] == FrameFormat.STX ? (byte) (out[at] ^ 0x40) : FrameFormat.STX;
                    return out;
                }
                case 6 -> { // one flipped bit
                    byte[] out = frame.clone();
                    out[at] ^= (byte) (1 << random.nextInt(8));
                    return out;
                }
                default -> { // a spurious STX inserted
                    byte[] out = new byte[frame.length + 1];
                    System.arraycopy(frame, 0, out, 0, at);
                    out[at] = FrameFormat.STX;
                    System.arraycopy(frame, at, out, at + 1, frame.length - at);
                    return out;
                }
            }
        }

        boolean anyDamage() {
            return damaged.contains(true);
        }

        void feedTo(FrameDecoder decoder, Recorder recorder, Random random) {
            byte[] all = bytes.toArray();
            int position = 0;
            while (position < all.length) {
                int chunk = Math.min(all.length - position, 1 + random.nextInt(random.nextBoolean() ? 4 : 200));
                recorder.readStart = position;
                recorder.readEnd = position + chunk;
                decoder.feed(all, position, chunk);
                position += chunk;
            }
            recorder.readStart = Integer.MAX_VALUE;
            recorder.readEnd = Integer.MAX_VALUE;
        }

        /** @return how many untouched frames followed a damaged one */
        long check(int trial, Recorder recorder) {
            int next = 0;
            List<int[]> deliveredAt = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                deliveredAt.add(null);
            }
            for (int d = 0; d < recorder.payloads.size(); d++) {
                byte[] payload = recorder.payloads.get(d);
                int index = indexOf(payload, next);
                if (index < 0) {
                    fail("trial " + trial + ": delivered a payload that was not sent, or out of order, or twice: "
                            + Arrays.toString(Arrays.copyOf(payload, Math.min(12, payload.length))));
                }
                deliveredAt.set(index, recorder.reads.get(d));
                next = index + 1;
            }
            long afterDamage = 0;
            boolean seenDamage = false;
            for (int f = 0; f < sent.size(); f++) {
                seenDamage |= damaged.get(f);
                if (damaged.get(f)) {
                    continue;
                }
                afterDamage += seenDamage ? 1 : 0;
                int last = lastByte.get(f);
                int[] read = deliveredAt.get(f);
                if (read == null) {
                    fail("trial " + trial + ": frame " + f + " was not touched but was not delivered");
                }
                if (read[0] > last || read[1] <= last) {
                    fail("trial " + trial + ": frame " + f + " was not delivered by the read carrying its last byte");
                }
            }
            return afterDamage;
        }

        private int indexOf(byte[] payload, int from) {
            for (int i = from; i < sent.size(); i++) {
                if (Arrays.equals(sent.get(i), payload)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A growable byte array. */
    private static final class ByteList {
        private byte[] data = new byte[256];
        private int size;

        void add(byte b) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = b;
        }

        void addAll(byte[] bytes) {
            for (byte b : bytes) {
                add(b);
            }
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
