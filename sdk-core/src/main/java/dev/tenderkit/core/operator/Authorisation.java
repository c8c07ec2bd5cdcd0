package dev.tenderkit.core.operator;

import dev.tenderkit.core.InvalidInputException;
import java.util.Objects;

/** A supervisor's answer to an {@link ApprovalRequest}, as the {@link Authoriser} reports it. */
public sealed interface Authorisation {

    /**
     * Approved. The desk still checks that the approver is a supervisor and, unless the policy allows
     * it, not the operator who asked.
     *
     * @param approver who approved, as the authoriser identified them (PIN, staff card, app)
     * @param means how they were identified, e.g. {@code "PIN"}, {@code "CARD"}, {@code "APP"}: 1-32
     *     printable characters, recorded in the trail
     */
    record Approved(Operator approver, String means) implements Authorisation {
        /**
         * Validates.
         *
         * @throws InvalidInputException naming {@code means} when it is blank, too long or not printable
         */
        public Approved {
            Objects.requireNonNull(approver, "approver");
            if (means == null || means.isBlank() || means.length() > 32
                    || !means.chars().allMatch(c -> c >= 32 && c != 127)) {
                throw new InvalidInputException("means", "must be 1-32 printable characters, got \"" + means + "\"");
            }
        }
    }

    /**
     * Declined: nothing is sent to the engine; the trail records the refusal.
     *
     * @param reason why, as the supervisor or the authoriser put it
     */
    record Declined(String reason) implements Authorisation {
        /** Validates. */
        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
