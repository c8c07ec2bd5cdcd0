package dev.tenderkit.transport.serial.frame;

import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Wraps payloads into frames laid out as {@link FrameFormat} says.
 *
 * <p>Stateless and thread-safe.
 */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    /**
     * @param payload the payload, at most {@link FrameFormat#MAX_PAYLOAD_LENGTH} bytes
     * @return a new array holding the whole frame
     * @throws IllegalArgumentException if the payload is longer than {@link FrameFormat#MAX_PAYLOAD_LENGTH}
     */
    public static byte[] encode(byte[] payload) {
        return encode(payload, 0, payload.length);
    }

    /**
     * @param payload holds the payload
     * @param offset where the payload starts
     * @param length the payload's length, at most {@link FrameFormat#MAX_PAYLOAD_LENGTH}
     * @return a new array holding the whole frame
     * @throws IllegalArgumentException if {@code length} is above {@link FrameFormat#MAX_PAYLOAD_LENGTH}
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not fit {@code payload}
     */
    public static byte[] encode(byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (length > FrameFormat.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("payload: " + length + " bytes is above the frame limit of "
                    + FrameFormat.MAX_PAYLOAD_LENGTH);
        }
        byte[] frame = new byte[length + FrameFormat.OVERHEAD];
        frame[0] = FrameFormat.STX;
        frame[1] = (byte) (length >>> 8);
        frame[2] = (byte) length;
        System.arraycopy(payload, offset, frame, FrameFormat.HEADER_LENGTH, length);
        int etx = FrameFormat.HEADER_LENGTH + length;
        frame[etx] = FrameFormat.ETX;
        CRC32 crc = new CRC32();
        crc.update(frame, 1, etx);
        putCheck(frame, etx + 1, (int) crc.getValue());
        return frame;
    }

    private static void putCheck(byte[] frame, int at, int check) {
        frame[at] = (byte) (check >>> 24);
        frame[at + 1] = (byte) (check >>> 16);
        frame[at + 2] = (byte) (check >>> 8);
        frame[at + 3] = (byte) check;
    }
}
