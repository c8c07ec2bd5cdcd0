package dev.tenderkit.core.payment.journal;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The journal's byte layout. A file starts with an 8-byte header, {@code "TKJ1"} then the format
 * version as a big-endian int. Each record is:
 *
 * <pre>
 *   u32 length      payload length in bytes, big-endian, 0..maxRecordBytes
 *   u8[length]      payload
 *   u32 crc32c      CRC-32C over the 4 length bytes and the payload, big-endian
 * </pre>
 *
 * The checksum is written last, so a write cut short by a crash never checks out.
 */
final class RecordFormat {
    static final byte[] MAGIC = {'T', 'K', 'J', '1'};
    static final int VERSION = 1;
    static final int HEADER_BYTES = 8;
    static final int OVERHEAD = 8;

    private RecordFormat() {
    }

    static ByteBuffer header() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
        b.put(MAGIC).putInt(VERSION);
        ((Buffer) b).flip(); // Buffer.flip(): Android has no covariant ByteBuffer.flip()
        return b;
    }

    static ByteBuffer encode(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(OVERHEAD + payload.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(payload.length).put(payload);
        b.putInt(crc(b.array(), 0, 4 + payload.length));
        ((Buffer) b).flip();
        return b;
    }

    static int crc(byte[] bytes, int offset, int length) {
        return Crc32c.of(bytes, offset, length);
    }

    /** Whether the first {@code n} bytes of both arrays are equal (both hold at least {@code n}). */
    static boolean samePrefix(byte[] a, byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /**
     * @return the length of the valid record starting at {@code at}, or -1 if none starts there
     *     (too short, impossible length, extends past the end, or a bad checksum)
     */
    static int validRecordAt(byte[] file, int at, int end, int maxRecordBytes) {
        if (end - at < OVERHEAD) {
            return -1;
        }
        int length = readInt(file, at);
        if (length < 0 || length > maxRecordBytes || (long) at + OVERHEAD + length > end) {
            return -1;
        }
        int stored = readInt(file, at + 4 + length);
        return stored == crc(file, at, 4 + length) ? length : -1;
    }
}
