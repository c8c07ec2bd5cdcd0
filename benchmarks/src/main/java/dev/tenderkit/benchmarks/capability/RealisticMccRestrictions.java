package dev.tenderkit.benchmarks.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.ECNY;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_12;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_3;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_QR;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY_CREDIT;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.MccRestriction;
import dev.tenderkit.core.method.PaymentMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The merchant-category restrictions of {@link RealisticPolicy}: 72 of them, the ones every policy
 * has written out (some overlapping on purpose), the long tail drawn from the seeded generator
 * and never covering the worlds' merchants ({@link RealisticPolicy#UNRESTRICTED_MCCS}).
 */
final class RealisticMccRestrictions {
    private static final List<PaymentMethod> INSTALLMENTS = List.of(HUABEI_INSTALLMENT_3, HUABEI_INSTALLMENT_6,
            HUABEI_INSTALLMENT_12);
    private static final List<PaymentMethod> CODE_METHODS = List.of(UNIONPAY_QR, ALIPAY, WECHAT_PAY, ECNY);
    private static final List<PaymentMethod> CREDIT_PRODUCTS = List.of(ALIPAY_HUABEI, HUABEI_INSTALLMENT_3,
            HUABEI_INSTALLMENT_6, HUABEI_INSTALLMENT_12, WECHAT_PAY_CREDIT);

    private RealisticMccRestrictions() {
    }

    static void addTo(CapabilityPolicy.Builder b, Random random) {
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
        while (rules.size() < RealisticPolicy.MCC_RESTRICTIONS) {
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
        for (int mcc : RealisticPolicy.UNRESTRICTED_MCCS) {
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
}
