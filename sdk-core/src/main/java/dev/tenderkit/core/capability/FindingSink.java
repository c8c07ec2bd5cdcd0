package dev.tenderkit.core.capability;

import dev.tenderkit.core.LocalizedText;

/**
 * Where a {@link CapabilityRule} reports what it found. The resolver fills in the method, the
 * channel (for {@link RuleScope#CHANNEL} rules) and the rule id. A rule reports every reason it
 * finds, not only the first.
 */
public interface FindingSink {

    /**
     * @param cause the stable cause
     * @param severity blocking or a warning
     * @param message what is wrong, in Chinese and English
     * @param remedy what to do
     */
    void report(Cause cause, Severity severity, LocalizedText message, Remedy remedy);

    /** Reports a {@link Severity#BLOCKING} finding. */
    default void block(Cause cause, LocalizedText message, Remedy remedy) {
        report(cause, Severity.BLOCKING, message, remedy);
    }
}
