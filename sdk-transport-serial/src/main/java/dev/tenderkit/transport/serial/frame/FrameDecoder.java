package dev.tenderkit.transport.serial.frame;

import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Finds the frames laid out as {@link FrameFormat} says in a stream of received bytes, however the
 * stream is split into reads, and hands each intact payload to a {@link Listener}.
 *
 * <p>Every STX received while hunting or inside a candidate frame starts a candidate of its own, and
 * all candidates are followed at once. Guarantees:
 *
 * <ul>
 *   <li><b>Only intact frames.</b> A payload is delivered only when its STX, a length within
 *       {@code maxPayloadLength}, ETX at the stated position and a matching CRC-32 were all
 *       received. Anything else is discarded.
 *   <li><b>The first frame to end intact wins.</b> When a candidate that began inside another one
 *       ends intact first, it is delivered at once and the enclosing candidate, cut short, is
 *       dropped ({@link Listener#cutShort()}): a frame truncated on the line never holds back or
 *       swallows the frame after it. Hence a payload must not itself contain a whole frame.
 *   <li><b>A frame's own bytes are its own.</b> Candidates that began inside the header or payload
 *       of a delivered frame are dropped with it; one that began in its CHECK bytes goes on, so a
 *       frame whose last bytes were lost, completed by the next frame's first bytes, does not cost
 *       that next frame.
 *   <li><b>Resynchronisation.</b> Bytes before an STX are skipped; a failed candidate (length too
 *       large, ETX missing, check mismatch) gives way to the candidates that began inside it.
 *   <li><b>No exceptions from data.</b> {@link #feed} throws nothing for any content;
 *       only for invalid arguments ({@link NullPointerException}, {@link IndexOutOfBoundsException}).
 *       An exception thrown by the listener propagates out of {@link #feed}, and the rest of that
 *       read is dropped; the decoder stays usable.
 *   <li><b>Bounded memory.</b> At most two frames of {@code maxPayloadLength} are buffered.
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

        /**
         * Before the intact frame delivered right after this call, a candidate with a valid length
         * was abandoned (cut short by that frame, or its ETX missing): most likely a real frame
         * that lost or gained bytes on the line, worth a NAK. Nothing is delivered for it. Called
         * at most once per delivered frame, and not when {@link #checkFailed()} was called for it.
         */
        default void cutShort() {
        }
    }

    private final int maxPayloadLength;
    private final Listener listener;
    private final byte[] window;
    private final Candidates candidates = new Candidates();
    private final CRC32 crc = new CRC32();

    /** Stream position of {@code window[0]}. */
    private long origin;
    /** Bytes of {@link #window} in use. */
    private int filled;
    /** Stream position of the next byte fed. */
    private long position;
    /** Every byte before this position was either delivered in a frame or counted discarded. */
    private long accountedUpTo;
    /** Candidates that start before this position began inside a delivered frame: never reported damaged. */
    private long speculativeUntil;
    /** Start of the earliest candidate that failed only its check while enclosed by another, or -1. */
    private long pendingCheckFailure = -1;
    /** Start of the earliest candidate with a valid length abandoned since the last frame delivered, or -1. */
    private long abandoned = -1;

    /** What to tell the listener once the byte being accepted has been fully processed. */
    private int checkFailuresToReport;
    private boolean cutShortToReport;
    private byte[] payloadToDeliver;

    private long framesDelivered;
    private long checkFailures;
    private long framesCutShort;
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
        this.window = new byte[2 * (maxPayloadLength + FrameFormat.OVERHEAD)];
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
        for (int i = offset; i < offset + length; i++) {
            accept(data[i]);
        }
    }

    /** @param data bytes to feed, all of them */
    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * @return whether part of a candidate frame is buffered, waiting for more bytes; candidates that
     *     began in the CHECK bytes of the frame just delivered do not count (they are almost never
     *     frames, and a frame that begins inside one is delivered all the same)
     */
    public boolean isMidFrame() {
        long last = candidates.lastLive();
        return last >= 0 && candidates.start(last) >= speculativeUntil;
    }

    /**
     * Gives up every partly received candidate frame: what to do when the line has gone quiet in
     * the middle of a frame (inter-byte timeout). No frame is lost by this: a candidate is dropped
     * only while incomplete, and any complete frame among the buffered bytes was delivered as soon
     * as its last byte arrived.
     */
    public void discardPartialFrame() {
        if (candidates.isEmpty()) {
            return;
        }
        candidates.clear();
        release(position);
        abandoned = -1;
        boolean damaged = pendingCheckFailure >= 0;
        pendingCheckFailure = -1;
        if (damaged) {
            reportCheckFailure();
        }
        notifyListener();
    }

    /** @return intact frames delivered so far */
    public long framesDelivered() {
        return framesDelivered;
    }

    /** @return candidates that had a frame's layout but a wrong check */
    public long checkFailures() {
        return checkFailures;
    }

    /**
     * @return intact frames that arrived after a candidate with a valid length was cut short or
     *     abandoned, each reported once to {@link Listener#cutShort()}
     */
    public long framesCutShort() {
        return framesCutShort;
    }

    /** @return bytes skipped as not belonging to any intact frame */
    public long bytesDiscarded() {
        return bytesDiscarded;
    }

    private void accept(byte b) {
        long p = position++;
        if (candidates.isEmpty()) {
            if (b != FrameFormat.STX) {
                bytesDiscarded++;
                accountedUpTo = position;
                return;
            }
            origin = p;
            filled = 0;
        } else if (filled == window.length) {
            compact();
        }
        window[filled++] = b;
        if (b == FrameFormat.STX) {
            candidates.add(p);
        }
        long header = candidates.withStart(p - (FrameFormat.HEADER_LENGTH - 1));
        if (header >= 0) {
            int length = ((at(p - 1) & 0xFF) << 8) | (b & 0xFF);
            if (length > maxPayloadLength) {
                fail(header, false);
            } else {
                candidates.setEnd(header, candidates.start(header) + length + FrameFormat.OVERHEAD);
            }
        }
        int ending = candidates.collectEndingAt(position);
        if (ending > 0) {
            resolveEndingHere(ending);
        }
        notifyListener();
    }

    /** Tells the listener what the last byte led to, once the decoder's state is whole again. */
    private void notifyListener() {
        while (checkFailuresToReport > 0) {
            checkFailuresToReport--;
            listener.checkFailed();
        }
        if (cutShortToReport) {
            cutShortToReport = false;
            listener.cutShort();
        }
        byte[] payload = payloadToDeliver;
        if (payload != null) {
            payloadToDeliver = null;
            listener.frame(payload);
        }
    }

    /** Checks, outermost first, every candidate whose last byte just arrived. */
    private void resolveEndingHere(int count) {
        for (int k = 0; k < count; k++) {
            long i = candidates.ending(k);
            long start = candidates.start(i);
            int etx = (int) (start - origin) + (int) (position - start) - FrameFormat.TRAILER_LENGTH;
            if (window[etx] != FrameFormat.ETX) {
                fail(i, false);
            } else if (checkMatches((int) (start - origin), etx)) {
                deliver(i);
                return;
            } else {
                fail(i, true);
            }
        }
    }

    private boolean checkMatches(int stx, int etx) {
        crc.reset();
        crc.update(window, stx + 1, etx - stx);
        int check = ((window[etx + 1] & 0xFF) << 24) | ((window[etx + 2] & 0xFF) << 16)
                | ((window[etx + 3] & 0xFF) << 8) | (window[etx + 4] & 0xFF);
        return (int) crc.getValue() == check;
    }

    private void fail(long index, boolean onlyCheckWrong) {
        long start = candidates.start(index);
        boolean lengthValid = candidates.end(index) != Candidates.UNKNOWN;
        boolean outermost = index == candidates.first();
        candidates.remove(index);
        if (start >= speculativeUntil) {
            if (onlyCheckWrong && (pendingCheckFailure < 0 || start < pendingCheckFailure)) {
                pendingCheckFailure = start;
            } else if (!onlyCheckWrong && lengthValid && (abandoned < 0 || start < abandoned)) {
                abandoned = start;
            }
        }
        if (outermost) {
            releaseUpToFirstCandidate();
        }
    }

    /** The outermost candidate is gone: bytes before the next one are discarded, and a damaged frame among them reported. */
    private void releaseUpToFirstCandidate() {
        long upTo = candidates.isEmpty() ? position : candidates.start(candidates.first());
        release(upTo);
        if (pendingCheckFailure >= 0 && pendingCheckFailure < upTo) {
            pendingCheckFailure = -1;
            reportCheckFailure();
        }
    }

    private void deliver(long index) {
        long start = candidates.start(index);
        long end = candidates.end(index);
        boolean cutShort = abandoned >= 0 && abandoned < start;
        for (long h = candidates.first(); h >= 0 && candidates.start(h) < start; h = candidates.next(h)) {
            cutShort |= candidates.start(h) >= speculativeUntil && candidates.end(h) != Candidates.UNKNOWN;
        }
        boolean damagedBefore = pendingCheckFailure >= 0 && pendingCheckFailure < start;
        int stx = (int) (start - origin);
        byte[] payload = Arrays.copyOfRange(window, stx + FrameFormat.HEADER_LENGTH,
                stx + (int) (end - start) - FrameFormat.TRAILER_LENGTH);
        release(start);
        accountedUpTo = end;
        speculativeUntil = end;
        pendingCheckFailure = -1;
        abandoned = -1;
        candidates.removeStartingBefore(end - FrameFormat.TRAILER_LENGTH + 1);
        framesDelivered++;
        if (damagedBefore) {
            reportCheckFailure();
        } else if (cutShort) {
            framesCutShort++;
            cutShortToReport = true;
        }
        payloadToDeliver = payload;
    }

    private void reportCheckFailure() {
        checkFailures++;
        checkFailuresToReport++;
    }

    private void release(long upTo) {
        if (upTo > accountedUpTo) {
            bytesDiscarded += upTo - accountedUpTo;
            accountedUpTo = upTo;
        }
    }

    /** Moves the bytes from the outermost candidate on to the start of the window. */
    private void compact() {
        int shift = (int) (candidates.start(candidates.first()) - origin);
        System.arraycopy(window, shift, window, 0, filled - shift);
        filled -= shift;
        origin += shift;
    }

    private byte at(long streamPosition) {
        return window[(int) (streamPosition - origin)];
    }
}
