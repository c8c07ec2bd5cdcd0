package dev.tenderkit.core.capability;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.method.PaymentMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a payment method is refused (or needs attention), with what to do about it.
 *
 * @param cause the stable cause
 * @param severity blocking or a warning
 * @param method the method concerned
 * @param channelId the channel concerned, when the reason is specific to one channel
 * @param message what is wrong, in Chinese and English
 * @param remedy what to do
 * @param ruleId the id of the rule that found it
 */
public record Finding(Cause cause, Severity severity, PaymentMethod method, Optional<String> channelId,
        LocalizedText message, Remedy remedy, String ruleId) {

    /** Validates. */
    public Finding {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(ruleId, "ruleId");
    }

    /** @return whether this finding refuses the method (on its channel, or everywhere) */
    public boolean isBlocking() {
        return severity == Severity.BLOCKING;
    }
}
