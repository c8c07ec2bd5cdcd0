package dev.tenderkit.core.health;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.Severity;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.Wallet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of a health report: what was checked, how it stands, what is wrong and what fixes it,
 * and which payment methods depend on it. Every WARN and FAIL item carries a remedy; an OK item
 * carries none. Immutable.
 *
 * <p>The affected scope works as in {@link HealthIssue}: {@code affectedWallets} empty means every
 * wallet, {@code affectedMethods} empty means every method of the affected wallets.
 *
 * @param id stable item id: lower-case dotted segments, e.g. {@code network.gateway.lakala}; it is
 *     the id of the check that reported it or starts with that id and a dot
 * @param status OK, WARN or FAIL
 * @param detail what was found, e.g. "no answer from gw.example.com:443 within 3 s"
 * @param remedy what to do about it; present exactly when the status is not OK
 * @param affectedWallets wallets whose methods depend on the item; empty means every wallet
 * @param affectedMethods the only methods that depend on the item; empty means every method of
 *     the affected wallets
 */
public record HealthItem(String id, HealthStatus status, LocalizedText detail, Optional<LocalizedText> remedy,
        Set<Wallet> affectedWallets, Set<PaymentMethod> affectedMethods) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");

    /** Validates and copies. */
    public HealthItem {
        requireId(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(remedy, "remedy");
        if (status == HealthStatus.OK && remedy.isPresent()) {
            throw new InvalidInputException("remedy", "an OK item has no remedy: " + id);
        }
        if (status != HealthStatus.OK && remedy.isEmpty()) {
            throw new InvalidInputException("remedy", "a " + status + " item needs a remedy: " + id);
        }
        affectedWallets = Set.copyOf(affectedWallets);
        affectedMethods = Set.copyOf(affectedMethods);
    }

    /** @return an OK item */
    public static HealthItem ok(String id, LocalizedText detail) {
        return new HealthItem(id, HealthStatus.OK, detail, Optional.empty(), Set.of(), Set.of());
    }

    /**
     * @param wallets the wallets whose methods depend on the item; empty for every wallet
     * @return a WARN item
     */
    public static HealthItem warn(String id, LocalizedText detail, LocalizedText remedy, Set<Wallet> wallets) {
        return new HealthItem(id, HealthStatus.WARN, detail, Optional.of(remedy), wallets, Set.of());
    }

    /**
     * @param wallets the wallets whose methods depend on the item; empty for every wallet
     * @return a FAIL item
     */
    public static HealthItem fail(String id, LocalizedText detail, LocalizedText remedy, Set<Wallet> wallets) {
        return new HealthItem(id, HealthStatus.FAIL, detail, Optional.of(remedy), wallets, Set.of());
    }

    /**
     * @param methods the only methods that depend on the item (an empty set widens it back to
     *     every method of the affected wallets)
     * @return this item with that method scope
     */
    public HealthItem onlyFor(Set<PaymentMethod> methods) {
        return new HealthItem(id, status, detail, remedy, affectedWallets, methods);
    }

    /** @return whether the item was reported by the check with this id (its id or under it) */
    public boolean belongsTo(String checkId) {
        return id.equals(checkId) || (id.startsWith(checkId) && id.charAt(checkId.length()) == '.');
    }

    /**
     * The item as the capability resolver consumes it: FAIL becomes a {@link Severity#BLOCKING}
     * issue, WARN a {@link Severity#WARNING}; OK is no issue.
     *
     * @return the issue, empty for an OK item
     */
    public Optional<HealthIssue> toIssue() {
        if (status == HealthStatus.OK) {
            return Optional.empty();
        }
        Severity severity = status == HealthStatus.FAIL ? Severity.BLOCKING : Severity.WARNING;
        return Optional.of(new HealthIssue(id, severity, detail, remedy.orElseThrow(), affectedWallets,
                affectedMethods));
    }

    static String requireId(String id, String field) {
        if (id == null || id.length() > 128 || !ID.matcher(id).matches()) {
            throw new InvalidInputException(field, "health id must be dotted segments of [a-z0-9_-], "
                    + "at most 128 characters, like \"network.gateway.lakala\"; got \"" + id + "\"");
        }
        return id;
    }
}
