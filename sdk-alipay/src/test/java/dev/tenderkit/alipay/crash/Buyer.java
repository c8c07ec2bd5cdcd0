package dev.tenderkit.alipay.crash;

import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.crash.CrashBuyer;
import java.util.List;

/**
 * The buyers of the crash test, each showing one payment code that the test scripts on the
 * simulated Alipay, and how often each comes to the till. Together they take every path of a
 * barcode payment: paid at once, paid after "user paying" polls (from the balance or Huabei),
 * confirming so late that it races the deadline, never confirming (reversed at the deadline),
 * refused for want of funds, confirming at a random moment that may fall after the deadline, and
 * a pay that reaches the wallet late.
 */
final class Buyer {
    static final CrashBuyer<BuyerScript> PAYS_AT_ONCE = new CrashBuyer<>("PAYS_AT_ONCE",
            "280000000000000001", BuyerScript.paysAtOnce(), 25);
    static final CrashBuyer<BuyerScript> PAYS_AFTER_TWO_POLLS = new CrashBuyer<>("PAYS_AFTER_TWO_POLLS",
            "280000000000000002", BuyerScript.userPayingFor(2), 15);
    static final CrashBuyer<BuyerScript> HUABEI_AFTER_THREE_POLLS = new CrashBuyer<>("HUABEI_AFTER_THREE_POLLS",
            "280000000000000003", BuyerScript.userPayingFor(3).fromHuabei(), 15);
    /** About as many waiting polls as fit before the compressed deadline: paid or reversed, by a hair. */
    static final CrashBuyer<BuyerScript> CONFIRMS_AT_THE_DEADLINE = new CrashBuyer<>("CONFIRMS_AT_THE_DEADLINE",
            "280000000000000004", BuyerScript.userPayingFor(9), 10);
    static final CrashBuyer<BuyerScript> NEVER_CONFIRMS = new CrashBuyer<>("NEVER_CONFIRMS",
            "280000000000000005", BuyerScript.neverPays(), 20);
    static final CrashBuyer<BuyerScript> BALANCE_TOO_LOW = new CrashBuyer<>("BALANCE_TOO_LOW",
            "280000000000000006", BuyerScript.insufficientBalance(), 15);
    /**
     * Confirms in the Alipay app at a moment of her own rather than when polled
     * ({@link dev.tenderkit.testkit.crash.LateBuyer}): before the deadline, or after it — possibly
     * while the terminal is dead — so that the wallet may charge a trade the journal already shows
     * REVERSING, and the reversal must refund it.
     */
    static final CrashBuyer<BuyerScript> CONFIRMS_IN_HER_OWN_TIME = new CrashBuyer<>("CONFIRMS_IN_HER_OWN_TIME",
            "280000000000000007", BuyerScript.neverPays(), 10);
    /**
     * Pays at once, but behind a slow network: the simulator holds each of his pays 0.2 to 4 seconds
     * before its ledger sees it ({@link ProcessKillTest} scripts the delays), so a pay can land after
     * the terminal that sent it died, after its successor's recovery was told "not found", or after
     * the cancel — which must then have closed the number for good.
     */
    static final CrashBuyer<BuyerScript> PAY_ARRIVES_LATE = new CrashBuyer<>("PAY_ARRIVES_LATE",
            "280000000000000008", BuyerScript.paysAtOnce(), 10);

    /** Every buyer, in the order the work list starts with. */
    static final List<CrashBuyer<BuyerScript>> ALL = List.of(PAYS_AT_ONCE, PAYS_AFTER_TWO_POLLS,
            HUABEI_AFTER_THREE_POLLS, CONFIRMS_AT_THE_DEADLINE, NEVER_CONFIRMS, BALANCE_TOO_LOW,
            CONFIRMS_IN_HER_OWN_TIME, PAY_ARRIVES_LATE);

    private Buyer() {
    }
}
