package dev.tenderkit.core.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A digest of a whole payment code, salted with the trade's out_trade_no: what the journal keeps so
 * that a second request for an order can be checked to carry the same code, without keeping the
 * code (invariant 6). The salt makes the digests of one code differ between trades; a payment code
 * is single-use and expires within minutes, so the digest of one is worth nothing to whoever reads
 * the journal. Stateless and thread-safe.
 */
final class PaymentCodeDigest {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** One digest per thread: looking one up by name costs more than the hash of a code. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private PaymentCodeDigest() {
    }

    /** @return 32 hex digits: the first 128 bits of SHA-256 over the salt and the code */
    static String of(String outTradeNo, String paymentCode) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        sha.update(("tenderkit.payment-code/" + outTradeNo + "/").getBytes(StandardCharsets.US_ASCII));
        byte[] d = sha.digest(paymentCode.getBytes(StandardCharsets.US_ASCII));
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[d[i] & 0xf];
        }
        return new String(out);
    }
}
