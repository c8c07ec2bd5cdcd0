package dev.tenderkit.wechat.crash;

import dev.tenderkit.testkit.crash.CrashBuyer;
import dev.tenderkit.testkit.wechat.BuyerScript;
import java.util.List;

/**
 * The buyers of WeChat Pay's crash test, each showing one payment code (18 digits, prefix 13) that
 * the test scripts on the simulated WeChat Pay, and how often each comes to the till. Together they
 * take every path of a barcode payment: paid at once, paid after the PIN dialog (from the balance or
 * a credit card), entering the PIN so late that it races the deadline, never entering it (reversed
 * at the deadline), refused for want of funds, a code WeChat refuses, entering the PIN at a moment
 * of her own that may fall after the deadline, and a codepay that reaches the wallet late.
 */
final class Buyer {
    static final CrashBuyer<BuyerScript> PAYS_AT_ONCE = new CrashBuyer<>("PAYS_AT_ONCE",
            "134500000000000001", BuyerScript.paysAtOnce(), 25);
    static final CrashBuyer<BuyerScript> PIN_THEN_PAID = new CrashBuyer<>("PIN_THEN_PAID",
            "134500000000000002", BuyerScript.pinFor(2), 15);
    static final CrashBuyer<BuyerScript> CREDIT_CARD_AFTER_PIN = new CrashBuyer<>("CREDIT_CARD_AFTER_PIN",
            "134500000000000003", BuyerScript.pinFor(3).withBankType("CMB_CREDIT"), 10);
    /** About as many PIN-dialog polls as fit before the compressed deadline: paid or reversed, by a hair. */
    static final CrashBuyer<BuyerScript> PIN_AT_THE_DEADLINE = new CrashBuyer<>("PIN_AT_THE_DEADLINE",
            "134500000000000004", BuyerScript.pinFor(9), 10);
    static final CrashBuyer<BuyerScript> NEVER_ENTERS_PIN = new CrashBuyer<>("NEVER_ENTERS_PIN",
            "134500000000000005", BuyerScript.neverPays(), 15);
    /** 403 NOT_ENOUGH, the order left PAYERROR: FAILED with the insufficient-balance cause. */
    static final CrashBuyer<BuyerScript> NO_FUNDS = new CrashBuyer<>("NO_FUNDS",
            "134500000000000006", BuyerScript.insufficientBalance(), 10);
    /** 400 PARAM_ERROR naming payer.auth_code, no order: FAILED without a trade at WeChat, never flagged. */
    static final CrashBuyer<BuyerScript> CODE_REFUSED = new CrashBuyer<>("CODE_REFUSED",
            "134500000000000009", BuyerScript.invalidCode(), 5);
    /**
     * Enters her PIN at a moment of her own rather than when polled ({@link
     * dev.tenderkit.testkit.crash.LateBuyer}): before the deadline, or after it — possibly while the
     * terminal is dead — so that WeChat may charge a trade the journal already shows REVERSING, and
     * the reverse must give the money back.
     */
    static final CrashBuyer<BuyerScript> ENTERS_PIN_IN_HER_OWN_TIME = new CrashBuyer<>("ENTERS_PIN_IN_HER_OWN_TIME",
            "134500000000000007", BuyerScript.neverPays(), 10);
    /**
     * Pays at once, but WeChat takes each of his codepays and charges it 0.2 to 2 seconds later
     * ({@link ProcessKillTest} scripts the delays): after the terminal that sent it died, after its
     * successor's query and reverse were answered "no such order" — which is why such a 404 is final
     * only once the request's window has passed.
     */
    static final CrashBuyer<BuyerScript> PAY_ARRIVES_LATE = new CrashBuyer<>("PAY_ARRIVES_LATE",
            "134500000000000008", BuyerScript.paysAtOnce(), 10);

    /** Every buyer, in the order the work list starts with. */
    static final List<CrashBuyer<BuyerScript>> ALL = List.of(PAYS_AT_ONCE, PIN_THEN_PAID, CREDIT_CARD_AFTER_PIN,
            PIN_AT_THE_DEADLINE, NEVER_ENTERS_PIN, NO_FUNDS, CODE_REFUSED, ENTERS_PIN_IN_HER_OWN_TIME,
            PAY_ARRIVES_LATE);

    private Buyer() {
    }
}
