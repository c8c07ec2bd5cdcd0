package dev.tenderkit.transport.serial.frame;

import java.util.Arrays;

/**
 * The body a {@link FrameChannel} puts in each {@link FrameFormat} frame:
 *
 * <pre>
 *   offset  size  field
 *   0       1     KIND  'D' (0x44) data, first transmission
 *                       'R' (0x52) data, retransmission of the frame with the same SEQ
 *                       ACK (0x06) the data frame with SEQ arrived intact
 *                       NAK (0x15) a frame arrived damaged; SEQ is 0 and means nothing
 *   1       1     SEQ   sequence number of the data frame, 0..255, +1 per new data frame, wrapping
 *   2       n     DATA  the payload (data frames only; ACK and NAK carry none)
 * </pre>
 *
 * ACK and NAK are frames like any other, so line noise cannot forge one: it would need a valid
 * CRC-32.
 */
public final class ChannelBody {

    /** Bytes before the payload in a body. */
    public static final int HEADER_LENGTH = 2;
    /** Kind of a data frame sent for the first time. */
    public static final byte DATA = 0x44;
    /** Kind of a data frame sent again. */
    public static final byte DATA_AGAIN = 0x52;
    /** Kind of an acknowledgement. */
    public static final byte ACK = 0x06;
    /** Kind of a negative acknowledgement. */
    public static final byte NAK = 0x15;

    private ChannelBody() {
    }

    static byte[] dataFrame(boolean again, int sequence, byte[] payload) {
        byte[] body = new byte[HEADER_LENGTH + payload.length];
        body[0] = again ? DATA_AGAIN : DATA;
        body[1] = (byte) sequence;
        System.arraycopy(payload, 0, body, HEADER_LENGTH, payload.length);
        return FrameEncoder.encode(body);
    }

    static byte[] ack(int sequence) {
        return FrameEncoder.encode(new byte[] {ACK, (byte) sequence});
    }

    static byte[] nak() {
        return FrameEncoder.encode(new byte[] {NAK, 0});
    }

    static byte[] data(byte[] body) {
        return Arrays.copyOfRange(body, HEADER_LENGTH, body.length);
    }
}
