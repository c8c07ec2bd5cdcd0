package dev.tenderkit.core.operator;

import dev.tenderkit.core.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person at the till, as the audit trail names them. Immutable.
 *
 * @param id the POS's stable staff id: 1-32 letters, digits, '_', '-' or '.'
 * @param displayName the name printed on reports, 1-64 characters, no line breaks
 * @param role cashier or supervisor
 */
public record Operator(String id, String displayName, Role role) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    /**
     * Validates.
     *
     * @throws InvalidInputException naming {@code id} or {@code displayName} when malformed
     */
    public Operator {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "an operator id is 1-32 letters, digits, '_', '-' or '.', got \""
                    + id + "\"");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 64
                || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("displayName", "must be 1-64 characters without control characters, got \""
                    + displayName + "\"");
        }
        Objects.requireNonNull(role, "role");
    }

    /** @return a cashier */
    public static Operator cashier(String id, String displayName) {
        return new Operator(id, displayName, Role.CASHIER);
    }

    /** @return a supervisor */
    public static Operator supervisor(String id, String displayName) {
        return new Operator(id, displayName, Role.SUPERVISOR);
    }

    /** @return whether this operator may approve supervised actions */
    public boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }
}
