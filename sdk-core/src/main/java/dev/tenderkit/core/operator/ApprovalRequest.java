package dev.tenderkit.core.operator;

import dev.tenderkit.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link OperatorDesk} asks an {@link Authoriser} to put before a supervisor. Immutable.
 *
 * @param action the action waiting for approval
 * @param operator who asked for it
 * @param orderId the POS order it concerns
 * @param outTradeNo the trade, when known
 * @param amount the money it moves, when known
 * @param why which rule of the {@link SupervisionPolicy} asks for approval, in English
 */
public record ApprovalRequest(DeskAction action, Operator operator, String orderId, Optional<String> outTradeNo,
        Optional<Money> amount, String why) {

    /** Validates. */
    public ApprovalRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(why, "why");
    }
}
