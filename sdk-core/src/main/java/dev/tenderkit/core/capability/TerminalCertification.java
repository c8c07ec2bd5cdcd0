package dev.tenderkit.core.capability;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.util.Map;

/**
 * The policy's statement that a brand/model's cashier software is integrated and certified for
 * some payment methods, each from a minimum software version.
 *
 * @param brand the brand, matched case-insensitively
 * @param model the model, matched case-insensitively, or {@code *} for every model of the brand
 *     without an entry of its own
 * @param minimumVersions method id → lowest certified software version
 */
public record TerminalCertification(String brand, String model, Map<String, SoftwareVersion> minimumVersions) {
    /** Matches every model of a brand. */
    public static final String ANY_MODEL = "*";

    /** Validates and copies. */
    public TerminalCertification {
        if (brand == null || brand.isBlank()) {
            throw new InvalidInputException("brand", "must not be blank");
        }
        if (model == null || model.isBlank()) {
            throw new InvalidInputException("model", "must not be blank (use \"*\" for every model)");
        }
        // Stripped like TerminalProfile's, so " Sunmi" in a policy still matches a Sunmi terminal.
        brand = brand.strip();
        model = model.strip();
        minimumVersions = Map.copyOf(minimumVersions);
    }

    /** @return {@code brand model}, or {@code brand (all models)} */
    public String displayName() {
        return ANY_MODEL.equals(model) ? brand + " (all models)" : brand + " " + model;
    }
}
