package dev.tenderkit.core.capability;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import java.util.List;
import java.util.Objects;

/**
 * What a merchant submits to a channel to be qualified for a product.
 *
 * @param product the product code, e.g. {@code huabei}
 * @param name the product's display name
 * @param materials the materials asked for, e.g. {@code 营业执照 business licence}
 */
public record QualificationRequirement(String product, LocalizedText name, List<String> materials) {
    /** Validates and copies. */
    public QualificationRequirement {
        if (product == null || product.isBlank()) {
            throw new InvalidInputException("product", "must not be blank");
        }
        Objects.requireNonNull(name, "name");
        materials = List.copyOf(materials);
    }
}
