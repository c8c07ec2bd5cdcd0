package dev.tenderkit.core.capability;

/** What a capability rule looks at, and so how often the resolver runs it. */
public enum RuleScope {
    /**
     * The terminal, the merchant, the transaction or the policy, independently of the channel: run
     * once per method. A blocking finding refuses the method outright.
     */
    METHOD,
    /**
     * One of the merchant's channels: run once per channel per method. A blocking finding rules
     * out that channel only; the method is accepted if another channel remains.
     */
    CHANNEL
}
