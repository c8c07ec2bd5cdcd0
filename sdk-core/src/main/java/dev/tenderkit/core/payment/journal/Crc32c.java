package dev.tenderkit.core.payment.journal;

/**
 * CRC-32C (Castagnoli, reflected polynomial {@code 0x82F63B78}), the checksum of every journal record.
 *
 * <p>The journal's own implementation rather than {@code java.util.zip.CRC32C}: that class arrived
 * in Java 9 and Android does not have it, even with core library desugaring, while the journal runs
 * on Android smart POS terminals too. The values are the same (a test compares both over random
 * input), so journals written before this class open unchanged. Table-driven, eight bytes per step
 * (slicing-by-8); a record is a few hundred bytes, so this is far below the cost of the write.
 */
final class Crc32c {

    private static final int POLYNOMIAL = 0x82F63B78;
    /** {@code TABLES[k][b]}: the CRC of byte {@code b} followed by {@code k} zero bytes. */
    private static final int[][] TABLES = tables();

    private int crc = 0xFFFFFFFF;

    Crc32c update(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " in " + bytes.length);
        }
        int c = crc;
        int at = offset;
        int end = offset + length;
        int[] t0 = TABLES[0], t1 = TABLES[1], t2 = TABLES[2], t3 = TABLES[3];
        int[] t4 = TABLES[4], t5 = TABLES[5], t6 = TABLES[6], t7 = TABLES[7];
        while (end - at >= 8) {
            int lo = c ^ ((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                    | (bytes[at + 3] & 0xff) << 24);
            c = t7[lo & 0xff] ^ t6[(lo >>> 8) & 0xff] ^ t5[(lo >>> 16) & 0xff] ^ t4[lo >>> 24]
                    ^ t3[bytes[at + 4] & 0xff] ^ t2[bytes[at + 5] & 0xff] ^ t1[bytes[at + 6] & 0xff]
                    ^ t0[bytes[at + 7] & 0xff];
            at += 8;
        }
        while (at < end) {
            c = (c >>> 8) ^ t0[(c ^ bytes[at++]) & 0xff];
        }
        crc = c;
        return this;
    }

    Crc32c update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    /** The checksum of everything given so far, as {@code java.util.zip.CRC32C.getValue()} would give it. */
    long value() {
        return ~crc & 0xFFFFFFFFL;
    }

    static int of(byte[] bytes, int offset, int length) {
        return (int) new Crc32c().update(bytes, offset, length).value();
    }

    private static int[][] tables() {
        int[][] t = new int[8][256];
        for (int b = 0; b < 256; b++) {
            int c = b;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
            }
            t[0][b] = c;
        }
        for (int b = 0; b < 256; b++) {
            for (int k = 1; k < 8; k++) {
                t[k][b] = (t[k - 1][b] >>> 8) ^ t[0][t[k - 1][b] & 0xff];
            }
        }
        return t;
    }
}
