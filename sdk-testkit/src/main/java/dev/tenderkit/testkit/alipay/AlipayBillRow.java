package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an Alipay trade bill's detail file ({@code …_业务明细.csv}) as {@link AlipayBillWriter} renders it:
 * what a test or the simulator says happened, in plain values. Amounts are magnitudes; the writer writes a
 * refund's order amount, received amount and returned fee negative, as Alipay does. Times are Beijing time,
 * as the bill writes them.
 *
 * @param tradeNo 支付宝交易号
 * @param outTradeNo 商户订单号
 * @param kind 业务类型
 * @param subject 商品名称 (a comma or line break in it is written as a full-width comma / a space: the bill is
 *     not quoted)
 * @param created 创建时间: the trade's creation (also on its refund rows)
 * @param completed 完成时间: the payment's, or the refund's, time
 * @param amount 订单金额（元） and 商家实收（元）, as a magnitude
 * @param serviceFee 服务费（元）: charged on a payment, returned on a refund, as a magnitude
 * @param refundRequestNo 退款批次号/请求号 of a refund row (the merchant's out_request_no); empty for a
 *     payment, or for a reversal
 */
public record AlipayBillRow(String tradeNo, String outTradeNo, Kind kind, String subject, LocalDateTime created,
        LocalDateTime completed, Money amount, Money serviceFee, Optional<String> refundRequestNo) {

    /** The 业务类型 values the writer renders. */
    public enum Kind {
        /** 交易: a payment. */
        TRADE("交易"),
        /** 退款: a refund (or a paid trade's reversal). */
        REFUND("退款"),
        /** 充值: a top-up, not a trade; parsers skip it. */
        RECHARGE("充值");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the bill's word for it */
        public String label() {
            return label;
        }
    }

    /** Validates. */
    public AlipayBillRow {
        Objects.requireNonNull(tradeNo, "tradeNo");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(serviceFee, "serviceFee");
        Objects.requireNonNull(refundRequestNo, "refundRequestNo");
    }

    /** @return whether the writer writes this row's amounts negative */
    public boolean negative() {
        return kind == Kind.REFUND;
    }
}
