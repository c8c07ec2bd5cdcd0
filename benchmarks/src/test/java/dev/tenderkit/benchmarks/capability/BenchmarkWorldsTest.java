package dev.tenderkit.benchmarks.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.CapabilityMatrix;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.capability.MccRestriction;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark worlds are what the benchmarks claim they are. No timing here: that is JMH's job.
 */
class BenchmarkWorldsTest {
    private static final CapabilityPolicy POLICY = RealisticPolicy.build();
    private static final List<PaymentMethod> METHODS = PaymentMethods.standardRegistry().all();

    private static CapabilityResolver resolver() {
        return CheckoutWorlds.resolver(POLICY);
    }

    @Test
    void everyMethodIsAcceptedOnEveryChannelWithoutFindingsInTheAcceptedWorld() {
        CapabilityMatrix matrix = resolver().matrix(CheckoutWorlds.accepted(), CheckoutWorlds.AMOUNT);

        assertEquals(11, matrix.verdicts().size());
        for (CapabilityVerdict v : matrix.verdicts()) {
            assertTrue(v.isAccepted(), v.method() + " refused: " + v.findings());
            assertEquals(List.of(), v.findings(), v.method().id());
            assertEquals(CheckoutWorlds.ACCEPTED_CHANNELS,
                    v.acceptingChannels().stream().map(ChannelProfile::id).toList(), v.method().id());
        }
    }

    @Test
    void repeatedAcceptedResolutionsReturnTheCachedVerdict() {
        CapabilityResolver resolver = resolver();
        CheckoutContext context = CheckoutWorlds.accepted();

        CapabilityVerdict first = resolver.resolve(context, CheckoutWorlds.METHOD, CheckoutWorlds.AMOUNT);
        CapabilityVerdict second = resolver.resolve(context, CheckoutWorlds.METHOD, CheckoutWorlds.AMOUNT);

        // The zero-allocation bar of resolveOneAccepted rests on this.
        assertSame(first, second);
    }

    @Test
    void huabeiIsRefusedForOutdatedSoftwarePendingUnsupportedAndExpiredInTheRefusedWorld() {
        CapabilityVerdict v = resolver().resolve(CheckoutWorlds.refused(), CheckoutWorlds.METHOD,
                CheckoutWorlds.AMOUNT);

        assertFalse(v.isAccepted());
        assertEquals(List.of(), v.acceptingChannels());
        Map<Cause, Optional<String>> causes = v.findings().stream()
                .collect(Collectors.toMap(Finding::cause, Finding::channelId));
        assertEquals(Map.of(
                Cause.TERMINAL_SOFTWARE_OUTDATED, Optional.empty(),
                Cause.MERCHANT_QUALIFICATION_PENDING, Optional.of(RealisticPolicy.LAKALA),
                Cause.CHANNEL_METHOD_UNSUPPORTED, Optional.of(RealisticPolicy.BANK_ACQUIRER),
                Cause.MERCHANT_QUALIFICATION_EXPIRED, Optional.of(RealisticPolicy.SHENGFUTONG)), causes);
        assertEquals(4, v.findings().size());
        assertTrue(v.findings().stream().allMatch(Finding::isBlocking));
    }

    @Test
    void thePolicyIsFreshAtTheBenchmarkClock() {
        long now = CheckoutWorlds.CLOCK.millis();

        assertTrue(now > POLICY.issuedAt().toEpochMilli());
        assertFalse(POLICY.isStaleAt(now));
    }

    @Test
    void thePolicyHasTheSizeOfARealOne() {
        Set<String> brands = new HashSet<>();
        POLICY.certifications().forEach(c -> brands.add(c.brand()));

        assertTrue(POLICY.certifications().size() >= 24, "certifications: " + POLICY.certifications().size());
        assertTrue(brands.size() >= 8, "brands: " + brands);
        assertTrue(POLICY.certifications().stream().anyMatch(c -> c.model().equals(TerminalCertification.ANY_MODEL)));
        assertTrue(POLICY.channels().size() >= 6, "channels: " + POLICY.channels().size());
        assertTrue(METHODS.size() >= 10);
        assertTrue(POLICY.mccRestrictions().size() >= 60, "MCC rules: " + POLICY.mccRestrictions().size());
    }

    @Test
    void everyStandardMethodNeedsSettingsAndEveryWalletMethodCertification() {
        for (PaymentMethod m : METHODS) {
            MethodRequirements r = POLICY.requirementsOrNull(m);

            assertNotNull(r, m.id());
            boolean bankCard = m.equals(PaymentMethods.UNIONPAY_DEBIT_CARD)
                    || m.equals(PaymentMethods.UNIONPAY_CREDIT_CARD);
            assertEquals(!bankCard, r.certificationRequired(), m.id());
            assertTrue(r.requiredSettings().size() >= 2 && r.requiredSettings().size() <= 4, m.id());
            assertEquals(m.isInstallment() ? Optional.of(Money.parse("100.00")) : Optional.empty(), r.minAmount(),
                    m.id());
        }
    }

    @Test
    void channelsDifferInOfferingsQualificationsAndLimits() {
        Set<Set<String>> offerings = new HashSet<>();
        boolean qualification = false;
        boolean limit = false;
        for (ChannelProfile c : POLICY.channels()) {
            offerings.add(c.offerings().stream().map(o -> o.method().id()).collect(Collectors.toSet()));
            for (ChannelOffering o : c.offerings()) {
                qualification |= o.qualificationRequired();
                limit |= o.minAmount().isPresent() || o.maxAmount().isPresent();
            }
        }

        assertTrue(offerings.size() >= 5, "distinct offerings: " + offerings.size());
        assertTrue(qualification);
        assertTrue(limit);
        for (String product : List.of("huabei", "huabei_installment", "wechat_credit")) {
            assertTrue(POLICY.qualificationRequirement(product).isPresent(), product);
        }
    }

    @Test
    void mccRulesMixCodesRangesCreditDenialsAndMethodDenials() {
        List<MccRestriction> rules = POLICY.mccRestrictions();

        assertTrue(rules.stream().anyMatch(r -> r.fromMcc() == r.toMcc()));
        assertTrue(rules.stream().anyMatch(r -> r.fromMcc() < r.toMcc()));
        assertTrue(rules.stream().anyMatch(r -> r.denyCredit() && r.deniedMethods().isEmpty()));
        assertTrue(rules.stream().anyMatch(r -> !r.denyCredit() && !r.deniedMethods().isEmpty()));
        for (int mcc : RealisticPolicy.UNRESTRICTED_MCCS) {
            assertEquals(List.of(), POLICY.restrictionsForMcc(mcc), "MCC " + mcc);
        }
    }

    @Test
    void theSameSeedBuildsTheSamePolicy() {
        CapabilityPolicy again = RealisticPolicy.build();

        assertEquals(POLICY.certifications(), again.certifications());
        assertEquals(POLICY.mccRestrictions(), again.mccRestrictions());
        assertEquals(POLICY.channels(), again.channels());
    }

    @Test
    void theBaselineMakesTheLookupsOfOneAcceptedHuabeiResolution() {
        LookupBaseline baseline = LookupBaseline.of(POLICY, PaymentMethods.standardRegistry(),
                CheckoutWorlds.accepted(), CheckoutWorlds.METHOD);

        // 4 requirements + 2 minimum versions + 4 settings + 1 peripheral + 3 channels
        // + 3 x 3 offerings + 1 clean-verdict cache.
        assertEquals(24, baseline.hashLookups());
        assertEquals(4, baseline.treeLookups());
        assertEquals(28, baseline.lookUp());
    }
}
