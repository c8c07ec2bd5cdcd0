package dev.tenderkit.core.payment;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.TaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in profile of a merchant with one direct account at one wallet and no policy file:
 * one channel ({@code alipay-direct}, {@code wechat_pay-direct}, ...) offering every method of
 * the wallet in the standard registry, with no terminal certification, qualification or category
 * rules of TenderKit's own — the wallet itself refuses what the account has not signed (and the
 * adapter maps that to {@code MERCHANT_QUALIFICATION_MISSING}). What a merchant with acquirers,
 * several channels or a platform policy needs is a real policy and context instead. Immutable.
 */
final class DirectAccount {
    /** How long the built-in policy counts as fresh: it is code, not data that goes stale. */
    private static final Duration FRESH_FOR = Duration.ofDays(3650);

    private final Wallet wallet;
    private final String merchantId;

    DirectAccount(Wallet wallet, String merchantId) {
        this.wallet = wallet;
        this.merchantId = merchantId;
    }

    String channelId() {
        return wallet.name().toLowerCase(Locale.ROOT) + "-direct";
    }

    CapabilityResolver resolver(TaskScheduler scheduler) {
        List<ChannelOffering> offers = new ArrayList<>();
        for (PaymentMethod m : PaymentMethods.standardRegistry().all()) {
            if (m.wallet() == wallet) {
                offers.add(ChannelOffering.of(m, false));
            }
        }
        CapabilityPolicy policy = CapabilityPolicy.builder().version("built-in direct " + channelId())
                .issuedAt(scheduler.clock().instant()).maxAge(FRESH_FOR)
                .channel(new ChannelProfile(channelId(), LocalizedText.of(wallet + " 直连", wallet + " direct"),
                        LicenceKind.WALLET_DIRECT, offers))
                .build();
        return CapabilityResolver.builder().policy(policy).clock(scheduler.clock()).serviceLoader(false).build();
    }

    CheckoutContext context() {
        TerminalProfile terminal = new TerminalProfile("unspecified", "unspecified", "unspecified",
                SoftwareVersion.parse("1.0"), EnumSet.allOf(Peripheral.class), EnumSet.allOf(Connectivity.class),
                Set.of());
        return CheckoutContext.of(terminal, new MerchantProfile(merchantId, merchantId, "0000", List.of(channelId()),
                List.of()));
    }
}
