package dev.tenderkit.transport.serial.frame;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For thousands of random streams of frames, damaged at random (flipped bits, dropped bytes,
 * inserted bytes and runs of garbage rich in STX and ETX) and read back in random splits and
 * merges, the decoder delivers only payloads that were sent, in order and at most once, delivers
 * every frame whose bytes were not touched, and throws nothing.
 */
class FrameDecoderPropertyTest {

    private static final long SEED = 0x5E21A1L;
    private static final int TRIALS = 5_000;
    private static final int MAX_PAYLOAD = 512;

    @Test
    void theDecoderNeverDeliversACorruptedFrameAndFindsEveryUntouchedOne() {
        Random random = new Random(SEED);
        long delivered = 0;
        long damagedFrames = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Trial t = new Trial(random, trial);
            List<byte[]> got = new ArrayList<>();
            FrameDecoder decoder = new FrameDecoder(MAX_PAYLOAD, got::add);
            try {
                t.feedTo(decoder, random);
                decoder.discardPartialFrame();
            } catch (Throwable e) {
                fail("trial " + trial + ": the decoder threw " + e, e);
            }
            t.check(got);
            delivered += got.size();
            damagedFrames += t.damagedCount();
        }
        assertTrue(damagedFrames > TRIALS, "the corruption must actually damage frames: " + damagedFrames);
        assertTrue(delivered > TRIALS, "intact frames must get through: " + delivered);
    }

    /** One random stream of frames, its damage, and what the decoder must make of it. */
    private static final class Trial {
        private final int number;
        private final List<byte[]> sent = new ArrayList<>();
        private final List<Integer> bytes = new ArrayList<>();
        private final List<Integer> owners = new ArrayList<>();
        private boolean[] damaged;

        Trial(Random random, int number) {
            this.number = number;
            int frames = 1 + random.nextInt(5);
            for (int f = 0; f < frames; f++) {
                byte[] payload = new byte[2 + random.nextInt(random.nextBoolean() ? 16 : MAX_PAYLOAD - 1)];
                random.nextBytes(payload);
                payload[0] = (byte) f; // makes each payload of the trial unique
                payload[1] = (byte) 0xA5;
                sent.add(payload);
                for (byte b : FrameEncoder.encode(payload)) {
                    bytes.add(b & 0xFF);
                    owners.add(f);
                }
            }
            damaged = new boolean[frames];
            int operations = random.nextInt(5);
            for (int k = 0; k < operations && !bytes.isEmpty(); k++) {
                damage(random);
            }
        }

        private void damage(Random random) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(4)) {
                case 0 -> { // flip one bit
                    bytes.set(at, bytes.get(at) ^ (1 << random.nextInt(8)));
                    touch(owners.get(at));
                }
                case 1 -> { // drop one byte
                    touch(owners.get(at));
                    bytes.remove(at);
                    owners.remove(at);
                }
                case 2 -> insert(random, at, 1);
                default -> insert(random, at, 1 + random.nextInt(20));
            }
        }

        private void insert(Random random, int at, int count) {
            // Inserting between two bytes of one frame damages it; at a boundary it does not.
            if (at > 0 && owners.get(at - 1).equals(owners.get(at))) {
                touch(owners.get(at));
            }
            for (int i = 0; i < count; i++) {
                int roll = random.nextInt(4);
                int value = roll == 0 ? FrameFormat.STX : roll == 1 ? FrameFormat.ETX : random.nextInt(256);
                bytes.add(at, value);
                owners.add(at, -1);
            }
        }

        private void touch(int owner) {
            if (owner >= 0) {
                damaged[owner] = true;
            }
        }

        int damagedCount() {
            int n = 0;
            for (boolean d : damaged) {
                n += d ? 1 : 0;
            }
            return n;
        }

        void feedTo(FrameDecoder decoder, Random random) {
            byte[] stream = new byte[bytes.size()];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = (byte) (int) bytes.get(i);
            }
            if (random.nextInt(4) == 0) {
                decoder.feed(stream); // everything merged into one read
                return;
            }
            int position = 0;
            while (position < stream.length) {
                int chunk = Math.min(stream.length - position, 1 + random.nextInt(random.nextBoolean() ? 8 : 300));
                decoder.feed(stream, position, chunk);
                position += chunk;
            }
        }

        void check(List<byte[]> got) {
            int next = 0;
            List<Integer> deliveredIndexes = new ArrayList<>();
            for (byte[] payload : got) {
                int index = indexOf(payload, next);
                if (index < 0) {
                    fail("trial " + number + ": delivered a payload that was not sent, or out of order, or twice: "
                            + Arrays.toString(Arrays.copyOf(payload, Math.min(16, payload.length))));
                }
                deliveredIndexes.add(index);
                next = index + 1;
            }
            for (int f = 0; f < sent.size(); f++) {
                if (!damaged[f] && !deliveredIndexes.contains(f)) {
                    fail("trial " + number + ": frame " + f + " was not touched but was not delivered");
                }
            }
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
}
