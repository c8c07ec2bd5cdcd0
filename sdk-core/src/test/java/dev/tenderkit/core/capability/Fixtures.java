package dev.tenderkit.core.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.health.TerminalHealth;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small world in which every method works, for tests to break one thing at a time: a certified
 * Sunmi P2 Pro at 3.4.0 with every peripheral and setting, a grocery merchant (MCC 5411) on
 * channel "lakala" (offers everything, Huabei products need qualification) with every
 * qualification approved, under a fresh policy.
 */
final class Fixtures {
    static final Instant ISSUED = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final List<String> ALL_SETTINGS = List.of("channel.merchant_no", "alipay.huabei.enabled",
            "alipay.huabei.installment.enabled");

    private Fixtures() {
    }

    static TerminalProfile terminal(String brand, String model, String version, Set<Peripheral> peripherals,
            Set<String> settings) {
        return new TerminalProfile(brand, model, "SN-1", SoftwareVersion.parse(version), peripherals,
                Set.of(Connectivity.WIFI), settings);
    }

    static TerminalProfile goodTerminal() {
        return terminal("Sunmi", "P2 Pro", "3.4.0", EnumSet.allOf(Peripheral.class), Set.copyOf(ALL_SETTINGS));
    }

    static List<Qualification> allApproved(String channel) {
        List<Qualification> out = new ArrayList<>();
        for (String product : List.of("huabei", "huabei_installment", "wechat_credit")) {
            out.add(Qualification.approved(channel, product));
        }
        return out;
    }

    static MerchantProfile merchant(String mcc, List<String> channels, List<Qualification> qualifications) {
        return new MerchantProfile("M1", "Test Grocery", mcc, channels, qualifications);
    }

    static MerchantProfile goodMerchant() {
        return merchant("5411", List.of("lakala"), allApproved("lakala"));
    }

    static CheckoutContext goodContext() {
        return new CheckoutContext(goodTerminal(), goodMerchant(), TerminalHealth.HEALTHY);
    }

    static ChannelProfile channel(String id, Map<PaymentMethod, Boolean> offers) {
        List<ChannelOffering> offerings = new ArrayList<>();
        offers.forEach((m, q) -> offerings.add(ChannelOffering.of(m, q)));
        return new ChannelProfile(id, LocalizedText.of(id, id), LicenceKind.PAYMENT_INSTITUTION, offerings);
    }

    static Map<PaymentMethod, Boolean> everything() {
        Map<PaymentMethod, Boolean> m = new HashMap<>();
        for (PaymentMethod method : PaymentMethods.standardRegistry().all()) {
            m.put(method, method.isCredit() && method.product().startsWith("huabei")
                    || method.equals(PaymentMethods.WECHAT_PAY_CREDIT));
        }
        return m;
    }

    /** A policy builder holding the good world; callers add or replace what they test. */
    static CapabilityPolicy.Builder policy(String version) {
        CapabilityPolicy.Builder b = CapabilityPolicy.builder().version(version).issuedAt(ISSUED)
                .maxAge(Duration.ofDays(30));
        for (PaymentMethod m : PaymentMethods.standardRegistry().all()) {
            List<String> settings = new ArrayList<>(List.of("channel.merchant_no"));
            if (m.product().startsWith("huabei")) {
                settings.add("alipay.huabei.enabled");
            }
            if (m.isInstallment()) {
                settings.add("alipay.huabei.installment.enabled");
            }
            Optional<Money> min = m.isInstallment() ? Optional.of(Money.ofYuan(100)) : Optional.empty();
            b.methodRequirements(new MethodRequirements(m, m.wallet() == dev.tenderkit.core.method.Wallet.ALIPAY,
                    settings, min, Optional.of(Money.ofYuan(50_000))));
        }
        Map<String, SoftwareVersion> versions = new HashMap<>();
        versions.put(ALIPAY.id(), SoftwareVersion.parse("2.0.0"));
        versions.put(ALIPAY_HUABEI.id(), SoftwareVersion.parse("3.2.0"));
        for (PaymentMethod m : List.of(PaymentMethods.HUABEI_INSTALLMENT_3, HUABEI_INSTALLMENT_6,
                PaymentMethods.HUABEI_INSTALLMENT_12)) {
            versions.put(m.id(), SoftwareVersion.parse("3.2.0"));
        }
        b.certification(new TerminalCertification("Sunmi", "P2 Pro", versions));
        b.certification(new TerminalCertification("Newland", "*",
                Map.of(ALIPAY.id(), SoftwareVersion.parse("1.0"), ALIPAY_HUABEI.id(), SoftwareVersion.parse("2.5"))));
        b.mccRestriction(new MccRestriction(5933, 5933, Set.of(), true,
                LocalizedText.of("典当行不得受理消费信贷", "pawn shops may not take consumer credit")));
        b.channel(channel("lakala", everything()));
        b.channel(channel("sft", Map.of(ALIPAY, false)));
        b.channel(channel("alipay-direct", Map.of(ALIPAY, false, ALIPAY_HUABEI, true)));
        b.qualificationRequirement(new QualificationRequirement("huabei", LocalizedText.of("花呗", "Huabei"),
                List.of("business licence", "storefront photo")));
        b.qualificationRequirement(new QualificationRequirement("huabei_installment",
                LocalizedText.of("花呗分期", "Huabei installments"), List.of("business licence", "installment agreement")));
        return b;
    }

    static CapabilityResolver resolver(CapabilityPolicy policy) {
        return CapabilityResolver.builder().policy(policy).clock(CLOCK).serviceLoader(false).build();
    }
}
