package dev.tenderkit.wechat;

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
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentMethods;
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

/**
 * WeChat Pay's own rules reach the resolver through ServiceLoader: what the doctor shows for a
 * refused WeChat Pay method (分付 without the product, an amount APIv3 cannot carry).
 */
class WeChatPayRuleResolverTest {
    private final CapabilityResolver resolver = CapabilityResolver.builder()
            .policy(CapabilityPolicy.builder().version("p").issuedAt(Instant.now()).maxAge(Duration.ofDays(1))
                    .channel(new ChannelProfile("wechat-direct", LocalizedText.of("微信支付", "WeChat Pay"),
                            LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.WECHAT_PAY, false),
                                    // the policy data does not mark 分付 as needing a qualification
                                    ChannelOffering.of(PaymentMethods.WECHAT_PAY_CREDIT, false))))
                    .build())
            .build();

    private static CheckoutContext merchant(List<Qualification> qualifications) {
        return CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN", SoftwareVersion.parse("1"),
                EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of("wechat-direct"), qualifications));
    }

    @Test
    void fenfuWithoutTheProductIsRefusedWithTheRemedy() {
        CapabilityVerdict v = resolver.resolve(merchant(List.of()), PaymentMethods.WECHAT_PAY_CREDIT, Money.ofFen(5000));
        assertFalse(v.isAccepted());
        Finding f = v.findings().get(0);
        assertEquals(Cause.MERCHANT_QUALIFICATION_MISSING, f.cause());
        assertTrue(f.remedy() instanceof Remedy.SubmitQualification s && s.channelId().equals("wechat-direct"));
        assertTrue(resolver.resolve(merchant(List.of(Qualification.approved("wechat-direct",
                PaymentMethods.WECHAT_PAY_CREDIT.product()))), PaymentMethods.WECHAT_PAY_CREDIT, Money.ofFen(5000))
                .isAccepted());
        assertTrue(resolver.resolve(merchant(List.of()), PaymentMethods.WECHAT_PAY, Money.ofFen(5000)).isAccepted());
    }

    @Test
    void anAmountBeyondAThirtyTwoBitFenTotalIsRefused() {
        CapabilityVerdict v = resolver.resolve(merchant(List.of()), PaymentMethods.WECHAT_PAY,
                Money.ofFen(Integer.MAX_VALUE + 1L));
        assertEquals(List.of(Cause.AMOUNT_OUT_OF_RANGE), v.findings().stream().map(Finding::cause).toList());
        assertTrue(resolver.resolve(merchant(List.of()), PaymentMethods.WECHAT_PAY, Money.ofFen(Integer.MAX_VALUE))
                .isAccepted());
    }
}
