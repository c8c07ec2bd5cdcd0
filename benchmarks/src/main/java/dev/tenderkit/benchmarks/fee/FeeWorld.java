package dev.tenderkit.benchmarks.fee;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.fee.ChannelFeeSchedule;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.FeeScheduleVersion;
import dev.tenderkit.core.fee.InstallmentFeeShare;
import dev.tenderkit.core.fee.MethodFees;
import dev.tenderkit.core.fee.SettlementSpeed;
import dev.tenderkit.core.fee.SettlementSurcharge;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmarks' world: a merchant signed with ten channels that all take Alipay and Huabei in 6
 * installments, each with two schedule versions (a rate change on 2026-12-01), and rates such
 * that some channels tie.
 */
final class FeeWorld {
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final int CHANNELS = 10;

    private FeeWorld() {
    }

    static String channelId(int i) {
        return "channel-" + i;
    }

    static FeeSchedule schedule() {
        FeeSchedule.Builder b = FeeSchedule.builder("bench");
        for (int i = 0; i < CHANNELS; i++) {
            b.channel(new ChannelFeeSchedule(channelId(i), List.of(
                    version(channelId(i) + "-2026-06", LocalDate.of(2026, 6, 1), i, 0)
                            .effectiveThrough(LocalDate.of(2026, 11, 30)).build(),
                    version(channelId(i) + "-2026-12", LocalDate.of(2026, 12, 1), i, 500).build())));
        }
        return b.build();
    }

    private static FeeScheduleVersion.Builder version(String id, LocalDate from, int i, long increasePpm) {
        long alipayPpm = 3_000 + (i % 5) * 300 + increasePpm; // channels i and i + 5 tie
        return FeeScheduleVersion.builder(id, from)
                .add(MethodFees.builder(PaymentMethods.ALIPAY, FeeRate.ofPpm(alipayPpm)).minimum(Money.parse("0.01"))
                        .settlement(SettlementSpeed.D0, SettlementSurcharge.ofRate(FeeRate.parse("0.05%")))
                        .waiver(Money.parse("5000.00")).build())
                .add(MethodFees.builder(PaymentMethods.HUABEI_INSTALLMENT_6, FeeRate.ofPpm(6_000 + (i % 3) * 100))
                        .installment(FeeRate.parse("4.5%"), InstallmentFeeShare.BUYER).build())
                .add(MethodFees.builder(PaymentMethods.UNIONPAY_DEBIT_CARD, FeeRate.parse("0.5%"))
                        .cap(Money.parse("20.00")).build());
    }

    static CapabilityResolver resolver() {
        CapabilityPolicy.Builder b = CapabilityPolicy.builder().version("bench").issuedAt(NOW)
                .maxAge(Duration.ofDays(30));
        b.methodRequirements(new MethodRequirements(PaymentMethods.ALIPAY, false, List.of("channel.merchant_no"),
                Optional.empty(), Optional.empty()));
        b.methodRequirements(new MethodRequirements(PaymentMethods.HUABEI_INSTALLMENT_6, false,
                List.of("channel.merchant_no"), Optional.of(Money.ofYuan(100)), Optional.empty()));
        for (int i = 0; i < CHANNELS; i++) {
            b.channel(new ChannelProfile(channelId(i), LocalizedText.of("通道 " + i, "channel " + i),
                    LicenceKind.PAYMENT_INSTITUTION, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                            ChannelOffering.of(PaymentMethods.HUABEI_INSTALLMENT_6, true),
                            ChannelOffering.of(PaymentMethods.UNIONPAY_DEBIT_CARD, false))));
        }
        return CapabilityResolver.builder().policy(b.build()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .serviceLoader(false).build();
    }

    static CheckoutContext context() {
        List<String> ids = new ArrayList<>();
        List<Qualification> qualifications = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            ids.add(channelId(i));
            qualifications.add(Qualification.approved(channelId(i), "huabei_installment"));
        }
        TerminalProfile terminal = new TerminalProfile("Sunmi", "P2 Pro", "SN-BENCH", SoftwareVersion.parse("3.4.0"),
                EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI), Set.of("channel.merchant_no"));
        return CheckoutContext.of(terminal, new MerchantProfile("M-BENCH", "Bench Shop", "5411", ids, qualifications));
    }
}
