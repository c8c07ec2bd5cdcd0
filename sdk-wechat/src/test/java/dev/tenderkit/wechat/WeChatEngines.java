package dev.tenderkit.wechat;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the engine tests share: one wechat-direct channel taking WeChat Pay, a terminal that can, a merchant on it. */
final class WeChatEngines {
    private WeChatEngines() {
    }

    /** @return a resolver whose policy offers WeChat Pay on {@code wechat-direct}, issued now */
    static CapabilityResolver resolver(Clock clock) {
        CapabilityPolicy policy = CapabilityPolicy.builder().version("t").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(1)).channel(new ChannelProfile("wechat-direct",
                        LocalizedText.of("微信支付直连", "WeChat Pay direct"), LicenceKind.WALLET_DIRECT,
                        List.of(ChannelOffering.of(PaymentMethods.WECHAT_PAY, false))))
                .build();
        return CapabilityResolver.builder().policy(policy).serviceLoader(false).build();
    }

    /** @return a Sunmi P2 with every peripheral, at a merchant contracted on {@code wechat-direct} */
    static CheckoutContext context() {
        return CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN", SoftwareVersion.parse("1"),
                EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of("wechat-direct"), List.of()));
    }
}
