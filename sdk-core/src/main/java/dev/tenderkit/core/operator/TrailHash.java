package dev.tenderkit.core.operator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The chain's hash: {@code h(n) = SHA-256(h(n-1) || bytes of record n)}, with {@code h(0)} 32 zero
 * bytes, as lower-case hex in the records. Not thread-safe (one digest, reused); each trail and
 * each verification has its own.
 */
final class TrailHash {
    /** The predecessor of entry 1. */
    static final String GENESIS = new String(new char[64]).replace('\0', '0');   // no String.repeat on Android
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest sha256;

    TrailHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @return the hash of a record whose predecessor's hash is {@code prevHex} */
    String next(String prevHex, byte[] record) {
        sha256.update(bytes(prevHex));
        return hex(sha256.digest(record));
    }

    static boolean isHex(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String hex) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (Character.digit(hex.charAt(2 * i), 16) << 4 | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        return b;
    }

    private static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[i] & 0xf];
        }
        return new String(out);
    }
}
