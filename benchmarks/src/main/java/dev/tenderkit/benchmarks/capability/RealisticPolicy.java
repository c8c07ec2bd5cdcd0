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
import dev.tenderkit.core.capability.MccRestriction;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.QualificationRequirement;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.method.EntryMode;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final List<PaymentMethod> INSTALLMENTS = List.of(HUABEI_INSTALLMENT_3, HUABEI_INSTALLMENT_6,
            HUABEI_INSTALLMENT_12);
    private static final List<PaymentMethod> CODE_METHODS = List.of(UNIONPAY_QR, ALIPAY, WECHAT_PAY, ECNY);
    private static final List<PaymentMethod> CREDIT_PRODUCTS = List.of(ALIPAY_HUABEI, HUABEI_INSTALLMENT_3,
            HUABEI_INSTALLMENT_6, HUABEI_INSTALLMENT_12, WECHAT_PAY_CREDIT);

    private static final Map<String, List<String>> REQUIRED_SETTINGS = requiredSettings();

    /** Brand → (version line major, models); a "*" model stands for every other model of the brand. */
    private static final Map<String, Brand> BRANDS = brands();

    private RealisticPolicy() {
    }

    private record Brand(int major, List<String> models) {
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
        addCertifications(b, random);
        addChannels(b);
        addMccRestrictions(b, random);
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

    // ----------------------------------------------------------------------------- terminals

    private static Map<String, Brand> brands() {
        Map<String, Brand> m = new LinkedHashMap<>();
        m.put("Sunmi", new Brand(3, List.of("P2 Pro", "P2 Lite", "V2s", "V2 Pro", "T2s", "*")));
        m.put("PAX", new Brand(4, List.of("A920", "A920 Pro", "A8900", "IM30", "A77")));
        m.put("Newland", new Brand(2, List.of("N910", "N950", "ME31S", "*")));
        m.put("Landi", new Brand(5, List.of("APOS A8", "*")));
        m.put("Centerm", new Brand(1, List.of("K9", "C960F", "*")));
        m.put("NEXGO", new Brand(6, List.of("N86", "N92")));
        m.put("Urovo", new Brand(2, List.of("i9100", "i9000s")));
        m.put("Ingenico", new Brand(7, List.of("DX8000", "*")));
        return m;
    }

    private static void addCertifications(CapabilityPolicy.Builder b, Random random) {
        for (Map.Entry<String, Brand> e : BRANDS.entrySet()) {
            String brand = e.getKey();
            for (String model : e.getValue().models()) {
                Map<String, SoftwareVersion> versions;
                if (brand.equals(CERTIFIED_BRAND) && model.equals(CERTIFIED_MODEL)) {
                    versions = certifiedForEverything();
                } else if (brand.equals(OUTDATED_BRAND) && model.equals(OUTDATED_MODEL)) {
                    versions = huabeiFrom(OUTDATED_MODEL_HUABEI_MINIMUM);
                } else {
                    versions = randomCertification(e.getValue().major(), random);
                }
                b.certification(new TerminalCertification(brand, model, versions));
            }
        }
    }

    /** Every method that needs certification, at versions a 3.8 terminal is above. */
    private static Map<String, SoftwareVersion> certifiedForEverything() {
        Map<String, SoftwareVersion> v = new LinkedHashMap<>();
        v.put(UNIONPAY_QR.id(), SoftwareVersion.parse("2.0.0"));
        v.put(ALIPAY.id(), SoftwareVersion.parse("2.0.0"));
        v.put(ALIPAY_HUABEI.id(), SoftwareVersion.parse("3.2.0"));
        v.put(HUABEI_INSTALLMENT_3.id(), SoftwareVersion.parse("3.4.0"));
        v.put(HUABEI_INSTALLMENT_6.id(), SoftwareVersion.parse("3.4.0"));
        v.put(HUABEI_INSTALLMENT_12.id(), SoftwareVersion.parse("3.4.0"));
        v.put(WECHAT_PAY.id(), SoftwareVersion.parse("2.0.0"));
        v.put(WECHAT_PAY_CREDIT.id(), SoftwareVersion.parse("3.3.0"));
        v.put(ECNY.id(), SoftwareVersion.parse("3.6.0"));
        return v;
    }

    /** Certified for the everyday methods and for Huabei from {@code huabeiMinimum}; no installments. */
    private static Map<String, SoftwareVersion> huabeiFrom(String huabeiMinimum) {
        Map<String, SoftwareVersion> v = new LinkedHashMap<>();
        v.put(UNIONPAY_QR.id(), SoftwareVersion.parse("1.8.0"));
        v.put(ALIPAY.id(), SoftwareVersion.parse("1.8.0"));
        v.put(ALIPAY_HUABEI.id(), SoftwareVersion.parse(huabeiMinimum));
        v.put(WECHAT_PAY.id(), SoftwareVersion.parse("1.8.0"));
        v.put(ECNY.id(), SoftwareVersion.parse("2.6.0"));
        return v;
    }

    /**
     * The everyday code methods always, from some version of the brand's line; the credit products
     * usually, from a later one (vendors integrate Huabei after Alipay, installments after Huabei).
     */
    private static Map<String, SoftwareVersion> randomCertification(int major, Random random) {
        Map<String, SoftwareVersion> v = new LinkedHashMap<>();
        int base = random.nextInt(4);
        v.put(UNIONPAY_QR.id(), version(major, base, random.nextInt(3)));
        v.put(ALIPAY.id(), version(major, base, random.nextInt(3)));
        v.put(WECHAT_PAY.id(), version(major, base, random.nextInt(3)));
        if (random.nextInt(10) < 8) {
            int huabei = base + 1 + random.nextInt(3);
            v.put(ALIPAY_HUABEI.id(), version(major, huabei, 0));
            if (random.nextInt(10) < 6) {
                SoftwareVersion installments = version(major, huabei + 1 + random.nextInt(2), random.nextInt(2));
                v.put(HUABEI_INSTALLMENT_3.id(), installments);
                v.put(HUABEI_INSTALLMENT_6.id(), installments);
                v.put(HUABEI_INSTALLMENT_12.id(), installments);
            }
        }
        if (random.nextInt(10) < 5) {
            v.put(WECHAT_PAY_CREDIT.id(), version(major, base + 2 + random.nextInt(3), 0));
        }
        if (random.nextInt(10) < 7) {
            v.put(ECNY.id(), version(major, base + 1 + random.nextInt(5), random.nextInt(3)));
        }
        return v;
    }

    private static SoftwareVersion version(int major, int minor, int patch) {
        return SoftwareVersion.of(major, minor, patch);
    }

    // ----------------------------------------------------------------------------- channels

    private static void addChannels(CapabilityPolicy.Builder b) {
        // Three payment institutions offering everything, each with its own limits: the accepted
        // merchant's channels. The limits are set so that 688.00 passes them all.
        b.channel(new ChannelProfile(LAKALA, LocalizedText.of("拉卡拉（示例）", "Lakala (sample)"),
                LicenceKind.PAYMENT_INSTITUTION, List.of(
                        open(UNIONPAY_DEBIT_CARD),
                        limited(UNIONPAY_CREDIT_CARD, false, null, "100000.00"),
                        open(UNIONPAY_QR),
                        open(ALIPAY),
                        limited(ALIPAY_HUABEI, true, null, "50000.00"),
                        limited(HUABEI_INSTALLMENT_3, true, "100.00", "50000.00"),
                        limited(HUABEI_INSTALLMENT_6, true, "100.00", "50000.00"),
                        limited(HUABEI_INSTALLMENT_12, true, "100.00", "50000.00"),
                        open(WECHAT_PAY),
                        limited(WECHAT_PAY_CREDIT, true, null, "20000.00"),
                        open(ECNY))));
        b.channel(new ChannelProfile(SHENGFUTONG, LocalizedText.of("盛付通（示例）", "Shengfutong (sample)"),
                LicenceKind.PAYMENT_INSTITUTION, List.of(
                        open(UNIONPAY_DEBIT_CARD),
                        open(UNIONPAY_CREDIT_CARD),
                        limited(UNIONPAY_QR, false, null, "50000.00"),
                        open(ALIPAY),
                        limited(ALIPAY_HUABEI, true, null, "30000.00"),
                        limited(HUABEI_INSTALLMENT_3, true, "300.00", "30000.00"),
                        limited(HUABEI_INSTALLMENT_6, true, "300.00", "30000.00"),
                        limited(HUABEI_INSTALLMENT_12, true, "600.00", "30000.00"),
                        open(WECHAT_PAY),
                        limited(WECHAT_PAY_CREDIT, true, null, "10000.00"),
                        open(ECNY))));
        b.channel(new ChannelProfile(FUIOU, LocalizedText.of("富友支付（示例）", "Fuiou (sample)"),
                LicenceKind.PAYMENT_INSTITUTION, List.of(
                        limited(UNIONPAY_DEBIT_CARD, false, null, "200000.00"),
                        open(UNIONPAY_CREDIT_CARD),
                        open(UNIONPAY_QR),
                        open(ALIPAY),
                        qualified(ALIPAY_HUABEI),
                        limited(HUABEI_INSTALLMENT_3, true, "200.00", null),
                        limited(HUABEI_INSTALLMENT_6, true, "200.00", null),
                        limited(HUABEI_INSTALLMENT_12, true, "200.00", null),
                        open(WECHAT_PAY),
                        qualified(WECHAT_PAY_CREDIT),
                        limited(ECNY, false, null, "50000.00"))));
        // Channels with a partial offering.
        b.channel(new ChannelProfile(SUIXINGFU, LocalizedText.of("随行付（示例）", "Suixingfu (sample)"),
                LicenceKind.PAYMENT_INSTITUTION, List.of(
                        open(UNIONPAY_DEBIT_CARD),
                        open(UNIONPAY_CREDIT_CARD),
                        open(UNIONPAY_QR),
                        open(ALIPAY),
                        limited(ALIPAY_HUABEI, true, null, "5000.00"),
                        open(WECHAT_PAY),
                        open(ECNY))));
        b.channel(new ChannelProfile(LESHUA, LocalizedText.of("乐刷（示例）", "Leshua (sample)"),
                LicenceKind.PAYMENT_INSTITUTION, List.of(
                        open(UNIONPAY_DEBIT_CARD),
                        open(UNIONPAY_CREDIT_CARD),
                        open(UNIONPAY_QR),
                        limited(ALIPAY, false, null, "50000.00"),
                        limited(ALIPAY_HUABEI, true, null, "10000.00"),
                        limited(HUABEI_INSTALLMENT_3, true, "500.00", "10000.00"),
                        limited(WECHAT_PAY, false, null, "50000.00"))));
        b.channel(new ChannelProfile(ALIPAY_DIRECT, LocalizedText.of("支付宝直连（示例）", "Alipay direct (sample)"),
                LicenceKind.WALLET_DIRECT, List.of(
                        open(ALIPAY),
                        qualified(ALIPAY_HUABEI),
                        qualified(HUABEI_INSTALLMENT_3),
                        qualified(HUABEI_INSTALLMENT_6),
                        qualified(HUABEI_INSTALLMENT_12))));
        b.channel(new ChannelProfile(WECHAT_DIRECT, LocalizedText.of("微信支付直连（示例）", "WeChat Pay direct (sample)"),
                LicenceKind.WALLET_DIRECT, List.of(
                        open(WECHAT_PAY),
                        limited(WECHAT_PAY_CREDIT, true, null, "10000.00"))));
        b.channel(new ChannelProfile(BANK_ACQUIRER, LocalizedText.of("工商银行收单（示例）", "ICBC acquiring (sample)"),
                LicenceKind.BANK_ACQUIRER, List.of(
                        limited(UNIONPAY_DEBIT_CARD, false, null, "200000.00"),
                        open(UNIONPAY_CREDIT_CARD),
                        open(UNIONPAY_QR),
                        open(ECNY))));
    }

    private static ChannelOffering open(PaymentMethod m) {
        return ChannelOffering.of(m, false);
    }

    private static ChannelOffering qualified(PaymentMethod m) {
        return ChannelOffering.of(m, true);
    }

    private static ChannelOffering limited(PaymentMethod m, boolean qualificationRequired, String min, String max) {
        return new ChannelOffering(m, qualificationRequired, Optional.ofNullable(min).map(Money::parse),
                Optional.ofNullable(max).map(Money::parse));
    }

    // ----------------------------------------------------------------------------- merchant categories

    private static void addMccRestrictions(CapabilityPolicy.Builder b, Random random) {
        List<MccRestriction> rules = new ArrayList<>();
        // The categories everyone restricts, written out; some overlap on purpose.
        rules.add(credit(5933, 5933, "典当行不得受理消费信贷", "pawn shops may not take consumer credit"));
        rules.add(credit(6051, 6051, "准现金交易不得使用信用支付", "quasi-cash transactions may not be paid on credit"));
        rules.add(credit(6211, 6211, "证券类商户不得受理信用支付", "securities brokers may not take credit payments"));
        rules.add(credit(6012, 6012, "金融机构不得受理信用支付", "financial institutions may not take credit payments"));
        rules.add(credit(6540, 6540, "储值卡充值不得使用信用支付", "stored-value loads may not be paid on credit"));
        rules.add(credit(7993, 7995, "博彩、彩票类商户不得受理信用支付", "gaming and lottery merchants may not take credit"));
        rules.add(credit(7800, 7802, "彩票销售不得使用信用支付", "lottery sales may not be paid on credit"));
        rules.add(credit(9211, 9223, "罚没、诉讼费用不得使用信用支付", "fines and court costs may not be paid on credit"));
        rules.add(credit(9311, 9311, "税款不得使用信用支付", "taxes may not be paid on credit"));
        rules.add(new MccRestriction(4829, 4829, Set.copyOf(CODE_METHODS), true,
                LocalizedText.of("汇款类商户不得受理扫码支付", "money-transfer merchants may not take code payments")));
        rules.add(new MccRestriction(7273, 7273, Set.copyOf(CODE_METHODS), true,
                LocalizedText.of("该类目不开放扫码支付", "this category is not offered code payments")));
        rules.add(methods(5960, 5969, INSTALLMENTS, "直销类商户不开放花呗分期",
                "direct-marketing merchants are not offered Huabei installments"));
        rules.add(methods(5966, 5967, List.of(ALIPAY_HUABEI, WECHAT_PAY_CREDIT), "电话营销类商户不开放信用支付",
                "telemarketing merchants are not offered wallet credit"));
        rules.add(methods(5921, 5921, INSTALLMENTS, "酒类零售不开放分期", "liquor stores are not offered installments"));
        rules.add(credit(5993, 5993, "烟草零售不得受理信用支付", "tobacco retail may not take credit"));
        rules.add(methods(8211, 8299, INSTALLMENTS, "教育培训类商户不开放花呗分期",
                "education and training merchants are not offered Huabei installments"));
        rules.add(methods(6300, 6399, INSTALLMENTS, "保险类商户不开放分期", "insurers are not offered installments"));
        rules.add(methods(8398, 8398, List.of(HUABEI_INSTALLMENT_3, HUABEI_INSTALLMENT_6, HUABEI_INSTALLMENT_12,
                WECHAT_PAY_CREDIT), "慈善捐赠不开放分期与分付", "charitable donations are not offered installments or Fenfu"));
        rules.add(methods(5094, 5094, CREDIT_PRODUCTS, "贵金属、珠宝批发不开放钱包信用",
                "precious-metal and jewellery wholesale is not offered wallet credit"));

        // The long tail: generated, as a real policy's list grows one risk review at a time.
        int ruleNo = 1;
        while (rules.size() < MCC_RESTRICTIONS) {
            int from = 3000 + random.nextInt(6900);
            int to = random.nextInt(10) < 6 ? from : Math.min(9999, from + 1 + random.nextInt(19));
            if (coversUnrestricted(from, to)) {
                continue;
            }
            String code = String.format("R-%03d", ruleNo++);
            LocalizedText reason = LocalizedText.of("风险类目，见风控规则 " + code, "risk category, see risk rule " + code);
            int kind = random.nextInt(20);
            if (kind < 9) {
                rules.add(new MccRestriction(from, to, Set.of(), true, reason));
            } else if (kind < 15) {
                rules.add(new MccRestriction(from, to, Set.copyOf(someOf(CREDIT_PRODUCTS, random)), false, reason));
            } else {
                rules.add(new MccRestriction(from, to, Set.copyOf(someOf(CODE_METHODS, random)), true, reason));
            }
        }
        rules.forEach(b::mccRestriction);
    }

    private static boolean coversUnrestricted(int from, int to) {
        for (int mcc : UNRESTRICTED_MCCS) {
            if (mcc >= from && mcc <= to) {
                return true;
            }
        }
        return false;
    }

    private static List<PaymentMethod> someOf(List<PaymentMethod> methods, Random random) {
        List<PaymentMethod> out = new ArrayList<>();
        for (PaymentMethod m : methods) {
            if (random.nextBoolean()) {
                out.add(m);
            }
        }
        if (out.isEmpty()) {
            out.add(methods.get(random.nextInt(methods.size())));
        }
        return out;
    }

    private static MccRestriction credit(int from, int to, String zh, String en) {
        return new MccRestriction(from, to, Set.of(), true, LocalizedText.of(zh, en));
    }

    private static MccRestriction methods(int from, int to, List<PaymentMethod> denied, String zh, String en) {
        return new MccRestriction(from, to, Set.copyOf(denied), false, LocalizedText.of(zh, en));
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
