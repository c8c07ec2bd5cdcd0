package dev.tenderkit.core.fee;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_DEBIT_CARD;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.merchant.ReviewStatus;
import dev.tenderkit.core.method.PaymentMethod;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A certified terminal and a merchant with five channels, for router tests:
 *
 * <ul>
 *   <li>{@code lakala}: offers everything; Huabei products need qualification (approved);
 *   <li>{@code sft}: Alipay and debit cards;
 *   <li>{@code alipay-direct}: Alipay and Huabei products; Huabei qualification pending;
 *   <li>{@code bank}: debit cards only;
 *   <li>{@code newco}: Alipay, but the fee schedule does not price it.
 * </ul>
 *
 * Huabei installments have a 100.00 minimum, as in the sample policy.
 */
final class RoutingWorld {
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final List<String> CHANNELS = List.of("lakala", "sft", "alipay-direct", "bank", "newco");

    private RoutingWorld() {
    }

    static CapabilityResolver resolver() {
        CapabilityPolicy.Builder b = CapabilityPolicy.builder().version("routing-test").issuedAt(NOW)
                .maxAge(Duration.ofDays(30));
        for (PaymentMethod m : List.of(ALIPAY, ALIPAY_HUABEI, HUABEI_INSTALLMENT_6, UNIONPAY_DEBIT_CARD)) {
            b.methodRequirements(new MethodRequirements(m, false, List.of(),
                    m.isInstallment() ? Optional.of(Money.ofYuan(100)) : Optional.empty(), Optional.empty()));
        }
        b.certification(new TerminalCertification("Sunmi", "*", Map.of(ALIPAY.id(), SoftwareVersion.parse("1.0"))));
        b.channel(channel("lakala", offer(ALIPAY, false), offer(ALIPAY_HUABEI, true), offer(HUABEI_INSTALLMENT_6, true),
                offer(UNIONPAY_DEBIT_CARD, false)));
        b.channel(channel("sft", offer(ALIPAY, false), offer(UNIONPAY_DEBIT_CARD, false)));
        b.channel(channel("alipay-direct", offer(ALIPAY, false), offer(ALIPAY_HUABEI, true),
                offer(HUABEI_INSTALLMENT_6, true)));
        b.channel(channel("bank", offer(UNIONPAY_DEBIT_CARD, false)));
        b.channel(channel("newco", offer(ALIPAY, false)));
        return CapabilityResolver.builder().policy(b.build()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .serviceLoader(false).build();
    }

    private static ChannelOffering offer(PaymentMethod m, boolean qualificationRequired) {
        return ChannelOffering.of(m, qualificationRequired);
    }

    private static ChannelProfile channel(String id, ChannelOffering... offerings) {
        return new ChannelProfile(id, LocalizedText.of(id, id), LicenceKind.PAYMENT_INSTITUTION, List.of(offerings));
    }

    static CheckoutContext context(List<String> channels) {
        TerminalProfile terminal = new TerminalProfile("Sunmi", "P2 Pro", "SN-1", SoftwareVersion.parse("3.4.0"),
                EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI), Set.of());
        List<Qualification> qualifications = new ArrayList<>();
        for (String product : List.of("huabei", "huabei_installment")) {
            qualifications.add(Qualification.approved("lakala", product));
            qualifications.add(new Qualification("alipay-direct", product, ReviewStatus.PENDING, Optional.empty(),
                    Optional.of(LocalDate.of(2026, 11, 20)), Optional.empty()));
        }
        return CheckoutContext.of(terminal, new MerchantProfile("M1", "Test Grocery", "5411", channels, qualifications));
    }

    static CheckoutContext context() {
        return context(CHANNELS);
    }

    /** Alipay: lakala 0.38%, sft 0.30%, alipay-direct 0.60%; newco priced for WeChat only. */
    static FeeSchedule schedule() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        MethodFees installment6 = MethodFees.builder(HUABEI_INSTALLMENT_6, FeeRate.parse("0.6%"))
                .installment(FeeRate.parse("4.5%"), InstallmentFeeShare.BUYER).build();
        return FeeSchedule.builder("routing-test")
                .channel(new ChannelFeeSchedule("lakala", List.of(FeeScheduleVersion.builder("lakala-v1", from)
                        .add(MethodFees.builder(ALIPAY, FeeRate.parse("0.38%"))
                                .settlement(SettlementSpeed.D0, SettlementSurcharge.ofRate(FeeRate.parse("0.05%")))
                                .build())
                        .add(MethodFees.builder(ALIPAY_HUABEI, FeeRate.parse("0.8%")).build())
                        .add(installment6)
                        .add(MethodFees.builder(UNIONPAY_DEBIT_CARD, FeeRate.parse("0.5%")).cap(Money.parse("20.00"))
                                .build())
                        .build())))
                .channel(new ChannelFeeSchedule("sft", List.of(FeeScheduleVersion.builder("sft-v1", from)
                        .add(MethodFees.builder(ALIPAY, FeeRate.parse("0.30%")).build())
                        .add(MethodFees.builder(UNIONPAY_DEBIT_CARD, FeeRate.parse("0.5%")).cap(Money.parse("25.00"))
                                .build())
                        .build())))
                .channel(new ChannelFeeSchedule("alipay-direct", List.of(FeeScheduleVersion.builder("ad-v1", from)
                        .add(MethodFees.builder(ALIPAY, FeeRate.parse("0.60%")).build())
                        .add(MethodFees.builder(ALIPAY_HUABEI, FeeRate.parse("0.6%")).build())
                        .add(installment6)
                        .build())))
                .channel(new ChannelFeeSchedule("bank", List.of(FeeScheduleVersion.builder("bank-v1", from)
                        .add(MethodFees.builder(UNIONPAY_DEBIT_CARD, FeeRate.parse("0.45%")).cap(Money.parse("18.00"))
                                .build())
                        .build())))
                .channel(new ChannelFeeSchedule("newco", List.of(FeeScheduleVersion.builder("newco-v1", from)
                        .add(MethodFees.builder(dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY,
                                FeeRate.parse("0.2%")).build())
                        .build())))
                .build();
    }

    static LeastCostRouter router() {
        return router(schedule());
    }

    static LeastCostRouter router(FeeSchedule schedule) {
        return LeastCostRouter.builder().resolver(resolver()).schedule(schedule).build();
    }

    static QuoteRequest.Builder request(PaymentMethod method, String amount) {
        return QuoteRequest.builder(method, Money.parse(amount)).on(TODAY);
    }
}
