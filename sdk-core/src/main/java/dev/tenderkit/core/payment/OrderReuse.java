package dev.tenderkit.core.payment;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentCode;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One order id is one payment: asking again with the same order id returns the trade it already
 * has, but only if the request asks for the same thing. The same order id with another amount,
 * another payment code, another method or another kind of payment is a mistake of the caller
 * (two sales sharing an id, or a retry that changed what it asks): it is refused and names what
 * differs, never answered with the earlier trade's outcome (an idempotency key works this way in
 * every payment API that has one). Stateless.
 */
final class OrderReuse {
    private OrderReuse() {
    }

    /**
     * @param existing the order's trade
     * @param kind what the new request is
     * @param method the method it asks for
     * @param amount its amount
     * @param code its payment code (barcode payments)
     * @throws InvalidInputException naming {@code orderId} and what differs, when it differs
     */
    static void check(TradeRecord existing, TradeKind kind, PaymentMethod method, Money amount,
            Optional<PaymentCode> code) {
        List<String> differs = new ArrayList<>();
        if (existing.kind() != kind) {
            differs.add("it is a " + existing.kind() + " payment, this is a " + kind + " payment");
        }
        if (!existing.amount().equals(amount)) {
            differs.add("its amount is " + existing.amount() + ", this asks " + amount);
        }
        if (!existing.methodId().equals(method.id())) {
            differs.add("its method is " + existing.methodId() + ", this asks " + method.id());
        }
        if (code.isPresent() && kind == TradeKind.BARCODE && existing.kind() == TradeKind.BARCODE) {
            boolean same = existing.paymentCodeDigest()
                    .map(d -> d.equals(PaymentCodeDigest.of(existing.outTradeNo(), code.get().value())))
                    // a record from before digests were kept: the masked form is all there is
                    .orElse(existing.maskedPaymentCode().equals(code.get().masked()));
            if (!same) {
                differs.add("it was paid with code " + existing.maskedPaymentCode() + ", this brings "
                        + code.get().masked());
            }
        }
        if (!differs.isEmpty()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "orderId", "order " + existing.orderId()
                    + " already has trade " + existing.outTradeNo() + " (" + existing.state() + "), and this request "
                    + "asks for another payment: " + String.join("; ", differs) + ". Use a new order id for a new "
                    + "payment; ask with the same details to get the existing trade's outcome.");
        }
    }
}
