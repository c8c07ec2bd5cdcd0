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
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.http.GatewayTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A payment engine with one WeChat Pay direct channel, a terminal that can do everything, and the gateway under test. */
final class TestEngines {
    private TestEngines() {
    }

    /** @return a gateway to a loopback WeChat with WeChat's timing compressed to milliseconds, giving up at {@code deadline} */
    static WeChatPayGateway compressedTiming(WeChatPayCredentials credentials, URI baseUrl, Duration deadline) {
        return WeChatPayGateway.builder().credentials(credentials)
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(2))
                        .callTimeout(Duration.ofSeconds(5)).build())
                .baseUrl(baseUrl).deviceId("POS-01").storeId("S-1")
                .timing(new GatewayTiming(Duration.ofMillis(20), Duration.ofMillis(20), 1.0, Duration.ofMillis(20),
                        deadline, Duration.ofMillis(20), 2.0, Duration.ofMillis(100), 5))
                .build();
    }

    static PaymentEngine wechatDirect(WeChatPayGateway gateway, TransactionStore store, TaskScheduler scheduler,
            Clock clock) {
        CapabilityPolicy policy = CapabilityPolicy.builder().version("t").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(1)).channel(new ChannelProfile("wechat-direct",
                        LocalizedText.of("微信支付直连", "WeChat Pay direct"), LicenceKind.WALLET_DIRECT,
                        List.of(ChannelOffering.of(PaymentMethods.WECHAT_PAY, false))))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN",
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of("wechat-direct"), List.of()));
        return PaymentEngine.builder().terminalId("T1")
                .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                .context(() -> context).store(store).gateway("wechat-direct", gateway).scheduler(scheduler)
                .build();
    }
}
