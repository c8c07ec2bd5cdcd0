package dev.tenderkit.core.operator;

import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.TradeOutcome;
import java.util.Objects;

/**
 * What a cancel or a resolution did: the engine's answer for a trade or a refund, or nothing sent
 * at all (a resolution that accepts the trade as it is).
 */
public sealed interface ActionResult {

    /** @param outcome the engine's outcome for the trade (a cancel in progress, a reversal retried) */
    record OfTrade(TradeOutcome outcome) implements ActionResult {
        /** Validates. */
        public OfTrade {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** @param outcome the engine's outcome for the refund (a cancel after payment, a resolution by refund) */
    record OfRefund(RefundOutcome outcome) implements ActionResult {
        /** Validates. */
        public OfRefund {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** @param note the resolution recorded; nothing was sent to the engine */
    record Recorded(String note) implements ActionResult {
        /** Validates. */
        public Recorded {
            Objects.requireNonNull(note, "note");
        }
    }
}
