package dev.tenderkit.benchmarks.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.ECNY;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_12;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_3;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_CREDIT_CARD;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_DEBIT_CARD;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_QR;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY_CREDIT;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.QualificationRequirement;
import dev.tenderkit.core.method.EntryMode;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A platform policy the size and shape of a real one, built in code so that every benchmark run
 * measures exactly the same data: 26 brand/model certifications over 8 brands (some with a
 * {@code *} model entry), 8 catalogued channels with different offerings, qualification demands
 * and amount limits, requirements for every one of the 11 standard methods, 72 merchant-category
 * restrictions (single codes and ranges, credit denials and method denials, some overlapping) and
 * the qualification requirements of the three credit products.
 *
 * <p>The bulk (the certification versions of the ordinary terminals and most MCC restrictions) is
 * drawn from a {@link Random} with a fixed seed; the entries the benchmark worlds rely on (the
 * accepted terminal's and the refused terminal's certifications, the merchants' channels) are
 * written out, so changing the seed cannot change what the worlds mean.
 *
 * <p>Each part of the policy is drawn in its own file: the terminals' certifications
 * ({@link RealisticCertifications}), the channel catalogue ({@link RealisticChannels}) and the
 * merchant-category restrictions ({@link RealisticMccRestrictions}); the method requirements and
 * the qualification requirements are here.
 *
 * <p>SYNTHETIC DATA. Brand, model and channel names are those of the Chinese market so the data
 * reads naturally, but every version, limit, offering and MCC rule is invented; none of it is any
 * manufacturer's, institution's or wallet's actual policy. The policy is marked
 * {@link CapabilityPolicy#isSample() sample}.
 */
public final class RealisticPolicy {
    /** The seed of the generator; the same seed gives the same policy. */
    public static final long SEED = 20_261_120L;
    /** The policy version. */
    public static final String VERSION = "2026.11-bench.1";
    /** When the policy was issued. */
    public static final Instant ISSUED_AT = Instant.parse("2026-11-20T00:00:00Z");
    /** How long the policy stays fresh. */
    public static final Duration MAX_AGE = Duration.ofDays(30);

    /** Channel ids, as merchants list them. */
    public static final String LAKALA = "lakala";
    /** A payment institution offering every method. */
    public static final String SHENGFUTONG = "shengfutong";
    /** A payment institution offering every method. */
    public static final String FUIOU = "fuiou";
    /** A payment institution without installments or WeChat credit. */
    public static final String SUIXINGFU = "suixingfu";
    /** A payment institution with a partial credit offering. */
    public static final String LESHUA = "leshua";
    /** Alipay's own direct merchant account. */
    public static final String ALIPAY_DIRECT = "alipay-direct";
    /** WeChat Pay's own direct merchant account. */
    public static final String WECHAT_DIRECT = "wechat-direct";
    /** A bank acquirer: cards, UnionPay QR and e-CNY, no wallet credit. */
    public static final String BANK_ACQUIRER = "icbc-acquiring";

    /** The brand and model of the terminal certified for every method (the accepted world's). */
    public static final String CERTIFIED_BRAND = "Sunmi";
    /** See {@link #CERTIFIED_BRAND}. */
    public static final String CERTIFIED_MODEL = "P2 Pro";
    /** The brand and model of the terminal whose software is too old for Huabei (the refused world's). */
    public static final String OUTDATED_BRAND = "Newland";
    /** See {@link #OUTDATED_BRAND}. */
    public static final String OUTDATED_MODEL = "N910";
    /** The lowest software version the outdated terminal's brand/model is certified at for Huabei. */
    public static final String OUTDATED_MODEL_HUABEI_MINIMUM = "2.5.0";

    /** Merchant categories no restriction may cover: the worlds' merchants (grocery, restaurant). */
    public static final Set<Integer> UNRESTRICTED_MCCS = Set.of(5411, 5812);

    /** How many MCC restrictions the policy holds, written out and generated together. */
    public static final int MCC_RESTRICTIONS = 72;

    private static final Map<String, List<String>> REQUIRED_SETTINGS = requiredSettings();

    private RealisticPolicy() {
    }

    /** @return the policy built from {@link #SEED} */
    public static CapabilityPolicy build() {
        return build(SEED);
    }

    /**
     * @param seed the generator's seed
     * @return the policy; the same seed gives an equal policy
     */
    public static CapabilityPolicy build(long seed) {
        Random random = new Random(seed);
        CapabilityPolicy.Builder b = CapabilityPolicy.builder()
                .version(VERSION)
                .issuedAt(ISSUED_AT)
                .maxAge(MAX_AGE)
                .sample(true);
        addMethodRequirements(b);
        RealisticCertifications.addTo(b, random);
        RealisticChannels.addTo(b);
        RealisticMccRestrictions.addTo(b, random);
        addQualificationRequirements(b);
        return b.build();
    }

    /** @return the settings the policy requires for the method (2 to 4 of them) */
    public static List<String> requiredSettings(PaymentMethod method) {
        return REQUIRED_SETTINGS.get(method.id());
    }

    /** @return every setting the policy requires for some method: what a fully configured terminal has */
    public static Set<String> allRequiredSettings() {
        Set<String> all = new LinkedHashSet<>();
        REQUIRED_SETTINGS.values().forEach(all::addAll);
        return all;
    }

    /**
     * @return whether the policy requires certified terminal software for the method: every
     *     method the buyer pays from a wallet app's code, not the bank-card methods
     */
    public static boolean certificationRequired(PaymentMethod method) {
        return method.entryMode() != EntryMode.CARD;
    }

    // ----------------------------------------------------------------------------- methods

    private static Map<String, List<String>> requiredSettings() {
        List<String> card = List.of("channel.merchant_no", "channel.terminal_no", "unionpay.card.keys_loaded");
        List<String> installment = List.of("channel.merchant_no", "alipay.app_id", "alipay.huabei.enabled",
                "alipay.huabei.installment.enabled");
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(UNIONPAY_DEBIT_CARD.id(), card);
        m.put(UNIONPAY_CREDIT_CARD.id(), card);
        m.put(UNIONPAY_QR.id(), List.of("channel.merchant_no", "channel.terminal_no"));
        m.put(ALIPAY.id(), List.of("channel.merchant_no", "channel.terminal_no", "alipay.app_id"));
        m.put(ALIPAY_HUABEI.id(), List.of("channel.merchant_no", "channel.terminal_no", "alipay.app_id",
                "alipay.huabei.enabled"));
        m.put(HUABEI_INSTALLMENT_3.id(), installment);
        m.put(HUABEI_INSTALLMENT_6.id(), installment);
        m.put(HUABEI_INSTALLMENT_12.id(), installment);
        m.put(WECHAT_PAY.id(), List.of("channel.merchant_no", "channel.terminal_no", "wechat.sub_mch_id"));
        m.put(WECHAT_PAY_CREDIT.id(), List.of("channel.merchant_no", "wechat.sub_mch_id", "wechat.credit.enabled"));
        m.put(ECNY.id(), List.of("channel.merchant_no", "ecny.wallet_id"));
        return m;
    }

    private static void addMethodRequirements(CapabilityPolicy.Builder b) {
        for (PaymentMethod m : PaymentMethods.standardRegistry().all()) {
            Optional<Money> min = m.isInstallment() ? Optional.of(Money.parse("100.00")) : Optional.empty();
            Optional<Money> max;
            if (m.equals(WECHAT_PAY_CREDIT)) {
                max = Optional.of(Money.parse("20000.00"));
            } else if (m.product().startsWith("huabei")) {
                max = Optional.of(Money.parse("50000.00"));
            } else {
                max = Optional.empty();
            }
            b.methodRequirements(new MethodRequirements(m, certificationRequired(m), requiredSettings(m), min, max));
        }
    }

    // ----------------------------------------------------------------------------- qualifications

    private static void addQualificationRequirements(CapabilityPolicy.Builder b) {
        b.qualificationRequirement(new QualificationRequirement("huabei", LocalizedText.of("花呗", "Huabei"),
                List.of("营业执照 business licence", "法人身份证 legal representative's ID",
                        "经营场所门头照 storefront photo", "收银台照片 checkout photo")));
        b.qualificationRequirement(new QualificationRequirement("huabei_installment",
                LocalizedText.of("花呗分期", "Huabei installments"),
                List.of("营业执照 business licence", "花呗分期服务协议 signed installment agreement",
                        "近三个月流水 last three months' sales records")));
        b.qualificationRequirement(new QualificationRequirement("wechat_credit",
                LocalizedText.of("分付", "WeChat Pay credit (Fenfu)"),
                List.of("营业执照 business licence", "经营场所门头照 storefront photo")));
    }
}
