package dev.tenderkit.core.method;

import java.util.Objects;

/**
 * A scanned payment code (付款码) that a {@link PaymentCodeClassifier} recognised, with the
 * {@link Wallet} that issued it.
 *
 * <p>The whole code is a bearer token for the buyer's money until it expires, so this type is
 * built to keep it out of logs: {@link #toString()} shows only the masked form, e.g.
 * {@code PaymentCode[ALIPAY 2851**********1234]}, and {@link #value()} is there only to hand the
 * code to the wallet's gateway.
 *
 * <p>Immutable and thread-safe. Equality is by wallet and whole value. No method returns
 * {@code null}. Instances come from {@link PaymentCodeClassifier#classify(String)}.
 */
public final class PaymentCode {

    private final Wallet wallet;
    private final String value;

    PaymentCode(Wallet wallet, String value) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the wallet that issued the code */
    public Wallet wallet() {
        return wallet;
    }

    /**
     * The whole code, all ASCII digits, for the gateway request and nothing else.
     *
     * <p><b>Never log it, print it, put it in an exception message or store it</b>: use
     * {@link #masked()} or {@link #toString()} for anything a person or a log might see.
     *
     * @return the whole code
     */
    public String value() {
        return value;
    }

    /** @return the code masked by {@link PaymentCodeMask#mask(CharSequence)}, safe to log */
    public String masked() {
        return PaymentCodeMask.mask(value);
    }

    /** Equal when the wallet and the whole code are the same. */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof PaymentCode other && wallet == other.wallet && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return 31 * wallet.hashCode() + value.hashCode();
    }

    /** @return the wallet and the masked code, e.g. {@code PaymentCode[ALIPAY 2851**********1234]}; never the whole code */
    @Override
    public String toString() {
        return "PaymentCode[" + wallet + ' ' + masked() + ']';
    }
}
