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
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * The channel catalogue of {@link RealisticPolicy}: 8 channels with different offerings,
 * qualification demands and amount limits.
 */
final class RealisticChannels {
    private RealisticChannels() {
    }

    static void addTo(CapabilityPolicy.Builder b) {
        // Three payment institutions offering everything, each with its own limits: the accepted
        // merchant's channels. The limits are set so that 688.00 passes them all.
        b.channel(new ChannelProfile(RealisticPolicy.LAKALA, LocalizedText.of("拉卡拉（示例）", "Lakala (sample)"),
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
        b.channel(new ChannelProfile(RealisticPolicy.SHENGFUTONG, LocalizedText.of("盛付通（示例）", "Shengfutong (sample)"),
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
        b.channel(new ChannelProfile(RealisticPolicy.FUIOU, LocalizedText.of("富友支付（示例）", "Fuiou (sample)"),
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
        b.channel(new ChannelProfile(RealisticPolicy.SUIXINGFU, LocalizedText.of("随行付（示例）", "Suixingfu (sample)"),
                LicenceKind.PAYMENT_INSTITUTION, List.of(
                        open(UNIONPAY_DEBIT_CARD),
                        open(UNIONPAY_CREDIT_CARD),
                        open(UNIONPAY_QR),
                        open(ALIPAY),
                        limited(ALIPAY_HUABEI, true, null, "5000.00"),
                        open(WECHAT_PAY),
                        open(ECNY))));
        b.channel(new ChannelProfile(RealisticPolicy.LESHUA, LocalizedText.of("乐刷（示例）", "Leshua (sample)"),
                LicenceKind.PAYMENT_INSTITUTION, List.of(
                        open(UNIONPAY_DEBIT_CARD),
                        open(UNIONPAY_CREDIT_CARD),
                        open(UNIONPAY_QR),
                        limited(ALIPAY, false, null, "50000.00"),
                        limited(ALIPAY_HUABEI, true, null, "10000.00"),
                        limited(HUABEI_INSTALLMENT_3, true, "500.00", "10000.00"),
                        limited(WECHAT_PAY, false, null, "50000.00"))));
        b.channel(new ChannelProfile(RealisticPolicy.ALIPAY_DIRECT, LocalizedText.of("支付宝直连（示例）", "Alipay direct (sample)"),
                LicenceKind.WALLET_DIRECT, List.of(
                        open(ALIPAY),
                        qualified(ALIPAY_HUABEI),
                        qualified(HUABEI_INSTALLMENT_3),
                        qualified(HUABEI_INSTALLMENT_6),
                        qualified(HUABEI_INSTALLMENT_12))));
        b.channel(new ChannelProfile(RealisticPolicy.WECHAT_DIRECT, LocalizedText.of("微信支付直连（示例）", "WeChat Pay direct (sample)"),
                LicenceKind.WALLET_DIRECT, List.of(
                        open(WECHAT_PAY),
                        limited(WECHAT_PAY_CREDIT, true, null, "10000.00"))));
        b.channel(new ChannelProfile(RealisticPolicy.BANK_ACQUIRER, LocalizedText.of("工商银行收单（示例）", "ICBC acquiring (sample)"),
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
}
