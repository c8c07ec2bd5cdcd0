package dev.tenderkit.alipay;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import java.util.Optional;

/**
 * What Alipay itself accepts, whatever the platform policy says: an amount within 0.01 to
 * 100,000,000.00 yuan per trade. Which Huabei installment plans exist is not checked here: the
 * plans are the installment methods of the payment method registry, and the resolver refuses any
 * other plan ({@code Cause.INSTALLMENT_PLAN_UNAVAILABLE}). Loaded through
 * {@link java.util.ServiceLoader} when sdk-alipay is on the class path. Allocation-free when
 * nothing is wrong; thread-safe.
 */
public final class AlipayCapabilityRule implements CapabilityRule {
    static final Money MIN = Money.parse("0.01");
    static final Money MAX = Money.parse("100000000.00");

    /** Used by {@link java.util.ServiceLoader}. */
    public AlipayCapabilityRule() {
    }

    @Override
    public String id() {
        return "alipay.limits";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        if (q.method().wallet() != Wallet.ALIPAY) {
            return;
        }
        if (q.hasAmount() && q.amount().isGreaterThan(MAX)) {
            findings.block(Cause.AMOUNT_OUT_OF_RANGE,
                    LocalizedText.of("支付宝单笔金额上限为 100000000.00 元", "Alipay takes at most 100000000.00 yuan per trade"),
                    new Remedy.ChangeAmount(Optional.of(MIN), Optional.of(MAX)));
        }
    }
}
