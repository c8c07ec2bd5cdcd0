package dev.tenderkit.transport.serial.printer;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * One line of goods on a receipt.
 *
 * @param name what was sold, e.g. 拿铁咖啡; 1 to 64 characters, no control characters
 * @param quantity how many, 1 to 9999
 * @param unitPrice price of one, in fen
 */
public record ReceiptItem(String name, int quantity, Money unitPrice) {

    /** Validates the fields, naming the one at fault. */
    public ReceiptItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "must be 1 to 64 characters without control characters");
        }
        if (quantity < 1 || quantity > 9999) {
            throw new InvalidInputException("quantity", quantity + " is outside 1..9999");
        }
    }

    /** @return quantity times unit price */
    public Money total() {
        return unitPrice.times(quantity);
    }
}
