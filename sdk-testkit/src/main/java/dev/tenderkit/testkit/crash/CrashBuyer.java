package dev.tenderkit.testkit.crash;

import java.util.Objects;

/**
 * A buyer of a crash test: a name, the payment code she shows, what the wallet's simulator makes
 * that code do (its own {@code BuyerScript}), and how often she comes to the till.
 *
 * @param name a name without spaces, written in the work list
 * @param paymentCode the payment code (付款码) she shows
 * @param script what the simulator is scripted to do for her code
 * @param weight how often she comes, relative to the other buyers (positive)
 * @param <S> the simulator's script type
 */
public record CrashBuyer<S>(String name, String paymentCode, S script, int weight) {
    /** Validates. */
    public CrashBuyer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(paymentCode, "paymentCode");
        Objects.requireNonNull(script, "script");
        if (name.isEmpty() || name.contains(" ")) {
            throw new IllegalArgumentException("a buyer's name must be one word, got \"" + name + "\"");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("buyer " + name + ": weight must be positive, got " + weight);
        }
    }
}
