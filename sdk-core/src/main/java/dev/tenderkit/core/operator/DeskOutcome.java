package dev.tenderkit.core.operator;

import java.util.Objects;
import java.util.Optional;

/**
 * What a desk action came to: done (the engine's answer, with the trail entries written before and
 * after it), or declined (nothing was sent; the refusal is itself an entry).
 *
 * @param <T> the engine's answer type
 */
public sealed interface DeskOutcome<T> {

    /**
     * Sent to the engine, which answered.
     *
     * @param result the engine's answer
     * @param approval the supervisor's approval, when the action needed one
     * @param intent the entry written, durable, before the engine was called
     * @param outcome the entry written after; empty only if writing it failed (logged, and the trail
     *     then shows an intent without an outcome: the engine's store holds what happened)
     * @param <T> the engine's answer type
     */
    record Done<T>(T result, Optional<Authorisation.Approved> approval, TrailEntry intent,
            Optional<TrailEntry> outcome) implements DeskOutcome<T> {
        /** Validates. */
        public Done {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(approval, "approval");
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * Not approved: nothing was sent to the engine.
     *
     * @param request what was asked
     * @param reason why it was declined: by the supervisor, or by the desk's rules (a cashier
     *     approving, a supervisor approving herself)
     * @param entry the trail entry of the refusal
     * @param <T> the engine's answer type
     */
    record Declined<T>(ApprovalRequest request, String reason, TrailEntry entry) implements DeskOutcome<T> {
        /** Validates. */
        public Declined {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(entry, "entry");
        }
    }
}
