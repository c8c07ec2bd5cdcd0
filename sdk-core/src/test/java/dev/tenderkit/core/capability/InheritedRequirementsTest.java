package dev.tenderkit.core.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenderkit.core.AllocationMeter;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.TerminalHealth;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Huabei in 6 installments is paid with Huabei, its parent: whatever Huabei requires of the
 * terminal, the merchant, the channel and the amount, its installments require too, and the
 * resolver reports the child's causes and the parent's, each once, each naming its method.
 */
class InheritedRequirementsTest {

    /** Huabei and its 6-installment plan with requirements of their own, all met; a test breaks one. */
    private static final class HuabeiWorld {
        String huabeiMinimum = "3.2.0";
        String installmentMinimum = "3.0.0";
        String terminalVersion = "3.4.0";
        List<String> huabeiSettings = List.of("alipay.huabei.enabled", "alipay.huabei.contract_no");
        List<String> installmentSettings = List.of("alipay.huabei.enabled", "alipay.huabei.installment.enabled");
        Set<String> configured = new HashSet<>(List.of("alipay.huabei.enabled", "alipay.huabei.contract_no",
                "alipay.huabei.installment.enabled"));
        Set<Peripheral> peripherals = EnumSet.allOf(Peripheral.class);
        Money huabeiMaximum = Money.ofYuan(50_000);
        Set<PaymentMethod> deniedToGrocers = Set.of(PaymentMethods.WECHAT_PAY_CREDIT);   // nothing of Alipay
        Map<PaymentMethod, Boolean> lakalaOffers = new LinkedHashMap<>(Map.of(ALIPAY_HUABEI, true,
                HUABEI_INSTALLMENT_6, true));
        List<Qualification> qualifications = new ArrayList<>(List.of(Qualification.approved("lakala", "huabei"),
                Qualification.approved("lakala", "huabei_installment")));

        CapabilityResolver resolver() {
            CapabilityPolicy policy = CapabilityPolicy.builder().version("inherit-1").issuedAt(Fixtures.ISSUED)
                    .maxAge(Duration.ofDays(30))
                    .methodRequirements(new MethodRequirements(ALIPAY_HUABEI, true, huabeiSettings, Optional.empty(),
                            Optional.of(huabeiMaximum)))
                    .methodRequirements(new MethodRequirements(HUABEI_INSTALLMENT_6, true, installmentSettings,
                            Optional.of(Money.ofYuan(100)), Optional.of(Money.ofYuan(50_000))))
                    .certification(new TerminalCertification("Sunmi", "P2 Pro", Map.of(
                            ALIPAY_HUABEI.id(), SoftwareVersion.parse(huabeiMinimum),
                            HUABEI_INSTALLMENT_6.id(), SoftwareVersion.parse(installmentMinimum))))
                    .mccRestriction(new MccRestriction(5411, 5411, deniedToGrocers, false,
                            LocalizedText.of("超市不开放该产品", "grocers are not offered the product")))
                    .channel(Fixtures.channel("lakala", lakalaOffers))
                    .channel(Fixtures.channel("alipay-direct", Map.of(ALIPAY_HUABEI, true)))
                    .build();
            return Fixtures.resolver(policy);
        }

        CheckoutContext context() {
            return new CheckoutContext(Fixtures.terminal("Sunmi", "P2 Pro", terminalVersion, peripherals, configured),
                    Fixtures.merchant("5411", List.of("lakala"), qualifications), TerminalHealth.HEALTHY);
        }

        CapabilityVerdict resolveInstallments(Money amount) {
            return resolver().resolve(context(), HUABEI_INSTALLMENT_6, amount);
        }

        CapabilityVerdict resolveInstallments() {
            return resolveInstallments(Money.parse("688.00"));
        }
    }

    private static Finding only(CapabilityVerdict v, Cause cause) {
        List<Finding> found = v.findings().stream().filter(f -> f.cause() == cause).toList();
        assertEquals(1, found.size(), v.findings()::toString);
        return found.get(0);
    }

    @Test
    void checkingTheParentAddsNoAllocationToAnAcceptedResolution() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count allocations");
        HuabeiWorld w = new HuabeiWorld();
        CapabilityResolver resolver = w.resolver();
        CheckoutContext here = w.context();
        Money amount = Money.parse("688.00");
        for (int i = 0; i < 20_000; i++) {   // warm up: class loading, compilation, the clean-verdict cache
            resolver.resolve(here, HUABEI_INSTALLMENT_6, amount);
        }
        long before = AllocationMeter.allocatedBytes();
        boolean allAccepted = true;
        for (int i = 0; i < 10_000; i++) {
            allAccepted &= resolver.resolve(here, HUABEI_INSTALLMENT_6, amount).isAccepted();
        }
        long allocated = AllocationMeter.allocatedBytes() - before;
        assertTrue(allAccepted);
        // Fewer bytes than resolutions: none allocates (the JIT may allocate a few bytes of its own meanwhile).
        assertTrue(allocated < 10_000, allocated + " bytes allocated by 10,000 accepted resolutions");
    }

    @Test
    void theWorldWhereEverythingIsMetAcceptsTheInstallments() {
        CapabilityVerdict v = new HuabeiWorld().resolveInstallments();
        assertTrue(v.isAccepted(), v.findings()::toString);
        assertEquals(List.of(), v.findings());
    }

    @Test
    void anInstallmentMethodInheritsItsParentsTerminalRequirements() {
        HuabeiWorld w = new HuabeiWorld();
        w.terminalVersion = "3.1.0";   // certified for installments (3.0.0), too old for Huabei itself (3.2.0)
        CapabilityVerdict v = w.resolveInstallments();
        assertFalse(v.isAccepted());
        assertEquals(HUABEI_INSTALLMENT_6, v.method());
        Finding f = only(v, Cause.TERMINAL_SOFTWARE_OUTDATED);
        assertEquals(ALIPAY_HUABEI, f.method());
        Remedy.UpgradeSoftware upgrade = assertInstanceOf(Remedy.UpgradeSoftware.class, f.remedy());
        assertEquals(SoftwareVersion.parse("3.2.0"), upgrade.minimumVersion());
        assertEquals(SoftwareVersion.parse("3.1.0"), upgrade.currentVersion());
        assertTrue(f.message().en().contains("Alipay Huabei"), f.message().en());
        assertEquals(List.of(Cause.TERMINAL_SOFTWARE_OUTDATED), v.findings().stream().map(Finding::cause).toList());
    }

    @Test
    void aTerminalTooOldForBothIsToldEachVersionOnceNamingItsMethod() {
        HuabeiWorld w = new HuabeiWorld();
        w.terminalVersion = "2.9.0";
        List<Finding> outdated = w.resolveInstallments().findings();
        assertEquals(List.of(HUABEI_INSTALLMENT_6, ALIPAY_HUABEI), outdated.stream().map(Finding::method).toList());
        assertEquals(List.of("3.0.0", "3.2.0"), outdated.stream()
                .map(f -> ((Remedy.UpgradeSoftware) f.remedy()).minimumVersion().toString()).toList());
    }

    @Test
    void aRemedyThatAlsoFixesTheParentIsGivenOnce() {
        HuabeiWorld w = new HuabeiWorld();
        w.installmentMinimum = "3.4.0";
        w.terminalVersion = "3.1.0";   // upgrading to 3.4.0 for installments covers Huabei's 3.2.0
        CapabilityVerdict v = w.resolveInstallments();
        Finding f = only(v, Cause.TERMINAL_SOFTWARE_OUTDATED);
        assertEquals(HUABEI_INSTALLMENT_6, f.method());
        assertEquals(1, v.findings().size(), v.findings()::toString);
    }

    @Test
    void aCauseTheParentSharesWithTheChildIsReportedOnce() {
        HuabeiWorld w = new HuabeiWorld();
        w.peripherals = EnumSet.of(Peripheral.RECEIPT_PRINTER);   // neither can scan a payment code
        CapabilityVerdict v = w.resolveInstallments();
        assertEquals(HUABEI_INSTALLMENT_6, only(v, Cause.TERMINAL_HARDWARE_MISSING).method());
    }

    @Test
    void aSettingOnlyTheParentNeedsIsNamedForTheParent() {
        HuabeiWorld w = new HuabeiWorld();
        w.configured.remove("alipay.huabei.contract_no");
        Finding f = only(w.resolveInstallments(), Cause.TERMINAL_NOT_CONFIGURED);
        assertEquals(ALIPAY_HUABEI, f.method());
        assertEquals(List.of("alipay.huabei.contract_no"), ((Remedy.ConfigureSettings) f.remedy()).settings());
    }

    @Test
    void aSettingBothNeedIsNamedOnceForTheChild() {
        HuabeiWorld w = new HuabeiWorld();
        w.configured.remove("alipay.huabei.enabled");
        List<Finding> findings = w.resolveInstallments().findings();
        assertEquals(List.of(HUABEI_INSTALLMENT_6), findings.stream().map(Finding::method).toList());
        assertEquals(new Remedy.ConfigureSettings(List.of("alipay.huabei.enabled")), findings.get(0).remedy());
    }

    @Test
    void aMerchantCategoryDeniedTheParentIsDeniedItsInstallments() {
        HuabeiWorld w = new HuabeiWorld();
        w.deniedToGrocers = Set.of(ALIPAY_HUABEI);
        CapabilityVerdict v = w.resolveInstallments();
        assertFalse(v.isAccepted());
        assertEquals(ALIPAY_HUABEI, only(v, Cause.MERCHANT_CATEGORY_RESTRICTED).method());
    }

    @Test
    void theParentsQualificationIsRequiredOnTheChannelToo() {
        HuabeiWorld w = new HuabeiWorld();
        w.qualifications.removeIf(q -> q.product().equals("huabei"));
        CapabilityVerdict v = w.resolveInstallments();
        assertFalse(v.isAccepted());
        Finding f = only(v, Cause.MERCHANT_QUALIFICATION_MISSING);
        assertEquals(ALIPAY_HUABEI, f.method());
        assertEquals(Optional.of("lakala"), f.channelId());
        assertEquals("huabei", ((Remedy.SubmitQualification) f.remedy()).product());
    }

    @Test
    void aChannelOfferingTheInstallmentsButNotTheParentCannotTakeThem() {
        HuabeiWorld w = new HuabeiWorld();
        w.lakalaOffers.remove(ALIPAY_HUABEI);
        CapabilityVerdict v = w.resolveInstallments();
        assertFalse(v.isAccepted());
        Finding f = only(v, Cause.CHANNEL_METHOD_UNSUPPORTED);
        assertEquals(ALIPAY_HUABEI, f.method());
        assertEquals(Optional.of("lakala"), f.channelId());
    }

    @Test
    void aChannelOfferingNeitherIsToldSoOnceForTheChild() {
        HuabeiWorld w = new HuabeiWorld();
        w.lakalaOffers.clear();
        w.lakalaOffers.put(PaymentMethods.ALIPAY, false);
        assertEquals(HUABEI_INSTALLMENT_6, only(w.resolveInstallments(), Cause.CHANNEL_METHOD_UNSUPPORTED).method());
    }

    @Test
    void theParentsAmountLimitAppliesToItsInstallments() {
        HuabeiWorld w = new HuabeiWorld();
        w.huabeiMaximum = Money.ofYuan(10_000);
        CapabilityVerdict v = w.resolveInstallments(Money.ofYuan(20_000));
        Finding f = only(v, Cause.AMOUNT_OUT_OF_RANGE);
        assertEquals(ALIPAY_HUABEI, f.method());
        assertEquals(Optional.of(Money.ofYuan(10_000)), ((Remedy.ChangeAmount) f.remedy()).maximum());
    }

    @Test
    void theMatrixJudgesEveryInstallmentMethodWithItsParent() {
        HuabeiWorld w = new HuabeiWorld();
        w.terminalVersion = "3.1.0";
        w.lakalaOffers.put(PaymentMethods.HUABEI_INSTALLMENT_12, true);
        // The policy sets nothing for 12 installments; Huabei's own minimum still applies to them.
        CapabilityMatrix matrix = w.resolver().matrix(w.context(), Money.parse("688.00"));
        CapabilityVerdict twelve = matrix.verdict(PaymentMethods.HUABEI_INSTALLMENT_12).orElseThrow();
        assertFalse(twelve.isAccepted());
        assertEquals(List.of(ALIPAY_HUABEI), twelve.blockingFindings().stream().map(Finding::method).toList());
        assertEquals(Cause.TERMINAL_SOFTWARE_OUTDATED, twelve.blockingFindings().get(0).cause());
    }
}
