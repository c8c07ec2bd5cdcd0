package dev.tenderkit.transport.serial.frame;

/**
 * The byte layout of one frame on a serial line, shared by the ECR link and any other framed
 * device. A frame is:
 *
 * <pre>
 *   offset  size  field
 *   0       1     STX      0x02
 *   1       2     LENGTH   payload length n, unsigned big-endian, 0 &lt;= n &lt;= 65535
 *   3       n     PAYLOAD  any bytes (STX and ETX may appear inside: the length, not a delimiter, ends it)
 *   3+n     1     ETX      0x03
 *   4+n     4     CHECK    CRC-32 over bytes 1 .. 3+n inclusive (LENGTH, PAYLOAD, ETX), unsigned big-endian
 * </pre>
 *
 * <p>The check is CRC-32 as in ISO-HDLC / zlib / {@link java.util.zip.CRC32} (polynomial
 * 0x04C11DB7 reflected, initial value 0xFFFFFFFF, final XOR 0xFFFFFFFF); the check of the nine
 * ASCII bytes {@code "123456789"} is {@code 0xCBF43926}. It covers the same span an XOR LRC would
 * (LENGTH through ETX) but catches what an LRC cannot: an XOR LRC passes any even number of flips
 * of the same bit position, and a one-byte check lets one in 256 misframed candidates through.
 * CRC-32 detects every error of up to 3 bits and every burst of up to 32 bits in frames of this
 * size, and lets a random misframing through with probability 2<sup>-32</sup>.
 *
 * <p>The rate of 2<sup>-32</sup> holds because a receiver accepts a frame only on its own LENGTH,
 * ETX and CHECK, and never lets one frame cost the next: {@link FrameDecoder} follows every STX as
 * a candidate, delivers the first to end intact, and goes on with a candidate that began in the
 * CHECK bytes of a frame it accepted. So a payload must not contain a whole frame.
 *
 * <p>A frame's overhead is {@value #OVERHEAD} bytes.
 */
public final class FrameFormat {

    /** Start of text: the first byte of every frame. */
    public static final byte STX = 0x02;
    /** End of text: follows the payload. */
    public static final byte ETX = 0x03;
    /** Bytes before the payload: STX and the two length bytes. */
    public static final int HEADER_LENGTH = 3;
    /** Bytes after the payload: ETX and the four check bytes. */
    public static final int TRAILER_LENGTH = 5;
    /** Bytes a frame adds to its payload. */
    public static final int OVERHEAD = HEADER_LENGTH + TRAILER_LENGTH;
    /** The largest payload the length field can state. */
    public static final int MAX_PAYLOAD_LENGTH = 0xFFFF;

    private FrameFormat() {
    }
}
