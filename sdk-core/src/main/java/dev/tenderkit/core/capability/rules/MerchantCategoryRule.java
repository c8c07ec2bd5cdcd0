package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.CapabilityRule;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.FindingSink;
import dev.tenderkit.core.capability.MccRestriction;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.capability.RuleScope;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link Cause#MERCHANT_CATEGORY_RESTRICTED}: the merchant's category code falls under a policy
 * restriction that denies the method. Nothing the merchant does makes it work; the remedy lists
 * methods of the same wallet the category may still take.
 */
public final class MerchantCategoryRule implements CapabilityRule {
    private final PaymentMethodRegistry registry;

    /** @param registry the methods to suggest alternatives from */
    public MerchantCategoryRule(PaymentMethodRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public String id() {
        return "core.merchant.category";
    }

    @Override
    public RuleScope scope() {
        return RuleScope.METHOD;
    }

    @Override
    public void evaluate(CapabilityQuery q, FindingSink findings) {
        List<MccRestriction> restrictions = q.policy().restrictionsForMcc(q.merchant().mccNumber());
        for (int i = 0, n = restrictions.size(); i < n; i++) {
            MccRestriction r = restrictions.get(i);
            if (r.denies(q.method())) {
                String mcc = q.merchant().mcc();
                findings.block(Cause.MERCHANT_CATEGORY_RESTRICTED,
                        LocalizedText.of("商户类别 " + mcc + "（规则 " + r.rangeText() + "）不可使用 "
                                + q.method().name().zh() + "：" + r.reason().zh(),
                                "merchant category " + mcc + " (rule " + r.rangeText() + ") may not take "
                                        + q.method().name().en() + ": " + r.reason().en()),
                        new Remedy.UseAnotherMethod(alternatives(restrictions, q.method())));
            }
        }
    }

    private List<String> alternatives(List<MccRestriction> restrictions, PaymentMethod refused) {
        List<String> out = new ArrayList<>();
        for (PaymentMethod m : registry.all()) {
            if (m.equals(refused) || m.wallet() != refused.wallet()) {
                continue;
            }
            boolean denied = false;
            for (MccRestriction r : restrictions) {
                denied |= r.denies(m);
            }
            if (!denied) {
                out.add(m.id());
            }
        }
        return out;
    }
}
