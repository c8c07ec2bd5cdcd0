package dev.tenderkit.core.operator;

import java.util.concurrent.CompletionStage;

/**
 * The POS's way of asking a supervisor to approve a supervised action: a PIN pad, a staff card, a
 * phone app. TenderKit cannot check a PIN; it trusts the identity this answers with and checks only
 * the rules ({@link SupervisionPolicy}): the approver must be a {@link Role#SUPERVISOR}, and not the
 * operator who asked unless the policy allows self-approval.
 *
 * <p>Called once per supervised action, before anything is written or sent. The answer may come
 * later (a dialog on the till): the desk continues on the thread that completes the stage. A stage
 * that fails, or an exception thrown here, sends nothing to the engine and is itself a trail entry.
 */
@FunctionalInterface
public interface Authoriser {
    /**
     * @param request what needs approval and why
     * @return the supervisor's answer
     */
    CompletionStage<Authorisation> authorise(ApprovalRequest request);
}
