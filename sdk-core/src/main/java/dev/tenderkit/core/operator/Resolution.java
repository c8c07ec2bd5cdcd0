package dev.tenderkit.core.operator;

import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * How a person resolves a trade the engine flagged for attention ({@code TradeRecord#attention()}),
 * at {@link OperatorDesk#resolve}. The engine keeps its own flag: the resolution is the trail's
 * record of who decided what.
 */
public sealed interface Resolution {

    /** @return the resolution in words, for the trail */
    String describe();

    /**
     * Refund the trade (a paid trade adopted by recovery, for example), through the engine's refund.
     *
     * @param refundRequestNo the refund's number
     * @param amount how much
     * @param reason shown to the buyer
     */
    record RefundIt(String refundRequestNo, Money amount, String reason) implements Resolution {
        /** Validates. */
        public RefundIt {
            Objects.requireNonNull(refundRequestNo, "refundRequestNo");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "refund " + refundRequestNo + " of " + amount.toPlainString() + ": " + reason;
        }
    }

    /** Reverse the trade again (an unconfirmed reversal), through the engine's cancel. */
    record Reverse() implements Resolution {
        @Override
        public String describe() {
            return "reverse the trade";
        }
    }

    /**
     * Accept the trade as it stands (checked with the wallet by phone, say): nothing is sent.
     *
     * @param note what was checked and decided
     */
    record AcceptAsIs(String note) implements Resolution {
        /** Validates. */
        public AcceptAsIs {
            Objects.requireNonNull(note, "note");
        }

        @Override
        public String describe() {
            return "accepted as it is: " + note;
        }
    }
}
