package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.EntryMode;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Alipay's own limits reach the resolver through ServiceLoader when sdk-alipay is on the class path. */
class AlipayCapabilityRuleTest {
    private static final PaymentMethod HUABEI_24 = new PaymentMethod("alipay.huabei.installment.24", Wallet.ALIPAY,
            LocalizedText.of("花呗分期 24 期", "Huabei in 24 installments"), "huabei_installment", EntryMode.BUYER_CODE,
            true, 24);

    private final CapabilityResolver resolver = CapabilityResolver.builder()
            .registry(PaymentMethods.standardRegistry().toBuilder().add(HUABEI_24).build())
            .policy(CapabilityPolicy.builder().version("p").issuedAt(Instant.now()).maxAge(Duration.ofDays(1))
                    .channel(new ChannelProfile("alipay-direct", LocalizedText.of("支付宝", "Alipay"),
                            LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                                    ChannelOffering.of(HUABEI_24, false))))
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
        CapabilityVerdict v = resolver.resolve(here, HUABEI_24, Money.parse("888.00"));
        assertEquals(List.of(Cause.CHANNEL_METHOD_UNSUPPORTED), v.findings().stream().map(Finding::cause).toList());
        assertEquals("alipay.limits", v.findings().get(0).ruleId());
    }
}
