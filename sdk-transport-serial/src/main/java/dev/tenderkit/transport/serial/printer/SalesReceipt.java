package dev.tenderkit.transport.serial.printer;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sales receipt shows. Money in fen.
 *
 * @param merchantName the shop's name, e.g. 星巴克（国贸店）
 * @param items the goods; their totals add up to {@code amount}
 * @param amount the sale's amount (应收)
 * @param fundingSource what the buyer paid with, as the wallet reported it, e.g. 花呗 or 花呗分期(3期免息)
 * @param buyerTotal what the buyer paid in the end (实付), e.g. the amount with no installment fee
 * @param tradeNo the trade number the wallet gave the payment
 * @param time when the sale was paid, in the shop's local time
 * @param qrContent an optional QR code printed at the bottom, e.g. an e-invoice (电子发票) link
 */
public record SalesReceipt(String merchantName, List<ReceiptItem> items, Money amount, String fundingSource,
        Money buyerTotal, String tradeNo, LocalDateTime time, Optional<String> qrContent) {

    /** Validates the fields, naming the one at fault; copies the items. */
    public SalesReceipt {
        text("merchantName", merchantName, 64);
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(amount, "amount").requirePositive("amount");
        text("fundingSource", fundingSource, 32);
        Objects.requireNonNull(buyerTotal, "buyerTotal");
        text("tradeNo", tradeNo, 64);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(qrContent, "qrContent");
        if (items.isEmpty()) {
            throw new InvalidInputException("items", "a receipt lists at least one item");
        }
        Money sum = Money.ZERO;
        for (ReceiptItem item : items) {
            sum = sum.plus(item.total());
        }
        if (!sum.equals(amount)) {
            throw new InvalidInputException("items", "add up to " + sum.toPlainString() + " but amount is "
                    + amount.toPlainString());
        }
    }

    private static void text(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "must be 1 to " + max + " characters without control characters");
        }
    }
}
