package dev.tenderkit.core.capability;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which method an installment plan means, and why a plan is refused: the plans a wallet offers
 * are its installment methods in the registry, so a plan is checked against the registry's data,
 * never against a list of periods written in code.
 */
final class InstallmentPlans {
    static final String RULE_ID = "core.installment.plan";

    private InstallmentPlans() {
    }

    /**
     * @param method the wallet's method the plan was asked for (its plain, credit or an installment method)
     * @return the installment method of the same wallet and entry mode with the plan's periods, if registered
     */
    static Optional<PaymentMethod> methodFor(PaymentMethodRegistry registry, PaymentMethod method,
            InstallmentPlan plan) {
        return registry.creditMethodOf(method.wallet(), method.entryMode(), plan.periods());
    }

    /** Reports, method-wide, that the wallet of {@code method} offers no such plan, naming the plans it offers. */
    static void reportUnavailable(Evaluation ev, PaymentMethodRegistry registry, PaymentMethod method,
            InstallmentPlan plan) {
        List<Integer> offered = new ArrayList<>();
        for (PaymentMethod m : registry.installmentMethodsOf(method.wallet(), method.entryMode())) {
            if (!offered.contains(m.installmentPeriods())) {
                offered.add(m.installmentPeriods());
            }
        }
        // Name the wallet's credit product (Huabei, Fenfu) when it has one: that is what plans are of.
        LocalizedText name = registry.creditMethodOf(method.wallet(), method.entryMode(), 0)
                .map(PaymentMethod::name).orElse(method.name());
        int periods = plan.periods();
        LocalizedText message;
        if (offered.isEmpty()) {
            message = LocalizedText.of(name.zh() + "不提供分期付款", name.en() + " offers no installment plans");
        } else {
            message = LocalizedText.of(name.zh() + "不提供 " + periods + " 期分期，只提供 "
                            + offered.stream().map(String::valueOf).collect(Collectors.joining("、")) + " 期",
                    name.en() + " offers no plan of " + periods + " installments, only "
                            + RemedyText.periodsEn(offered));
        }
        ev.enterRule(RULE_ID);
        ev.block(Cause.INSTALLMENT_PLAN_UNAVAILABLE, message, new Remedy.ChooseInstallmentPlan(offered));
    }
}
