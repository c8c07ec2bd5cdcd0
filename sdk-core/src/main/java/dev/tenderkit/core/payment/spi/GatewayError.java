package dev.tenderkit.core.payment.spi;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.Party;
import java.util.Objects;

/**
 * A definite refusal by the gateway: the request was received and the answer, verified, says no.
 * Carries the mapped cause in the capability vocabulary and the raw code.
 *
 * @param cause the mapped cause
 * @param raw what the gateway said
 */
public record GatewayError(Cause cause, GatewayCode raw) {
    /** Validates. */
    public GatewayError {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(raw, "raw");
    }

    /** @return whether the buyer, not the merchant, must act (balance, payment code, risk) */
    public boolean isBuyerSide() {
        return cause.party() == Party.BUYER;
    }
}
