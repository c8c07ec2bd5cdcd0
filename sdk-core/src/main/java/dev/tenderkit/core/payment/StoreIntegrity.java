package dev.tenderkit.core.payment;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a {@link TransactionStore} knows about the soundness of its own durable data: intact, or
 * damaged with the findings of its open. While a store is damaged the engine takes no new payments
 * and refunds (it cannot rule out that records of charged trades were lost), but {@code recover()}
 * still settles what the store holds and searches the wallets for what it lost.
 *
 * @param findings what is wrong; empty when intact
 * @param remedy what a person should do about it; empty when intact
 */
public record StoreIntegrity(List<StoreDamage> findings, String remedy) {
    /** Nothing wrong found. */
    public static final StoreIntegrity INTACT = new StoreIntegrity(List.of(), "");

    /** Copies and validates. */
    public StoreIntegrity {
        findings = List.copyOf(findings);
        Objects.requireNonNull(remedy, "remedy");
    }

    /** @return whether anything is wrong */
    public boolean isDamaged() {
        return !findings.isEmpty();
    }

    /** @return the findings, one per line, then the remedy; "intact" when there are none */
    public String describe() {
        if (!isDamaged()) {
            return "intact";
        }
        return findings.stream().map(StoreDamage::describe).collect(Collectors.joining("; ")) + ". " + remedy;
    }
}
