package dev.tenderkit.core.operator;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequence every desk action follows: ask the authoriser when the plan needs a supervisor
 * (declined or failed: an entry, nothing sent); check the approver's role and self-approval; write
 * the intent entry, durable; call the engine; write the outcome entry (or the engine's failure);
 * answer with the engine's outcome. Stateless apart from its collaborators; thread-safe.
 */
final class SupervisedRun {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisedRun.class);

    private final AuditTrail trail;
    private final SupervisionPolicy policy;
    private final Authoriser authoriser;

    SupervisedRun(AuditTrail trail, SupervisionPolicy policy, Authoriser authoriser) {
        this.trail = trail;
        this.policy = policy;
        this.authoriser = authoriser;
    }

    <T> CompletableFuture<DeskOutcome<T>> run(DeskPlan plan, Supplier<CompletableFuture<T>> call,
            Function<T, OutcomeFacts> facts) {
        if (plan.supervision().isEmpty()) {
            return send(plan, Optional.empty(), call, facts);
        }
        ApprovalRequest request = plan.approvalRequest();
        CompletableFuture<Authorisation> answer;
        try {
            CompletionStage<Authorisation> stage = authoriser.authorise(request);
            answer = stage == null ? failed(new IllegalStateException("the authoriser answered null"))
                    : stage.toCompletableFuture();
        } catch (RuntimeException e) {
            answer = failed(e);
        }
        return answer.handle((a, error) -> decide(plan, request, a, error, call, facts)).thenCompose(f -> f);
    }

    private <T> CompletableFuture<DeskOutcome<T>> decide(DeskPlan plan, ApprovalRequest request, Authorisation a,
            Throwable error, Supplier<CompletableFuture<T>> call, Function<T, OutcomeFacts> facts) {
        if (error != null || a == null) {
            return approvalFailed(plan, error != null ? unwrap(error)
                    : new IllegalStateException("the authoriser completed with null"));
        }
        if (a instanceof Authorisation.Declined d) {
            return declined(plan, request, d.reason(), Optional.empty());
        }
        Authorisation.Approved ok = (Authorisation.Approved) a;
        Optional<String> problem = ruleBreach(plan.operator(), ok.approver());
        if (problem.isPresent()) {
            return declined(plan, request, problem.get(), Optional.of(ok));
        }
        return send(plan, Optional.of(ok), call, facts);
    }

    /** @return why an approval by {@code approver} does not count for an action of {@code operator} */
    private Optional<String> ruleBreach(Operator operator, Operator approver) {
        if (!approver.isSupervisor()) {
            return Optional.of("the approval came from " + approver.id() + " (" + approver.displayName() + "), a "
                    + approver.role() + ": only a SUPERVISOR may approve");
        }
        if (approver.id().equals(operator.id()) && !policy.supervisorMayApproveOwnActions()) {
            return Optional.of(approver.id() + " approved her own action: the policy wants another supervisor "
                    + "(four eyes)");
        }
        return Optional.empty();
    }

    private <T> CompletableFuture<DeskOutcome<T>> declined(DeskPlan plan, ApprovalRequest request, String reason,
            Optional<Authorisation.Approved> attempted) {
        try {
            TrailEntry e = trail.append(plan.entry(EntryType.DECLINED, attempted.map(Authorisation.Approved::approver),
                    attempted.map(Authorisation.Approved::means), "needed approval: " + request.why()
                    + "; declined: " + reason));
            LOG.info("{} of order {} by {} declined: {}", plan.action(), plan.orderId(), plan.operator().id(), reason);
            return CompletableFuture.completedFuture(new DeskOutcome.Declined<>(request, reason, e));
        } catch (RuntimeException x) {
            return failed(x);
        }
    }

    private <T> CompletableFuture<T> approvalFailed(DeskPlan plan, Throwable cause) {
        TenderKitException failure = new TenderKitException(ErrorCode.EXTENSION_FAILURE, "the authoriser failed "
                + "while asking approval for " + plan.action() + " of order " + plan.orderId() + " (" + cause
                + "); nothing was sent", cause);
        try {
            trail.append(plan.entry(EntryType.APPROVAL_FAILED, Optional.empty(), Optional.empty(),
                    "the authoriser failed: " + cause));
        } catch (RuntimeException x) {
            failure.addSuppressed(x);
        }
        return failed(failure);
    }

    private <T> CompletableFuture<DeskOutcome<T>> send(DeskPlan plan, Optional<Authorisation.Approved> approval,
            Supplier<CompletableFuture<T>> call, Function<T, OutcomeFacts> facts) {
        TrailEntry intent;
        try {
            intent = trail.append(plan.entry(EntryType.INTENT, approval.map(Authorisation.Approved::approver),
                    approval.map(Authorisation.Approved::means), plan.detail()));
        } catch (RuntimeException e) {   // not durable: the action is not sent
            return failed(e);
        }
        CompletableFuture<T> money;
        try {
            money = call.get();
        } catch (RuntimeException e) {
            money = failed(e);
        }
        return money.handle((result, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                try {
                    trail.append(plan.error(intent, cause));
                } catch (RuntimeException x) {
                    cause.addSuppressed(x);
                }
                return this.<DeskOutcome<T>>failed(cause);
            }
            Optional<TrailEntry> outcome;
            try {
                outcome = Optional.of(trail.append(plan.outcome(intent, facts.apply(result))));
            } catch (RuntimeException x) {   // the money action happened: its answer must still reach the till
                LOG.error("audit trail {}: the outcome of entry {} ({} of order {}) could not be written; the "
                        + "engine's store holds it", trail.file(), intent.seq(), plan.action(), plan.orderId(), x);
                outcome = Optional.empty();
            }
            return CompletableFuture.completedFuture((DeskOutcome<T>) new DeskOutcome.Done<>(result, approval, intent,
                    outcome));
        }).thenCompose(f -> f);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** A failed future; {@code CompletableFuture.failedFuture} is missing on Android. */
    private static <T> CompletableFuture<T> failed(Throwable t) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(t);
        return f;
    }
}
