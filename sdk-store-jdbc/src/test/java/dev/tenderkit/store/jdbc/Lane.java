package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.TaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A payment engine of one lane (terminal) on a given store and wallet: what the multi-engine tests run. */
final class Lane {
    static final String ALIPAY_CODE = "281234567890123456";
    static final String WAITING_CODE = "281111111111111111";
    static final String NEVER_CODE = "282222222222222222";

    private Lane() {
    }

    static PaymentEngine engine(String terminalId, TransactionStore store, PaymentGateway wallet, TaskScheduler scheduler) {
        Clock clock = scheduler.clock();
        CapabilityResolver resolver = CapabilityResolver.builder().policy(policy(clock.instant())).clock(clock)
                .serviceLoader(false).build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN-" + terminalId,
                SoftwareVersion.parse("3.4"), EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI), Set.of()),
                new MerchantProfile("M1", "Test", "5411", List.of("lakala"),
                        List.of(Qualification.approved("lakala", "huabei"))));
        return PaymentEngine.builder().terminalId(terminalId).resolver(resolver).context(() -> context).store(store)
                .gateway("lakala", wallet).scheduler(scheduler).build();
    }

    private static CapabilityPolicy policy(Instant now) {
        List<ChannelOffering> offers = new ArrayList<>();
        for (PaymentMethod m : PaymentMethods.standardRegistry().all()) {
            if (!m.equals(PaymentMethods.WECHAT_PAY_CREDIT) && !m.equals(PaymentMethods.ECNY)) {
                offers.add(ChannelOffering.of(m, m.product().startsWith("huabei")));
            }
        }
        return CapabilityPolicy.builder().version("jdbc-test").issuedAt(now.minus(Duration.ofDays(1)))
                .maxAge(Duration.ofDays(365)).channel(new ChannelProfile("lakala", LocalizedText.of("拉卡拉", "Lakala"),
                        LicenceKind.PAYMENT_INSTITUTION, offers)).build();
    }
}
