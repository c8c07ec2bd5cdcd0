package dev.tenderkit.core.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.merchant.ReviewStatus;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the resolver combines rules, channels, policies and plug-ins. */
class CapabilityResolverBehaviourTest {

    @Test
    void aMethodRefusedOnOneChannelIsAcceptedThroughAnotherAndTheExclusionIsExplained() {
        World w = new World();
        w.channels = new ArrayList<>(List.of("sft", "alipay-direct"));
        w.qualifications = new ArrayList<>(List.of(Qualification.approved("alipay-direct", "huabei")));
        CapabilityVerdict v = w.resolver().resolve(w.context(), ALIPAY_HUABEI, w.amount);
        assertTrue(v.isAccepted());
        assertEquals(List.of("alipay-direct"), v.acceptingChannels().stream().map(c -> c.id()).toList());
        assertTrue(v.isAcceptedOn("alipay-direct"));
        assertFalse(v.isAcceptedOn("sft"));
        List<Finding> sft = v.findingsFor("sft");
        assertEquals(1, sft.size());
        assertEquals(Cause.CHANNEL_METHOD_UNSUPPORTED, sft.get(0).cause());
        Remedy.SwitchChannel r = (Remedy.SwitchChannel) sft.get(0).remedy();
        assertEquals(List.of("alipay-direct"), r.merchantChannels());
    }

    @Test
    void aMethodRefusedOnEveryChannelListsEachChannelsReason() {
        World w = new World();
        w.channels = new ArrayList<>(List.of("lakala", "alipay-direct"));
        w.qualifications = new ArrayList<>(List.of(
                new Qualification("lakala", "huabei", ReviewStatus.PENDING, Optional.empty(), Optional.empty(),
                        Optional.empty()),
                new Qualification("alipay-direct", "huabei", ReviewStatus.REJECTED, Optional.of("licence expired"),
                        Optional.empty(), Optional.empty())));
        CapabilityVerdict v = w.resolver().resolve(w.context(), ALIPAY_HUABEI, w.amount);
        assertFalse(v.isAccepted());
        assertEquals(Cause.MERCHANT_QUALIFICATION_PENDING, v.findingsFor("lakala").get(0).cause());
        assertEquals(Cause.MERCHANT_QUALIFICATION_REJECTED, v.findingsFor("alipay-direct").get(0).cause());
    }

    @Test
    void aMerchantWithoutChannelsIsToldWhichChannelsOfferTheMethod() {
        World w = new World();
        w.channels = new ArrayList<>();
        CapabilityVerdict v = w.resolver().resolve(w.context(), ALIPAY_HUABEI);
        assertFalse(v.isAccepted());
        Finding f = v.findings().get(0);
        assertEquals(Cause.CHANNEL_METHOD_UNSUPPORTED, f.cause());
        assertEquals(List.of("lakala", "alipay-direct"), ((Remedy.SwitchChannel) f.remedy()).otherChannels());
    }

    @Test
    void aChannelMissingFromThePolicyCatalogueIsAFindingNotACrash() {
        World w = new World();
        w.channels = new ArrayList<>(List.of("retired-channel", "lakala"));
        CapabilityVerdict v = w.resolver().resolve(w.context(), ALIPAY);
        assertTrue(v.isAccepted());
        Finding f = v.findingsFor("retired-channel").get(0);
        assertEquals(Cause.CHANNEL_METHOD_UNSUPPORTED, f.cause());
        assertTrue(f.message().en().contains("not in the catalogue"), f.message().en());
    }

    @Test
    void aStalePolicyCanBeMadeBlocking() {
        CapabilityPolicy policy = Fixtures.policy("old").build();
        CapabilityResolver resolver = CapabilityResolver.builder().policy(policy).serviceLoader(false)
                .clock(Clock.fixed(Fixtures.ISSUED.plus(Duration.ofDays(31)), ZoneOffset.UTC))
                .stalePolicySeverity(Severity.BLOCKING).build();
        CapabilityVerdict v = resolver.resolve(Fixtures.goodContext(), ALIPAY);
        assertFalse(v.isAccepted());
        assertEquals(List.of(Cause.POLICY_STALE), v.findings().stream().map(Finding::cause).toList());
    }

    @Test
    void aPolicyIsFreshUpToItsMaximumAge() {
        CapabilityPolicy policy = Fixtures.policy("edge").build();
        CapabilityResolver resolver = CapabilityResolver.builder().policy(policy).serviceLoader(false)
                .clock(Clock.fixed(Fixtures.ISSUED.plus(Duration.ofDays(30)), ZoneOffset.UTC)).build();
        assertEquals(List.of(), resolver.resolve(Fixtures.goodContext(), ALIPAY).findings());
    }

    @Test
    void theMatrixCoversEveryRegisteredMethodInRegistryOrder() {
        CapabilityMatrix m = Fixtures.resolver(Fixtures.policy("m").build()).matrix(Fixtures.goodContext(),
                Money.parse("688.00"));
        assertEquals(PaymentMethods.standardRegistry().all(), m.verdicts().stream().map(v -> v.method()).toList());
        assertEquals(PaymentMethods.standardRegistry().all(), m.acceptedMethods());
        assertEquals(Optional.of(Money.parse("688.00")), m.amount());
    }

    @Test
    void aCleanAcceptedVerdictIsReusedUntilThePolicyChanges() {
        CapabilityResolver resolver = Fixtures.resolver(Fixtures.policy("a").build());
        CheckoutContext ctx = Fixtures.goodContext();
        CapabilityVerdict first = resolver.resolve(ctx, ALIPAY, Money.ofYuan(10));
        assertSame(first, resolver.resolve(ctx, ALIPAY, Money.ofYuan(20)));
        resolver.swapPolicy(Fixtures.policy("b").build());
        CapabilityVerdict afterSwap = resolver.resolve(ctx, ALIPAY, Money.ofYuan(10));
        assertNotSame(first, afterSwap);
        assertEquals("b", afterSwap.policyVersion());
    }

    @Test
    void aProgrammaticRuleRunsAfterTheBuiltInOnesAndItsFindingsCarryItsId() {
        CapabilityRule noWechatOnSundays = new CapabilityRule() {
            @Override
            public String id() {
                return "vendor.sunday";
            }

            @Override
            public RuleScope scope() {
                return RuleScope.METHOD;
            }

            @Override
            public void evaluate(CapabilityQuery q, FindingSink findings) {
                if (q.method().equals(ALIPAY)) {
                    findings.block(Cause.OTHER, LocalizedText.of("周日停用", "off on Sundays"),
                            new Remedy.Custom("WAIT_FOR_MONDAY", LocalizedText.of("周一再试", "try on Monday")));
                }
            }
        };
        CapabilityResolver resolver = CapabilityResolver.builder().policy(Fixtures.policy("p").build())
                .clock(Fixtures.CLOCK).serviceLoader(false).addRule(noWechatOnSundays).build();
        assertEquals("vendor.sunday", resolver.rules().get(resolver.rules().size() - 1).id());
        CapabilityVerdict v = resolver.resolve(Fixtures.goodContext(), ALIPAY);
        assertFalse(v.isAccepted());
        assertEquals("vendor.sunday", v.findings().get(0).ruleId());
        assertEquals("WAIT_FOR_MONDAY", v.findings().get(0).remedy().code());
    }

    @Test
    void rulesListedForTheServiceLoaderAreLoaded() {
        CapabilityResolver resolver = CapabilityResolver.builder().policy(Fixtures.policy("p").build())
                .clock(Fixtures.CLOCK).build();
        assertTrue(resolver.rules().stream().anyMatch(r -> r.id().equals(ServiceLoadedTestRule.ID)));
        CapabilityVerdict v = resolver.resolve(Fixtures.goodContext(), PaymentMethods.ECNY);
        assertEquals(ServiceLoadedTestRule.ID, v.findings().get(0).ruleId());
        assertEquals(Severity.WARNING, v.findings().get(0).severity());
    }

    @Test
    void twoRulesWithOneIdAreRefusedAtBuild() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> CapabilityResolver.builder().policy(Fixtures.policy("p").build()).serviceLoader(false)
                        .addRule(new ServiceLoadedTestRule()).addRule(new ServiceLoadedTestRule()).build());
        assertEquals("rules", e.setting());
        assertTrue(e.getMessage().contains(ServiceLoadedTestRule.ID));
    }

    @Test
    void aResolverWithoutPolicyIsRefusedAtBuildNamingTheSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> CapabilityResolver.builder().build());
        assertEquals("policy", e.setting());
    }

    @Test
    void aFailingRuleFailsTheResolutionWithItsIdInsteadOfBeingSwallowed() {
        CapabilityRule broken = new CapabilityRule() {
            @Override
            public String id() {
                return "vendor.broken";
            }

            @Override
            public RuleScope scope() {
                return RuleScope.CHANNEL;
            }

            @Override
            public void evaluate(CapabilityQuery q, FindingSink findings) {
                throw new IllegalStateException("boom");
            }
        };
        CapabilityResolver resolver = CapabilityResolver.builder().policy(Fixtures.policy("p").build())
                .serviceLoader(false).addRule(broken).build();
        TenderKitException e = assertThrows(TenderKitException.class,
                () -> resolver.resolve(Fixtures.goodContext(), ALIPAY));
        assertEquals(ErrorCode.EXTENSION_FAILURE, e.code());
        assertTrue(e.getMessage().contains("vendor.broken"));
        assertTrue(e.getCause() instanceof IllegalStateException);
        // The resolver is still usable: the scratch was released.
        CapabilityResolver healthy = Fixtures.resolver(Fixtures.policy("p").build());
        assertTrue(healthy.resolve(Fixtures.goodContext(), ALIPAY).isAccepted());
    }

    @Test
    void methodScopedRulesCannotAskForAChannel() {
        CapabilityRule asksChannel = new CapabilityRule() {
            @Override
            public String id() {
                return "vendor.confused";
            }

            @Override
            public RuleScope scope() {
                return RuleScope.METHOD;
            }

            @Override
            public void evaluate(CapabilityQuery q, FindingSink findings) {
                q.channel();
            }
        };
        CapabilityResolver resolver = CapabilityResolver.builder().policy(Fixtures.policy("p").build())
                .serviceLoader(false).addRule(asksChannel).build();
        TenderKitException e = assertThrows(TenderKitException.class,
                () -> resolver.resolve(Fixtures.goodContext(), ALIPAY));
        assertTrue(e.getCause().getMessage().contains("CHANNEL-scoped"));
    }

    @Test
    void policyLookupsMatchBrandAndModelIgnoringCaseAndFallBackToTheBrandWildcard() {
        CapabilityPolicy p = Fixtures.policy("p").build();
        assertEquals("P2 Pro", p.certificationOrNull(Fixtures.terminal("SUNMI", "p2 pro", "1.0",
                java.util.Set.of(), java.util.Set.of())).model());
        assertEquals("*", p.certificationOrNull(Fixtures.terminal("newland", "ME31", "1.0",
                java.util.Set.of(), java.util.Set.of())).model());
        assertEquals(null, p.certificationOrNull(Fixtures.terminal("Acme", "X", "1.0",
                java.util.Set.of(), java.util.Set.of())));
    }

    @Test
    void aPolicyCertifyingOneTerminalTwiceIsRefused() {
        CapabilityPolicy.Builder b = Fixtures.policy("dup");
        b.certification(new TerminalCertification("sunmi", "p2 PRO", Map.of(ALIPAY.id(), SoftwareVersion.parse("1"))));
        ConfigurationException e = assertThrows(ConfigurationException.class, b::build);
        assertTrue(e.getMessage().contains("certified twice"), e.getMessage());
    }

    @Test
    void aPolicyWhoseExpiryCannotBeRepresentedIsRefusedNamingMaxAge() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CapabilityPolicy.builder()
                .version("v").issuedAt(java.time.Instant.MAX).maxAge(Duration.ofDays(1)).build());
        assertEquals("maxAge", e.setting());
    }

    @Test
    void certificationBrandAndModelAreStrippedLikeTheTerminalsOwn() {
        TerminalCertification c = new TerminalCertification(" Sunmi ", " P2 Pro\t", Map.of());
        assertEquals("Sunmi", c.brand());
        assertEquals("P2 Pro", c.model());
    }

    @Test
    void aMethodRefusedOutrightListsNoAcceptingChannelAndEachChannelShowsTheMethodWideReason() {
        World w = new World();
        w.channels = new ArrayList<>(List.of("lakala", "alipay-direct"));
        w.qualifications.add(Qualification.approved("alipay-direct", "huabei"));
        w.version = "3.0.0";   // below Huabei's certified 3.2.0: refused on every channel
        CapabilityVerdict v = w.resolver().resolve(w.context(), ALIPAY_HUABEI, w.amount);
        assertFalse(v.isAccepted());
        assertEquals(List.of(), v.acceptingChannels());
        assertFalse(v.isAcceptedOn("lakala"));
        assertEquals(List.of(Cause.TERMINAL_SOFTWARE_OUTDATED),
                v.blockingFindingsAgainst("alipay-direct").stream().map(Finding::cause).toList());
    }
}
