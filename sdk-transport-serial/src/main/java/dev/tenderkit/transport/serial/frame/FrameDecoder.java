package dev.tenderkit.transport.serial.frame;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Finds the frames laid out as {@link FrameFormat} says in a stream of received bytes, however the
 * stream is split into reads, and hands each intact payload to a {@link Listener}.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>Only intact frames.</b> A payload is delivered only when its STX, a length within
 *       {@code maxPayloadLength}, ETX at the stated position and a matching CRC-32 were all
 *       received. Anything else is discarded.
 *   <li><b>Resynchronisation.</b> Bytes before an STX are skipped. When a candidate frame fails
 *       (length too large, ETX missing, check mismatch, or abandoned by
 *       {@link #discardPartialFrame()}), the decoder drops only its STX and searches the bytes
 *       after it again, so a real frame that started inside garbage is still found.
 *   <li><b>No exceptions from data.</b> {@link #feed} throws nothing for any content;
 *       only for invalid arguments ({@link NullPointerException}, {@link IndexOutOfBoundsException}).
 *       An exception thrown by the listener propagates out of {@link #feed}, and the rest of that
 *       read is dropped; the decoder stays usable.
 *   <li><b>Bounded memory.</b> At most one frame of {@code maxPayloadLength} is buffered.
 * </ul>
 *
 * <p>It has no notion of time: the owner calls {@link #discardPartialFrame()} when the line has
 * been quiet for longer than the inter-byte timeout ({@link FrameChannel} does).
 *
 * <p>Not thread-safe: feed it from one thread at a time (a link's reading thread).
 */
public final class FrameDecoder {

    /** Receives what a {@link FrameDecoder} finds. Called on the thread that calls {@link #feed}. */
    public interface Listener {

        /** @param payload an intact frame's payload; the array is the listener's to keep */
        void frame(byte[] payload);

        /**
         * A candidate had a frame's layout (STX, a valid length, ETX in place) but its check did
         * not match: most likely a real frame damaged on the line, worth a NAK. Nothing is
         * delivered for it.
         */
        default void checkFailed() {
        }
    }

    private final int maxPayloadLength;
    private final Listener listener;
    private final byte[] buffer;
    private final CRC32 crc = new CRC32();

    private int filled;
    private int expected;
    private byte[] rescan;

    private long framesDelivered;
    private long checkFailures;
    private long bytesDiscarded;

    /**
     * @param maxPayloadLength the largest payload accepted, 0 to {@link FrameFormat#MAX_PAYLOAD_LENGTH};
     *     a candidate stating more is treated as garbage at once
     * @param listener receives intact payloads
     * @throws IllegalArgumentException if {@code maxPayloadLength} is out of range
     */
    public FrameDecoder(int maxPayloadLength, Listener listener) {
        if (maxPayloadLength < 0 || maxPayloadLength > FrameFormat.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("maxPayloadLength: " + maxPayloadLength + " is outside 0.."
                    + FrameFormat.MAX_PAYLOAD_LENGTH);
        }
        this.maxPayloadLength = maxPayloadLength;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.buffer = new byte[maxPayloadLength + FrameFormat.OVERHEAD];
    }

    /**
     * Feeds received bytes.
     *
     * @param data holds the bytes
     * @param offset where they start
     * @param length how many
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not fit {@code data}
     */
    public void feed(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int end = offset + length;
        int stop = scan(data, offset, end);
        if (rescan == null) {
            return;
        }
        // Slow path: a candidate failed; its bytes after the STX are searched before the rest of the read.
        ArrayDeque<Segment> work = new ArrayDeque<>();
        work.push(new Segment(data, stop, end));
        work.push(new Segment(takeRescan()));
        while (!work.isEmpty()) {
            Segment segment = work.peek();
            segment.position = scan(segment.data, segment.position, segment.end);
            if (segment.position == segment.end) {
                work.pop();
            }
            if (rescan != null) {
                work.push(new Segment(takeRescan()));
            }
        }
    }

    /** @param data bytes to feed, all of them */
    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** @return whether part of a candidate frame is buffered, waiting for more bytes */
    public boolean isMidFrame() {
        return filled > 0;
    }

    /**
     * Gives up the partly received candidate frame, if any, and searches the bytes after its STX
     * again: what to do when the line has gone quiet in the middle of a frame (inter-byte timeout).
     * Loops until no candidate is left partly received, since every byte buffered is as old.
     */
    public void discardPartialFrame() {
        while (filled > 0) {
            fail();
            byte[] again = takeRescan();
            feed(again, 0, again.length);
        }
    }

    /** @return intact frames delivered so far */
    public long framesDelivered() {
        return framesDelivered;
    }

    /** @return candidates that had a frame's layout but a wrong check */
    public long checkFailures() {
        return checkFailures;
    }

    /** @return bytes skipped as not belonging to any intact frame */
    public long bytesDiscarded() {
        return bytesDiscarded;
    }

    /** @return the position after the last byte consumed; {@link #rescan} is set if a candidate failed */
    private int scan(byte[] data, int position, int end) {
        int i = position;
        while (i < end) {
            if (filled == 0) {
                int start = i;
                while (i < end && data[i] != FrameFormat.STX) {
                    i++;
                }
                bytesDiscarded += i - start;
                if (i == end) {
                    return end;
                }
                buffer[0] = FrameFormat.STX;
                filled = 1;
                i++;
            } else if (filled < FrameFormat.HEADER_LENGTH) {
                buffer[filled++] = data[i++];
                if (filled == FrameFormat.HEADER_LENGTH) {
                    int length = ((buffer[1] & 0xFF) << 8) | (buffer[2] & 0xFF);
                    if (length > maxPayloadLength) {
                        fail();
                        return i;
                    }
                    expected = length + FrameFormat.OVERHEAD;
                }
            } else {
                int take = Math.min(expected - filled, end - i);
                System.arraycopy(data, i, buffer, filled, take);
                filled += take;
                i += take;
                if (filled == expected && !complete()) {
                    return i;
                }
            }
        }
        return end;
    }

    /** @return true if the buffered candidate was intact and delivered; false if it failed */
    private boolean complete() {
        int length = expected - FrameFormat.OVERHEAD;
        int etx = FrameFormat.HEADER_LENGTH + length;
        if (buffer[etx] != FrameFormat.ETX) {
            fail();
            return false;
        }
        crc.reset();
        crc.update(buffer, 1, etx);
        int check = ((buffer[etx + 1] & 0xFF) << 24) | ((buffer[etx + 2] & 0xFF) << 16)
                | ((buffer[etx + 3] & 0xFF) << 8) | (buffer[etx + 4] & 0xFF);
        if ((int) crc.getValue() != check) {
            checkFailures++;
            fail();
            listener.checkFailed();
            return false;
        }
        byte[] payload = Arrays.copyOfRange(buffer, FrameFormat.HEADER_LENGTH, etx);
        filled = 0;
        framesDelivered++;
        listener.frame(payload);
        return true;
    }

    private void fail() {
        rescan = Arrays.copyOfRange(buffer, 1, filled);
        bytesDiscarded++;
        filled = 0;
    }

    private byte[] takeRescan() {
        byte[] bytes = rescan;
        rescan = null;
        return bytes;
    }

    /** A stretch of bytes still to scan. */
    private static final class Segment {
        final byte[] data;
        final int end;
        int position;

        Segment(byte[] data, int position, int end) {
            this.data = data;
            this.position = position;
            this.end = end;
        }

        Segment(byte[] data) {
            this(data, 0, data.length);
        }
    }
}
