package dev.tenderkit.core.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.method.EntryMode;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An installment plan is a parameter of the request: it picks the wallet's installment method,
 * and a plan the wallet does not offer is refused by the resolver, naming the plans it does offer
 * as the registry holds them.
 */
class InstallmentPlanResolutionTest {
    private static final Money AMOUNT = Money.parse("688.00");

    private final CapabilityResolver resolver = Fixtures.resolver(Fixtures.policy("plans-1").build());
    private final CheckoutContext here = Fixtures.goodContext();

    private static Optional<InstallmentPlan> plan(int periods) {
        return Optional.of(new InstallmentPlan(periods, FeeBearer.BUYER));
    }

    private static Finding theOnlyFinding(CapabilityVerdict v) {
        assertEquals(1, v.findings().size(), v.findings()::toString);
        return v.findings().get(0);
    }

    @Test
    void aPlanResolvesTheWalletsInstallmentMethodWithThosePeriods() {
        for (PaymentMethod asked : List.of(ALIPAY, ALIPAY_HUABEI)) {
            CapabilityVerdict v = resolver.resolve(here, asked, AMOUNT, plan(6));
            assertTrue(v.isAccepted(), v.findings()::toString);
            assertEquals(HUABEI_INSTALLMENT_6, v.method());
        }
    }

    @Test
    void withoutAPlanTheMethodItselfIsResolved() {
        assertSame(resolver.resolve(here, ALIPAY, AMOUNT), resolver.resolve(here, ALIPAY, AMOUNT, Optional.empty()));
    }

    @Test
    void aPlanTheWalletDoesNotOfferIsRefusedNamingThePeriodsItOffers() {
        CapabilityVerdict v = resolver.resolve(here, ALIPAY, AMOUNT, plan(5));
        assertFalse(v.isAccepted());
        assertEquals(ALIPAY, v.method());
        Finding f = theOnlyFinding(v);
        assertEquals(Cause.INSTALLMENT_PLAN_UNAVAILABLE, f.cause());
        assertEquals("core.installment.plan", f.ruleId());
        assertTrue(f.channelId().isEmpty());
        Remedy.ChooseInstallmentPlan r = assertInstanceOf(Remedy.ChooseInstallmentPlan.class, f.remedy());
        assertEquals(List.of(3, 6, 12), r.offeredPeriods());
        assertEquals("CHOOSE_INSTALLMENT_PLAN", r.code());
        assertEquals("choose a plan the wallet offers: 3, 6 or 12 installments", r.text().en());
        assertEquals("改选钱包提供的分期期数：3、6、12 期", r.text().zh());
        assertEquals("Alipay Huabei offers no plan of 5 installments, only 3, 6 or 12", f.message().en());
    }

    @Test
    void thePlansOfferedAreTheRegistrysInstallmentMethodsFewestPeriodsFirst() {
        PaymentMethod huabei24 = new PaymentMethod("alipay.huabei.installment.24", Wallet.ALIPAY,
                LocalizedText.of("花呗分期 24 期", "Huabei in 24 installments"), "huabei_installment",
                EntryMode.BUYER_CODE, true, 24, Optional.of(ALIPAY_HUABEI.id()));
        PaymentMethodRegistry registry = PaymentMethodRegistry.builder().add(huabei24)
                .add(ALIPAY).add(ALIPAY_HUABEI).add(PaymentMethods.HUABEI_INSTALLMENT_12)
                .add(PaymentMethods.HUABEI_INSTALLMENT_3).build();
        CapabilityResolver withTwentyFour = CapabilityResolver.builder().policy(Fixtures.policy("plans-2").build())
                .registry(registry).clock(Fixtures.CLOCK).serviceLoader(false).build();
        Remedy.ChooseInstallmentPlan r = (Remedy.ChooseInstallmentPlan) theOnlyFinding(
                withTwentyFour.resolve(here, ALIPAY, AMOUNT, plan(6))).remedy();
        assertEquals(List.of(3, 12, 24), r.offeredPeriods());
        assertEquals(huabei24, withTwentyFour.resolve(here, ALIPAY, AMOUNT, plan(24)).method());
    }

    @Test
    void aPlanBelowTheInstallmentMinimumIsAmountOutOfRange() {
        CapabilityVerdict v = resolver.resolve(here, ALIPAY, Money.parse("99.99"), plan(6));
        assertFalse(v.isAccepted());
        assertEquals(HUABEI_INSTALLMENT_6, v.method());
        Finding f = theOnlyFinding(v);
        assertEquals(Cause.AMOUNT_OUT_OF_RANGE, f.cause());
        assertEquals(Optional.of(Money.ofYuan(100)), ((Remedy.ChangeAmount) f.remedy()).minimum());
    }

    @Test
    void installmentsForAWalletWithoutInstallmentMethodsAreRefusedTheSameWay() {
        for (PaymentMethod asked : List.of(PaymentMethods.WECHAT_PAY, PaymentMethods.WECHAT_PAY_CREDIT,
                PaymentMethods.ECNY)) {
            CapabilityVerdict v = resolver.resolve(here, asked, AMOUNT, plan(3));
            assertFalse(v.isAccepted(), asked::toString);
            Finding f = theOnlyFinding(v);
            assertEquals(Cause.INSTALLMENT_PLAN_UNAVAILABLE, f.cause());
            Remedy.ChooseInstallmentPlan r = (Remedy.ChooseInstallmentPlan) f.remedy();
            assertEquals(List.of(), r.offeredPeriods());
            assertTrue(r.text().en().startsWith("this wallet offers no installment plans"), r.text().en());
            assertTrue(f.message().en().endsWith("offers no installment plans"), f.message().en());
        }
    }

    @Test
    void anUnavailablePlanIsReportedWithWhateverElseIsWrongWithTheMethod() {
        CheckoutContext unconfigured = new CheckoutContext(Fixtures.terminal("Sunmi", "P2 Pro", "3.4.0",
                here.terminal().peripherals(), java.util.Set.of()), here.merchant(), here.health());
        CapabilityVerdict v = resolver.resolve(unconfigured, ALIPAY_HUABEI, AMOUNT, plan(5));
        assertEquals(List.of(Cause.INSTALLMENT_PLAN_UNAVAILABLE, Cause.TERMINAL_NOT_CONFIGURED),
                v.findings().stream().map(Finding::cause).toList());
    }
}
