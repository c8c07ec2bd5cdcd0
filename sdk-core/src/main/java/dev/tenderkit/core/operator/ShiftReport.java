package dev.tenderkit.core.operator;

import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One operator's shift, from the audit trail: what they took per payment method, refunded and
 * cancelled, and the approvals they asked for, were declined, and gave. Counts the outcome entries
 * written within {@code [from, to)} (by the trail's clock), so an action whose outcome came later
 * falls into the window of its outcome. Immutable. Money in fen.
 *
 * @param operatorId whose shift
 * @param from start of the window, inclusive
 * @param to end of the window, exclusive
 * @param payments paid payments per payment method id, in id order
 * @param refunds refunds confirmed (cancels after payment not included)
 * @param cancels cancels that ended reversed or refunded; their total is what cancels after payment refunded
 * @param resolutions manual resolutions of flagged trades, by result
 * @param approvalsAsked supervised actions this operator asked for (approved, declined or failed)
 * @param approvalsDeclined those declined, by a supervisor or the desk's rules
 * @param approvalsGiven supervised actions of others this operator approved
 * @param unfinished intents of this operator within the window without an outcome anywhere in the trail
 *     (sent, and no answer written: a crash, or a trail that failed; the engine's store holds what happened)
 * @param errors outcomes in which the engine failed
 * @param trailIntact whether the trail's chain was whole when it was opened
 * @param head the trail's head when the report was made: print it, keep it
 */
public record ShiftReport(String operatorId, Instant from, Instant to, Map<String, MethodTotal> payments,
        MethodTotal refunds, MethodTotal cancels, Map<TrailResult, Long> resolutions, long approvalsAsked,
        long approvalsDeclined, long approvalsGiven, long unfinished, long errors, boolean trailIntact,
        TrailHead head) {

    /** Copies. */
    public ShiftReport {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        payments = Collections.unmodifiableMap(new TreeMap<>(payments));
        Objects.requireNonNull(refunds, "refunds");
        Objects.requireNonNull(cancels, "cancels");
        resolutions = Collections.unmodifiableMap(new TreeMap<>(resolutions));
        Objects.requireNonNull(head, "head");
    }

    /**
     * @param trail the trail
     * @param operatorId whose shift
     * @param from start, inclusive
     * @param to end, exclusive
     * @return the report
     */
    public static ShiftReport of(AuditTrail trail, String operatorId, Instant from, Instant to) {
        TrailHead head = trail.head();   // first: the entries read next are at least these
        return of(trail.entries(), operatorId, from, to, trail.verification().isIntact(), head);
    }

    static ShiftReport of(List<TrailEntry> entries, String operatorId, Instant from, Instant to, boolean intact,
            TrailHead head) {
        if (!from.isBefore(to)) {
            throw new dev.tenderkit.core.InvalidInputException("to", "the window must end after it starts: " + from
                    + " .. " + to);
        }
        Map<String, MethodTotal> payments = new TreeMap<>();
        Map<TrailResult, Long> resolutions = new TreeMap<>();
        MethodTotal refunds = MethodTotal.NONE;
        MethodTotal cancels = MethodTotal.NONE;
        long asked = 0, declined = 0, given = 0, errors = 0;
        java.util.Set<Long> open = new java.util.HashSet<>();
        for (TrailEntry e : entries) {
            boolean mine = e.operator().id().equals(operatorId);
            if (mine && e.type() == EntryType.INTENT && !e.at().isBefore(from) && e.at().isBefore(to)) {
                open.add(e.seq());
            }
            if (mine && e.type() == EntryType.OUTCOME) {
                e.intentSeq().ifPresent(open::remove);
            }
            if (e.at().isBefore(from) || !e.at().isBefore(to)) {
                continue;
            }
            if (!mine) {
                if (e.type() == EntryType.INTENT && e.approver().map(a -> a.id().equals(operatorId)).orElse(false)) {
                    given++;
                }
                continue;
            }
            switch (e.type()) {
                case DECLINED -> {
                    asked++;
                    declined++;
                }
                case APPROVAL_FAILED -> asked++;
                case INTENT -> asked += e.approver().isPresent() ? 1 : 0;
                case OUTCOME -> {
                    TrailResult r = e.result().orElse(TrailResult.ERROR);
                    Money amount = e.amount().orElse(Money.ZERO);
                    DeskAction action = e.action().orElseThrow();
                    if (r == TrailResult.ERROR) {
                        errors++;
                    }
                    if (action == DeskAction.PAY && r == TrailResult.PAID) {
                        payments.merge(e.methodId().orElse("unknown"), MethodTotal.NONE.plus(amount),
                                (a, b) -> a.plus(amount));
                    } else if (action == DeskAction.REFUND && r == TrailResult.REFUNDED) {
                        refunds = refunds.plus(amount);
                    } else if (action == DeskAction.CANCEL && (r == TrailResult.REVERSED || r == TrailResult.REFUNDED)) {
                        cancels = cancels.plus(r == TrailResult.REFUNDED ? amount : Money.ZERO);
                    } else if (action == DeskAction.RESOLVE) {
                        resolutions.merge(r, 1L, Long::sum);
                    }
                }
                default -> { }
            }
        }
        return new ShiftReport(operatorId, from, to, payments, refunds, cancels, resolutions, asked, declined, given,
                open.size(), errors, intact, head);
    }
}
