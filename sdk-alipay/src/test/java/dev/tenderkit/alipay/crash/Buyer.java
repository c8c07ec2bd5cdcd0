package dev.tenderkit.alipay.crash;

import dev.tenderkit.testkit.alipay.BuyerScript;
import java.util.Random;

/**
 * The buyers of the crash test, each showing one payment code that the test scripts on the
 * simulated Alipay, and how often each comes to the till. Together they take every path of a
 * barcode payment: paid at once, paid after "user paying" polls (from the balance or Huabei),
 * confirming so late that it races the deadline, never confirming (reversed at the deadline),
 * refused for want of funds, confirming at a random moment that may fall after the deadline, and
 * a pay that reaches the wallet late.
 */
enum Buyer {
    PAYS_AT_ONCE("280000000000000001", BuyerScript.paysAtOnce(), 25),
    PAYS_AFTER_TWO_POLLS("280000000000000002", BuyerScript.userPayingFor(2), 15),
    HUABEI_AFTER_THREE_POLLS("280000000000000003", BuyerScript.userPayingFor(3).fromHuabei(), 15),
    /** About as many waiting polls as fit before the compressed deadline: paid or reversed, by a hair. */
    CONFIRMS_AT_THE_DEADLINE("280000000000000004", BuyerScript.userPayingFor(9), 10),
    NEVER_CONFIRMS("280000000000000005", BuyerScript.neverPays(), 20),
    BALANCE_TOO_LOW("280000000000000006", BuyerScript.insufficientBalance(), 15),
    /**
     * Confirms in the Alipay app at a moment of her own rather than when polled ({@link LateBuyer}):
     * before the deadline, or after it — possibly while the terminal is dead — so that the wallet
     * may charge a trade the journal already shows REVERSING, and the reversal must refund it.
     */
    CONFIRMS_IN_HER_OWN_TIME("280000000000000007", BuyerScript.neverPays(), 10),
    /**
     * Pays at once, but behind a slow network: the simulator holds each of his pays 0.2 to 4 seconds
     * before its ledger sees it ({@link ProcessKillTest} scripts the delays), so a pay can land after
     * the terminal that sent it died, after its successor's recovery was told "not found", or after
     * the cancel — which must then have closed the number for good.
     */
    PAY_ARRIVES_LATE("280000000000000008", BuyerScript.paysAtOnce(), 10);

    private final String paymentCode;
    private final BuyerScript script;
    private final int weight;

    Buyer(String paymentCode, BuyerScript script, int weight) {
        this.paymentCode = paymentCode;
        this.script = script;
        this.weight = weight;
    }

    /** @return the payment code this buyer shows */
    String paymentCode() {
        return paymentCode;
    }

    /** @return what the simulator makes this buyer do */
    BuyerScript script() {
        return script;
    }

    /** @return a buyer drawn by the weights */
    static Buyer draw(Random random) {
        int total = 0;
        for (Buyer b : values()) {
            total += b.weight;
        }
        int pick = random.nextInt(total);
        for (Buyer b : values()) {
            pick -= b.weight;
            if (pick < 0) {
                return b;
            }
        }
        throw new AssertionError("weights");
    }
}
