package dev.tenderkit.core.payment;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.payment.spi.FundingSource;
import java.util.Optional;

/**
 * Which payment method a scanned code means and which method a payment is priced as, read from
 * the method registry's data (wallet, credit, installment periods, entry mode) rather than from
 * any wallet's product names: a wallet contributes its methods to the registry, and this finds
 * them. Thread-safe (the registry is immutable).
 */
final class MethodChoice {
    private final PaymentMethodRegistry registry;

    MethodChoice(PaymentMethodRegistry registry) {
        this.registry = registry;
    }

    /**
     * @return the wallet's plain method for a code the buyer shows: not credit, no installments
     * @throws InvalidInputException naming {@code paymentCode} when the registry has none
     */
    PaymentMethod plainMethod(Wallet wallet) {
        return registry.plainMethodOf(wallet).orElseThrow(() -> new InvalidInputException("paymentCode",
                "this payment code belongs to " + wallet + ", for which the method registry has no payment method"));
    }

    /**
     * @param wallet the wallet of the scanned code
     * @param plan the installment plan the buyer chose, if any
     * @return the method the code and plan mean: the wallet's installment method in that many
     *     periods, or its plain method — then the resolver refuses the plan, naming the ones offered
     */
    PaymentMethod barcodeMethod(Wallet wallet, Optional<InstallmentPlan> plan) {
        return plan.flatMap(p -> registry.creditMethodOf(wallet, p.periods())).filter(PaymentMethod::isInstallment)
                .orElseGet(() -> plainMethod(wallet));
    }

    /**
     * What the buyer actually used decides the fee: a wallet's credit (Huabei, 分付) costs more than
     * its balance. A plain method paid with credit is priced as the wallet's credit method of the
     * same entry mode (its installment method when the funding says periods); a credit method, or a
     * wallet without a credit method, is priced as requested.
     */
    PaymentMethod pricedAs(PaymentMethod requested, FundingSource funding) {
        if (!funding.credit() || requested.isCredit()) {
            return requested;
        }
        Optional<PaymentMethod> credit = registry.creditMethodOf(requested.wallet(), funding.installmentPeriods())
                .filter(m -> m.entryMode() == requested.entryMode());
        if (credit.isEmpty() && funding.installmentPeriods() > 0) {
            credit = registry.creditMethodOf(requested.wallet(), 0).filter(m -> m.entryMode() == requested.entryMode());
        }
        return credit.orElse(requested);
    }
}
