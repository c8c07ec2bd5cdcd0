package dev.tenderkit.testkit.wechat;

import java.util.Objects;

/**
 * What the buyer showing one payment code (付款码) does, scripted with
 * {@link SimulatedWeChatPay#script(String, BuyerScript)}. A code without a script pays at once from
 * the balance if it looks like a WeChat code (18 digits starting 10–15) and is refused as invalid
 * otherwise.
 *
 * @param behaviour what the buyer does
 * @param pinQueries for {@link Behaviour#PAYS}: how many order queries still see {@code USERPAYING}
 *     (the codepay answered 202) before the buyer's PIN goes through; 0 pays at once (200 SUCCESS)
 * @param bankType the {@code bank_type} WeChat reports once paid: {@code OTHERS} (the balance,
 *     零钱) by default, e.g. {@code CMB_CREDIT} for a credit card
 */
public record BuyerScript(Behaviour behaviour, int pinQueries, String bankType) {

    /** What the buyer does. */
    public enum Behaviour {
        /** Pays, at once or after entering her PIN. */
        PAYS,
        /** Never enters her PIN: the order stays USERPAYING until reversed, or revoked by WeChat at 45 s. */
        NEVER_PAYS,
        /** Not enough money: 403 {@code NOT_ENOUGH}, the order PAYERROR. */
        NOT_ENOUGH,
        /**
         * An expired or invalid payment code: 400 {@code PARAM_ERROR} "付款码无效" naming
         * {@code /payer/auth_code} in {@code detail.field}; no order created.
         */
        INVALID_CODE,
        /** The buyer closes the PIN dialog: USERPAYING for {@code pinQueries} queries, then PAYERROR. */
        GIVES_UP
    }

    /** Checks. */
    public BuyerScript {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(bankType, "bankType");
        if (pinQueries < 0) {
            throw new IllegalArgumentException("pinQueries must be >= 0, was " + pinQueries);
        }
        if (bankType.isBlank()) {
            throw new IllegalArgumentException("bankType must not be blank");
        }
    }

    /** @return a buyer who pays at once from the balance */
    public static BuyerScript paysAtOnce() {
        return new BuyerScript(Behaviour.PAYS, 0, "OTHERS");
    }

    /**
     * @param queries queries answered USERPAYING before the PIN goes through, at least 0
     * @return a buyer who must enter her PIN: codepay answers 202 USERPAYING, the next {@code queries}
     *     queries see USERPAYING, the one after sees SUCCESS
     */
    public static BuyerScript pinFor(int queries) {
        return new BuyerScript(Behaviour.PAYS, queries, "OTHERS");
    }

    /** @return a buyer who never enters her PIN */
    public static BuyerScript neverPays() {
        return new BuyerScript(Behaviour.NEVER_PAYS, 0, "OTHERS");
    }

    /** @return a buyer without the funds */
    public static BuyerScript insufficientBalance() {
        return new BuyerScript(Behaviour.NOT_ENOUGH, 0, "OTHERS");
    }

    /** @return an expired or invalid payment code */
    public static BuyerScript invalidCode() {
        return new BuyerScript(Behaviour.INVALID_CODE, 0, "OTHERS");
    }

    /** @param queries queries answered USERPAYING first @return a buyer who closes the PIN dialog */
    public static BuyerScript givesUpAfter(int queries) {
        return new BuyerScript(Behaviour.GIVES_UP, queries, "OTHERS");
    }

    /** @param bank the bank_type to report @return the same buyer paying with that funding */
    public BuyerScript withBankType(String bank) {
        return new BuyerScript(behaviour, pinQueries, bank);
    }
}
