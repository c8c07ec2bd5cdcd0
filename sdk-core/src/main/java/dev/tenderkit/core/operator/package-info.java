/**
 * Operators, supervisor approval and the tamper-evident audit trail, wrapped around the
 * {@link dev.tenderkit.core.payment.PaymentEngine} without changing it.
 *
 * <ul>
 *   <li>{@link dev.tenderkit.core.operator.Operator}s are cashiers or supervisors;</li>
 *   <li>the {@link dev.tenderkit.core.operator.SupervisionPolicy} says which actions need a
 *       supervisor: a refund above a threshold (counting the order's earlier refunds), a cancel after
 *       payment, a manual resolution of a flagged trade; a supervisor may approve her own action only
 *       if the policy allows it, a cashier never approves;</li>
 *   <li>the POS implements the {@link dev.tenderkit.core.operator.Authoriser} (PIN, card, app);</li>
 *   <li>the {@link dev.tenderkit.core.operator.OperatorDesk} takes each action with its operator,
 *       asks for approval, writes the intent to the {@link dev.tenderkit.core.operator.AuditTrail}
 *       (durable) before the engine is called and the outcome after;</li>
 *   <li>the trail is an append-only journal of SHA-256-chained entries, verified on open
 *       ({@link dev.tenderkit.core.operator.TrailVerification}); what it can and cannot detect is on
 *       {@link dev.tenderkit.core.operator.AuditTrail};</li>
 *   <li>a {@link dev.tenderkit.core.operator.ShiftReport} per operator is computed from the trail.</li>
 * </ul>
 */
package dev.tenderkit.core.operator;
