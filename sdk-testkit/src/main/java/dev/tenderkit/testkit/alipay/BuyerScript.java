package dev.tenderkit.testkit.alipay;

/**
 * What the buyer showing one payment code does, scripted on {@link SimulatedAlipay#script(String,
 * BuyerScript)}. A code without a script behaves as {@link #paysAtOnce()} if it looks like an
 * Alipay code (prefix 25–30, 16–24 digits) and as {@link #invalidCode()} otherwise.
 *
 * @param behaviour what the buyer does
 * @param waitingQueries for {@link Behaviour#PAYS}: how many trade.query calls still see
 *     {@code WAIT_BUYER_PAY} (the pay answered 10003 "user paying") before the buyer confirms; 0 pays
 *     at once (the pay answers 10000)
 * @param huabei whether the buyer pays from Huabei (fund_channel {@code PCREDIT}); a pay carrying
 *     {@code extend_params.hb_fq_num} is paid from Huabei in that many installments regardless
 */
public record BuyerScript(Behaviour behaviour, int waitingQueries, boolean huabei) {

    /** What the buyer does. */
    public enum Behaviour {
        /** Pays, at once or after some queries. */
        PAYS,
        /** Never confirms: the trade waits until cancelled or closed. */
        NEVER_PAYS,
        /** The wallet refuses at once: ACQ.BUYER_BALANCE_NOT_ENOUGH. */
        BALANCE_NOT_ENOUGH,
        /** The code is invalid or expired: ACQ.PAYMENT_AUTH_CODE_INVALID. */
        INVALID_CODE
    }

    /** Checks. */
    public BuyerScript {
        java.util.Objects.requireNonNull(behaviour, "behaviour");
        if (waitingQueries < 0) {
            throw new IllegalArgumentException("waitingQueries must be >= 0, was " + waitingQueries);
        }
    }

    /** @return a buyer who pays at once from the Alipay balance */
    public static BuyerScript paysAtOnce() {
        return new BuyerScript(Behaviour.PAYS, 0, false);
    }

    /**
     * "User paying" for {@code queries} queries: the pay answers 10003, the next {@code queries}
     * trade.query calls see {@code WAIT_BUYER_PAY}, the one after sees {@code TRADE_SUCCESS}.
     *
     * @param queries queries answered "waiting", at least 0
     * @return the script
     */
    public static BuyerScript userPayingFor(int queries) {
        return new BuyerScript(Behaviour.PAYS, queries, false);
    }

    /** @return a buyer who never confirms the payment */
    public static BuyerScript neverPays() {
        return new BuyerScript(Behaviour.NEVER_PAYS, 0, false);
    }

    /** @return a buyer without the funds */
    public static BuyerScript insufficientBalance() {
        return new BuyerScript(Behaviour.BALANCE_NOT_ENOUGH, 0, false);
    }

    /** @return a payment code the wallet rejects as invalid or expired */
    public static BuyerScript invalidCode() {
        return new BuyerScript(Behaviour.INVALID_CODE, 0, false);
    }

    /** @return the same buyer paying from Huabei (PCREDIT) */
    public BuyerScript fromHuabei() {
        return new BuyerScript(behaviour, waitingQueries, true);
    }
}
