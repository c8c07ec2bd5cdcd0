package dev.tenderkit.core.capability;

/**
 * One reason a payment method might not work, checked. The resolver runs every rule for every
 * resolution (rules do not short-circuit each other), so that all reasons are reported.
 *
 * <p>Wallet modules and vendors add rules either programmatically
 * ({@link CapabilityResolver.Builder#addRule}) or through {@link java.util.ServiceLoader} by
 * listing the class in {@code META-INF/services/dev.tenderkit.core.capability.CapabilityRule}
 * (it then needs a public no-argument constructor).
 *
 * <p>Implementations must be thread-safe and fast: a rule runs on the checkout hot path, and on
 * the path where nothing is wrong it should not allocate. It must not keep the query or the sink.
 * An exception thrown by a rule fails the resolution (it is never swallowed).
 */
public interface CapabilityRule {

    /** @return a stable id naming the rule, e.g. {@code core.terminal.certification} */
    String id();

    /** @return whether the rule looks at one channel or at the method as a whole */
    RuleScope scope();

    /**
     * @param query what is being resolved
     * @param findings where to report each reason found
     */
    void evaluate(CapabilityQuery query, FindingSink findings);
}
