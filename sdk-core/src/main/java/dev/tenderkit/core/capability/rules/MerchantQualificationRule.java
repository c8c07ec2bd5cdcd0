package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.QualificationRequirement;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.merchant.ReviewStatus;
import java.util.List;

/**
 * {@code MERCHANT_QUALIFICATION_*}: the channel offers the method only to merchants qualified for
 * its product, and this merchant's review there is missing, pending, rejected or expired.
 */
public final class MerchantQualificationRule implements CapabilityRule {

    @Override
    public String id() {
        return "core.merchant.qualification";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.CHANNEL;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        ChannelProfile channel = q.channel();
        ChannelOffering offering = q.offeringOrNull();
        if (offering == null || !offering.qualificationRequired()) {
            return;
        }
        String product = q.method().product();
        Qualification qual = q.merchant().qualificationOrNull(channel.id(), product);
        ReviewStatus status = qual == null ? null : qual.effectiveStatus(q.businessEpochDay());
        if (status == ReviewStatus.APPROVED) {
            return;
        }
        String ch = channel.id();
        LocalizedText productName = q.policy().qualificationRequirement(product)
                .map(QualificationRequirement::name).orElse(LocalizedText.of(product, product));
        List<String> materials = q.policy().qualificationRequirement(product)
                .map(QualificationRequirement::materials).orElse(List.of());
        if (status == null) {
            findings.block(Cause.MERCHANT_QUALIFICATION_MISSING,
                    LocalizedText.of("商户未在通道 " + ch + " 提交" + productName.zh() + "资质",
                            "the merchant has not applied for " + productName.en() + " on channel " + ch),
                    new Remedy.SubmitQualification(ch, product, materials));
            return;
        }
        switch (status) {
            case PENDING -> findings.block(Cause.MERCHANT_QUALIFICATION_PENDING,
                    LocalizedText.of("商户在通道 " + ch + " 的" + productName.zh() + "资质正在审核中",
                            "the merchant's " + productName.en() + " qualification on channel " + ch
                                    + " is under review"),
                    new Remedy.AwaitReview(ch, product, qual.submittedOn()));
            case REJECTED -> {
                String reason = qual.rejectionReason().orElseThrow();
                findings.block(Cause.MERCHANT_QUALIFICATION_REJECTED,
                        LocalizedText.of("商户在通道 " + ch + " 的" + productName.zh() + "资质被驳回：" + reason,
                                "the merchant's " + productName.en() + " qualification on channel " + ch
                                        + " was rejected: " + reason),
                        new Remedy.ResubmitQualification(ch, product, reason, materials));
            }
            case EXPIRED -> findings.block(Cause.MERCHANT_QUALIFICATION_EXPIRED,
                    LocalizedText.of("商户在通道 " + ch + " 的" + productName.zh() + "资质已过期",
                            "the merchant's " + productName.en() + " qualification on channel " + ch + " has expired"),
                    new Remedy.RenewQualification(ch, product, qual.expiresOn(), materials));
            default -> throw new IllegalStateException("unhandled review status " + status);
        }
    }
}
