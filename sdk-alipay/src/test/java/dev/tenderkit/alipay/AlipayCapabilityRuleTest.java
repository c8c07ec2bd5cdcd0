package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alipay's own limits reach the resolver through ServiceLoader when sdk-alipay is on the class path;
 * the Huabei plans Alipay offers are the registry's installment methods, judged by the resolver.
 */
class AlipayCapabilityRuleTest {
    private final CapabilityResolver resolver = CapabilityResolver.builder()
            .policy(CapabilityPolicy.builder().version("p").issuedAt(Instant.now()).maxAge(Duration.ofDays(1))
                    .channel(new ChannelProfile("alipay-direct", LocalizedText.of("支付宝", "Alipay"),
                            LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                                    ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, false),
                                    ChannelOffering.of(PaymentMethods.HUABEI_INSTALLMENT_12, false))))
                    .build())
            .build();   // ServiceLoader on: finds AlipayCapabilityRule
    private final CheckoutContext here = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN",
            SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
            new MerchantProfile("M", "M", "5411", List.of("alipay-direct"), List.of()));

    @Test
    void theRuleIsLoadedThroughTheServiceLoader() {
        assertTrue(resolver.rules().stream().anyMatch(r -> r.id().equals("alipay.limits")));
    }

    @Test
    void anAmountAboveAlipaysLimitIsRefused() {
        CapabilityVerdict v = resolver.resolve(here, PaymentMethods.ALIPAY, Money.parse("100000000.01"));
        assertEquals(List.of(Cause.AMOUNT_OUT_OF_RANGE), v.findings().stream().map(Finding::cause).toList());
        assertTrue(resolver.resolve(here, PaymentMethods.ALIPAY, Money.parse("100000000.00")).isAccepted());
    }

    @Test
    void huabeiInstallmentsOtherThanThreeSixOrTwelveAreRefused() {
        CapabilityVerdict v = resolver.resolve(here, PaymentMethods.ALIPAY, Money.parse("888.00"),
                Optional.of(new InstallmentPlan(24, FeeBearer.BUYER)));
        assertFalse(v.isAccepted());
        assertEquals(List.of(Cause.INSTALLMENT_PLAN_UNAVAILABLE), v.findings().stream().map(Finding::cause).toList());
        assertEquals(List.of(3, 6, 12),
                ((Remedy.ChooseInstallmentPlan) v.findings().get(0).remedy()).offeredPeriods());
        assertTrue(resolver.resolve(here, PaymentMethods.ALIPAY, Money.parse("888.00"),
                Optional.of(new InstallmentPlan(12, FeeBearer.BUYER))).isAccepted());
    }

    @Test
    void alipaysAmountLimitIsGivenOnceForAnInstallmentMethodAndItsParent() {
        CapabilityVerdict v = resolver.resolve(here, PaymentMethods.HUABEI_INSTALLMENT_12, Money.parse("100000000.01"));
        assertEquals(List.of(Cause.AMOUNT_OUT_OF_RANGE), v.findings().stream().map(Finding::cause).toList());
        assertEquals(PaymentMethods.HUABEI_INSTALLMENT_12, v.findings().get(0).method());
    }
}
