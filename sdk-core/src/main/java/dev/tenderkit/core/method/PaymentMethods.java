package dev.tenderkit.core.method;

import dev.tenderkit.core.LocalizedText;
import java.util.Optional;

/**
 * The well-known payment methods, with their stable ids. {@link #standardRegistry()} holds all of
 * them; extend it with {@link PaymentMethodRegistry#toBuilder()}.
 */
public final class PaymentMethods {
    /** UnionPay debit card (银联借记卡), inserted, swiped or tapped. */
    public static final PaymentMethod UNIONPAY_DEBIT_CARD = new PaymentMethod("unionpay.card.debit",
            Wallet.UNIONPAY, LocalizedText.of("银联借记卡", "UnionPay debit card"), "unionpay_card",
            EntryMode.CARD, false, 0);
    /** UnionPay credit card (银联信用卡). */
    public static final PaymentMethod UNIONPAY_CREDIT_CARD = new PaymentMethod("unionpay.card.credit",
            Wallet.UNIONPAY, LocalizedText.of("银联信用卡", "UnionPay credit card"), "unionpay_card",
            EntryMode.CARD, true, 0);
    /** UnionPay QR (银联二维码 / 云闪付), buyer shows the code. */
    public static final PaymentMethod UNIONPAY_QR = new PaymentMethod("unionpay.qr", Wallet.UNIONPAY,
            LocalizedText.of("银联二维码", "UnionPay QR"), "unionpay_qr", EntryMode.BUYER_CODE, false, 0);
    /** Alipay from balance, Yu'e Bao or a linked card (支付宝). */
    public static final PaymentMethod ALIPAY = new PaymentMethod("alipay", Wallet.ALIPAY,
            LocalizedText.of("支付宝", "Alipay"), "alipay", EntryMode.BUYER_CODE, false, 0);
    /** Alipay Huabei, consumer credit paid in one go (花呗). */
    public static final PaymentMethod ALIPAY_HUABEI = new PaymentMethod("alipay.huabei", Wallet.ALIPAY,
            LocalizedText.of("花呗", "Alipay Huabei"), "huabei", EntryMode.BUYER_CODE, true, 0);
    /** Huabei in 3 installments (花呗分期 3 期); its parent is {@link #ALIPAY_HUABEI}, like the other plans. */
    public static final PaymentMethod HUABEI_INSTALLMENT_3 = installment(3);
    /** Huabei in 6 installments (花呗分期 6 期). */
    public static final PaymentMethod HUABEI_INSTALLMENT_6 = installment(6);
    /** Huabei in 12 installments (花呗分期 12 期). */
    public static final PaymentMethod HUABEI_INSTALLMENT_12 = installment(12);
    /** WeChat Pay from balance or a linked card (微信支付). */
    public static final PaymentMethod WECHAT_PAY = new PaymentMethod("wechat", Wallet.WECHAT_PAY,
            LocalizedText.of("微信支付", "WeChat Pay"), "wechat_pay", EntryMode.BUYER_CODE, false, 0);
    /** WeChat Pay consumer credit (分付). */
    public static final PaymentMethod WECHAT_PAY_CREDIT = new PaymentMethod("wechat.credit", Wallet.WECHAT_PAY,
            LocalizedText.of("分付", "WeChat Pay credit (Fenfu)"), "wechat_credit", EntryMode.BUYER_CODE, true, 0);
    /** e-CNY (数字人民币), buyer shows the wallet's payment code. */
    public static final PaymentMethod ECNY = new PaymentMethod("ecny", Wallet.ECNY,
            LocalizedText.of("数字人民币", "e-CNY"), "ecny", EntryMode.BUYER_CODE, false, 0);

    private static final PaymentMethodRegistry STANDARD = PaymentMethodRegistry.builder()
            .add(UNIONPAY_DEBIT_CARD)
            .add(UNIONPAY_CREDIT_CARD)
            .add(UNIONPAY_QR)
            .add(ALIPAY)
            .add(ALIPAY_HUABEI)
            .add(HUABEI_INSTALLMENT_3)
            .add(HUABEI_INSTALLMENT_6)
            .add(HUABEI_INSTALLMENT_12)
            .add(WECHAT_PAY)
            .add(WECHAT_PAY_CREDIT)
            .add(ECNY)
            .build();

    private PaymentMethods() {
    }

    /** A Huabei installment plan is paid with Huabei: it inherits what Huabei requires. */
    private static PaymentMethod installment(int periods) {
        return new PaymentMethod("alipay.huabei.installment." + periods, Wallet.ALIPAY,
                LocalizedText.of("花呗分期 " + periods + " 期", "Huabei in " + periods + " installments"),
                "huabei_installment", EntryMode.BUYER_CODE, true, periods, Optional.of(ALIPAY_HUABEI.id()));
    }

    /** @return the registry of every well-known method, in display order */
    public static PaymentMethodRegistry standardRegistry() {
        return STANDARD;
    }
}
