package dev.tenderkit.wechat;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.merchant.ReviewStatus;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * What WeChat Pay itself accepts, whatever the platform policy says:
 *
 * <ul>
 *   <li>an amount of 0.01 to 21474836.47 yuan: APIv3 carries {@code amount.total} as a 32-bit
 *       integer of fen, so nothing larger can even be asked;</li>
 *   <li>分付 ({@link PaymentMethods#WECHAT_PAY_CREDIT}) only for a merchant whose 分付 product is
 *       approved on the channel: WeChat Pay opens it per merchant ("不保证每个商户都可用",
 *       wechatpay.md §6), so even where the policy data does not mark the offering as needing a
 *       qualification, a merchant without an approved one is refused here, with the remedy.</li>
 * </ul>
 *
 * Loaded through {@link java.util.ServiceLoader} when sdk-wechat is on the class path; the doctor
 * explains a refused WeChat Pay method with these findings. Allocation-free when nothing is wrong;
 * thread-safe.
 */
public final class WeChatPayCapabilityRule implements CapabilityRule {
    static final Money MIN = Money.ofFen(1);
    static final Money MAX = Money.ofFen(Integer.MAX_VALUE);

    /** Used by {@link java.util.ServiceLoader}. */
    public WeChatPayCapabilityRule() {
    }

    @Override
    public String id() {
        return "wechat.limits";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.CHANNEL;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        if (q.method().wallet() != Wallet.WECHAT_PAY) {
            return;
        }
        if (q.hasAmount() && q.amount().isGreaterThan(MAX)) {
            findings.block(Cause.AMOUNT_OUT_OF_RANGE,
                    LocalizedText.of("微信支付单笔金额上限为 21474836.47 元", "WeChat Pay takes at most 21474836.47 yuan per trade"),
                    new Remedy.ChangeAmount(Optional.of(MIN), Optional.of(MAX)));
        }
        if (!q.method().equals(PaymentMethods.WECHAT_PAY_CREDIT)) {
            return;
        }
        ChannelOffering offering = q.offeringOrNull();
        if (offering == null || offering.qualificationRequired()) {
            return; // not offered (the channel rule says so), or the core qualification rule decides
        }
        String ch = q.channel().id();
        String product = q.method().product();
        Qualification qual = q.merchant().qualificationOrNull(ch, product);
        if (qual != null && qual.effectiveStatus(q.businessEpochDay()) == ReviewStatus.APPROVED) {
            return;
        }
        findings.block(Cause.MERCHANT_QUALIFICATION_MISSING,
                LocalizedText.of("微信支付分付需商户单独开通，商户在通道 " + ch + " 未获批分付",
                        "WeChat Pay opens 分付 (credit) per merchant; the merchant has no approved 分付 on channel " + ch),
                new Remedy.SubmitQualification(ch, product, List.of()));
    }
}
