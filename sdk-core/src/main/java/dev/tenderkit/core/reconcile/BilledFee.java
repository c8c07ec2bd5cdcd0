package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.fee.FeeRate;
import java.util.Objects;
import java.util.Optional;

/**
 * The fee a wallet's bill says it charged on one row: WeChat Pay's {@code 手续费} (five decimals of a yuan)
 * and {@code 费率}, Alipay's {@code 服务费（元）} (two decimals, no rate). The amount is held exactly, in
 * thousandths of a fen (10<sup>-5</sup> yuan), and is negative on a refund row whose fee the wallet returned.
 *
 * @param milliFen the fee in thousandths of a fen; negative when returned
 * @param rate the rate the bill states, when it states one
 */
public record BilledFee(long milliFen, Optional<FeeRate> rate) {
    /** Thousandths of a fen in one fen. */
    public static final long MILLI_FEN_PER_FEN = 1_000;

    /** The largest fee a bill row may state, in milli-fen: 10<sup>12</sup> fen, as {@code Money}'s maximum. */
    private static final long MAX_MILLI_FEN = 1_000_000_000_000_000L;

    /** Validates. */
    public BilledFee {
        Objects.requireNonNull(rate, "rate");
        if (milliFen > MAX_MILLI_FEN || milliFen < -MAX_MILLI_FEN) {
            throw new InvalidInputException("fee", milliFen + " milli-fen is beyond what a bill row can state");
        }
    }

    /**
     * Reads a fee in yuan as bills write it: an optional {@code -}, digits, and at most five decimals
     * ({@code "0.53"}, {@code "0.52800"}, {@code "-0.02000"}); nothing else (no spaces, no grouping, no
     * exponent, no {@code +}).
     *
     * @param yuan the fee as written
     * @param rate the rate on the same row, when the bill has one
     * @return the fee
     * @throws InvalidInputException (field {@code "fee"}) naming what is wrong with the text
     */
    public static BilledFee parseYuan(String yuan, Optional<FeeRate> rate) {
        Objects.requireNonNull(yuan, "yuan");
        int i = 0;
        boolean negative = yuan.startsWith("-");
        if (negative) {
            i = 1;
        }
        long units = 0;
        int intDigits = 0;
        for (; i < yuan.length() && yuan.charAt(i) != '.'; i++) {
            units = digitOnto(units, yuan, i);
            intDigits++;
        }
        if (intDigits == 0 || intDigits > 10 || (intDigits > 1 && yuan.charAt(negative ? 1 : 0) == '0')) {
            throw badFee(yuan);
        }
        int decimals = 0;
        if (i < yuan.length()) {
            for (i++; i < yuan.length(); i++) {
                units = digitOnto(units, yuan, i);
                decimals++;
            }
            if (decimals == 0 || decimals > 5) {
                throw badFee(yuan);
            }
        }
        for (; decimals < 5; decimals++) {
            units *= 10;
        }
        return new BilledFee(negative ? -units : units, rate);
    }

    private static long digitOnto(long units, String text, int i) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
            throw badFee(text);
        }
        return units * 10 + (c - '0');
    }

    private static InvalidInputException badFee(String text) {
        return new InvalidInputException("fee", "\"" + text + "\" is not a fee in yuan: expected digits with at "
                + "most 5 decimals and an optional leading '-', such as 0.53 or -0.02000");
    }

    /** @return whether the wallet returned a fee here (a refund row) */
    public boolean isReturned() {
        return milliFen < 0;
    }

    /** @return the fee as bills write it, with five decimals, e.g. {@code "0.52800"} or {@code "-0.02000"} */
    public String toYuanString() {
        long abs = Math.abs(milliFen);
        String frac = Long.toString(100_000 + abs % 100_000).substring(1);
        return (milliFen < 0 ? "-" : "") + abs / 100_000 + "." + frac;
    }
}
