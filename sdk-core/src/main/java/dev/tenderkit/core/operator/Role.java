package dev.tenderkit.core.operator;

/** What an {@link Operator} may do at the {@link OperatorDesk}. */
public enum Role {
    /** Takes payments, refunds and cancels; an action the {@link SupervisionPolicy} supervises needs a supervisor's approval. */
    CASHIER,
    /** Does what a cashier does, and may approve the supervised actions of others. */
    SUPERVISOR
}
