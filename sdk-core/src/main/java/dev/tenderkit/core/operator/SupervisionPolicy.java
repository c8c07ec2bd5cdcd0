package dev.tenderkit.core.operator;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * Which desk actions need a supervisor's approval. Immutable and thread-safe; built by
 * {@link #builder()}, whose {@code build()} names the setting that cannot work.
 *
 * <ul>
 *   <li><b>Refunds above a threshold.</b> A refund needs approval when it, added to what the order's
 *       paid trade has already refunded or has refunds in progress for, exceeds
 *       {@link #refundThreshold()}: splitting a large refund into small ones does not avoid it.</li>
 *   <li><b>A cancel after payment</b> (the order's trade is paid, so the cancel returns money that
 *       reached the merchant) when {@link #cancelAfterPayment()}. A cancel of an attempt still in
 *       progress is the engine's ordinary cancel and needs none.</li>
 *   <li><b>A manual resolution of a flagged trade</b> when {@link #manualResolution()}.</li>
 *   <li><b>Self-approval.</b> A supervisor's own supervised action is asked of the
 *       {@link Authoriser} like anyone's. By default another supervisor must approve it (four eyes):
 *       an approval by the acting supervisor herself is declined. A shop with one supervisor may
 *       allow it ({@link Builder#supervisorMayApproveOwnActions(boolean)}); she still authenticates
 *       with the authoriser, and the trail shows approver = operator. A cashier never approves.</li>
 * </ul>
 *
 * @param refundThreshold refunds whose order total would exceed this need approval; zero: every refund
 * @param cancelAfterPayment whether cancelling a paid order needs approval
 * @param manualResolution whether resolving a flagged trade needs approval
 * @param supervisorMayApproveOwnActions whether a supervisor may approve her own supervised action
 */
public record SupervisionPolicy(Money refundThreshold, boolean cancelAfterPayment, boolean manualResolution,
        boolean supervisorMayApproveOwnActions) {

    /** Validates. */
    public SupervisionPolicy {
        Objects.requireNonNull(refundThreshold, "refundThreshold");
    }

    /** @return a builder: every refund, a cancel after payment and a resolution need approval; no self-approval */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param refund the amount asked
     * @param alreadyRefunded what the order's trade has refunded or is refunding already
     * @return whether this refund needs a supervisor
     */
    public boolean refundNeedsApproval(Money refund, Money alreadyRefunded) {
        return refund.plus(alreadyRefunded).isGreaterThan(refundThreshold);
    }

    /** Collects a policy. Not thread-safe. */
    public static final class Builder {
        private Money refundThreshold = Money.ZERO;
        private boolean cancelAfterPayment = true;
        private boolean manualResolution = true;
        private boolean selfApproval;
        private boolean thresholdSet;

        private Builder() {
        }

        /**
         * @param threshold refunds of an order totalling more than this need a supervisor; default
         *     zero (every refund)
         * @return this
         */
        public Builder refundApprovalAbove(Money threshold) {
            this.refundThreshold = threshold;
            this.thresholdSet = true;
            return this;
        }

        /** @param required whether cancelling a paid order needs approval; default true @return this */
        public Builder cancelAfterPaymentNeedsApproval(boolean required) {
            this.cancelAfterPayment = required;
            return this;
        }

        /** @param required whether resolving a flagged trade needs approval; default true @return this */
        public Builder manualResolutionNeedsApproval(boolean required) {
            this.manualResolution = required;
            return this;
        }

        /** @param allowed whether a supervisor may approve her own supervised action; default false @return this */
        public Builder supervisorMayApproveOwnActions(boolean allowed) {
            this.selfApproval = allowed;
            return this;
        }

        /**
         * @return the policy
         * @throws ConfigurationException naming {@code refundApprovalAbove} when it was set to null
         */
        public SupervisionPolicy build() {
            if (thresholdSet && refundThreshold == null) {
                throw new ConfigurationException("refundApprovalAbove", "must be an amount (Money.ZERO for every "
                        + "refund), not null");
            }
            return new SupervisionPolicy(refundThreshold, cancelAfterPayment, manualResolution, selfApproval);
        }
    }
}
