package dev.tenderkit.alipay;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The business part of an Alipay API call: the method name and what goes into {@code biz_content}.
 * One record per API (face-to-face payment, the bill's link); each validates its fields against Alipay's documented limits
 * (alipay.md §4/§5) and writes amounts as strings with two decimals, never as floats.
 */
sealed interface AlipayBizRequest {

    /** @return the API method, e.g. {@code alipay.trade.pay} */
    String method();

    /**
     * Writes the fields of {@code biz_content} (the generator is inside the object).
     *
     * @param g the generator
     * @throws IOException from the generator
     */
    void writeFields(JsonGenerator g) throws IOException;

    /** Alipay's channel codes that are consumer credit: disabled when credit is not allowed (alipay.md §5). */
    String CREDIT_CHANNELS = "pcredit,pcreditpayInstallment,creditCard,creditCardExpress,creditCardCartoon,credit_group";

    /** Highest amount Alipay accepts for one trade: 100,000,000.00 yuan. */
    Money MAX_AMOUNT = Money.ofYuan(100_000_000L);

    /**
     * {@code alipay.trade.pay}: a barcode payment (the buyer showed a 付款码).
     *
     * @param outTradeNo the merchant's trade number, 1–64 letters, digits or underscores
     * @param authCode the scanned payment code: 16–24 digits starting 25–30
     * @param subject the order title, 1–256 characters
     * @param totalAmount the amount, 0.01–100000000.00
     * @param scene {@code bar_code} (default), {@code wave_code} or {@code security_code}
     * @param installments Huabei installments: 3, 6 or 12 periods, paid by the buyer or the seller
     * @param creditAllowed whether consumer credit (Huabei, credit cards) may be used; when false,
     *     {@code disable_pay_channels} lists {@link #CREDIT_CHANNELS}
     * @param timeoutExpress e.g. {@code 5m}, if set
     * @param storeId the store, if set
     * @param terminalId the terminal, if set
     * @param operatorId the cashier, if set
     */
    record TradePay(String outTradeNo, String authCode, String subject, Money totalAmount, String scene,
            Optional<InstallmentPlan> installments, boolean creditAllowed, Optional<String> timeoutExpress,
            Optional<String> storeId, Optional<String> terminalId, Optional<String> operatorId) implements AlipayBizRequest {
        /**
         * {@code (2[5-9]|30)[0-9]{14,22}}, checked by hand: a regex match was about a twentieth of a
         * pay call's own CPU (issue 6 wants the SDK's share next to nothing).
         */
        static boolean isAlipayPaymentCode(String s) {
            int n = s.length();
            if (n < 16 || n > 24) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            int prefix = (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0');
            return prefix >= 25 && prefix <= 30;
        }

        /** Validates. */
        public TradePay {
            BizRequestChecks.outTradeNo(outTradeNo);
            Objects.requireNonNull(authCode, "authCode");
            if (!isAlipayPaymentCode(authCode)) {
                throw new InvalidInputException(dev.tenderkit.core.ErrorCode.INVALID_PAYMENT_CODE, "authCode",
                        "an Alipay payment code is 16-24 digits starting 25-30");
            }
            BizRequestChecks.text("subject", subject, 256);
            BizRequestChecks.amount("totalAmount", totalAmount);
            BizRequestChecks.text("scene", scene, 32);
            BizRequestChecks.installments(installments, creditAllowed);
            BizRequestChecks.optional("timeoutExpress", timeoutExpress, 16);
            BizRequestChecks.optional("storeId", storeId, 32);
            BizRequestChecks.optional("terminalId", terminalId, 32);
            BizRequestChecks.optional("operatorId", operatorId, 28);
        }

        /** A bar_code payment with credit allowed, no installments and no optional fields. */
        public static TradePay barCode(String outTradeNo, String authCode, String subject, Money totalAmount) {
            return new TradePay(outTradeNo, authCode, subject, totalAmount, "bar_code", Optional.empty(), true,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** @return a copy with these installments (credit must be allowed) */
        public TradePay withInstallments(InstallmentPlan plan) {
            return new TradePay(outTradeNo, authCode, subject, totalAmount, scene, Optional.of(plan), creditAllowed,
                    timeoutExpress, storeId, terminalId, operatorId);
        }

        /** @return a copy that disables consumer credit */
        public TradePay withoutCredit() {
            return new TradePay(outTradeNo, authCode, subject, totalAmount, scene, installments, false,
                    timeoutExpress, storeId, terminalId, operatorId);
        }

        @Override
        public String method() {
            return "alipay.trade.pay";
        }

        @Override
        public void writeFields(JsonGenerator g) throws IOException {
            g.writeStringField("out_trade_no", outTradeNo);
            g.writeStringField("scene", scene);
            g.writeStringField("auth_code", authCode);
            g.writeStringField("product_code", "FACE_TO_FACE_PAYMENT");
            g.writeStringField("subject", subject);
            g.writeStringField("total_amount", totalAmount.toPlainString());
            BizRequestChecks.writeCommon(g, installments, creditAllowed, storeId, terminalId, operatorId);
            if (timeoutExpress.isPresent()) {
                g.writeStringField("timeout_express", timeoutExpress.get());
            }
        }
    }

    /**
     * {@code alipay.trade.precreate}: a QR payment (the terminal shows the returned {@code qr_code}).
     *
     * @param outTradeNo the merchant's trade number
     * @param subject the order title
     * @param totalAmount the amount
     * @param installments Huabei installments, if any
     * @param creditAllowed whether consumer credit may be used
     * @param qrCodeTimeoutExpress how long the code stays payable, e.g. {@code 2m}, if set
     * @param timeoutExpress when Alipay closes the unpaid trade, e.g. {@code 5m}, if set
     * @param storeId the store, if set
     * @param terminalId the terminal, if set
     * @param operatorId the cashier, if set
     */
    record TradePrecreate(String outTradeNo, String subject, Money totalAmount, Optional<InstallmentPlan> installments,
            boolean creditAllowed, Optional<String> qrCodeTimeoutExpress, Optional<String> timeoutExpress,
            Optional<String> storeId, Optional<String> terminalId, Optional<String> operatorId)
            implements AlipayBizRequest {
        /** Validates. */
        public TradePrecreate {
            BizRequestChecks.outTradeNo(outTradeNo);
            BizRequestChecks.text("subject", subject, 256);
            BizRequestChecks.amount("totalAmount", totalAmount);
            BizRequestChecks.installments(installments, creditAllowed);
            BizRequestChecks.optional("qrCodeTimeoutExpress", qrCodeTimeoutExpress, 16);
            BizRequestChecks.optional("timeoutExpress", timeoutExpress, 16);
            BizRequestChecks.optional("storeId", storeId, 32);
            BizRequestChecks.optional("terminalId", terminalId, 32);
            BizRequestChecks.optional("operatorId", operatorId, 28);
        }

        /** A precreate with credit allowed and nothing optional. */
        public static TradePrecreate of(String outTradeNo, String subject, Money totalAmount) {
            return new TradePrecreate(outTradeNo, subject, totalAmount, Optional.empty(), true, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** @return a copy that disables consumer credit, as a barcode payment does */
        public TradePrecreate withoutCredit() {
            return new TradePrecreate(outTradeNo, subject, totalAmount, installments, false, qrCodeTimeoutExpress,
                    timeoutExpress, storeId, terminalId, operatorId);
        }

        /**
         * @param validity how long the buyer may pay: Alipay closes the trade and the code after
         *     it, in whole minutes rounded down (Alipay takes no seconds), at least one
         * @return a copy with {@code timeout_express} and {@code qr_code_timeout_express} set
         */
        public TradePrecreate withTimeout(java.time.Duration validity) {
            String minutes = Math.max(1, validity.toMinutes()) + "m";
            return new TradePrecreate(outTradeNo, subject, totalAmount, installments, creditAllowed,
                    Optional.of(minutes), Optional.of(minutes), storeId, terminalId, operatorId);
        }

        @Override
        public String method() {
            return "alipay.trade.precreate";
        }

        @Override
        public void writeFields(JsonGenerator g) throws IOException {
            g.writeStringField("out_trade_no", outTradeNo);
            g.writeStringField("subject", subject);
            g.writeStringField("total_amount", totalAmount.toPlainString());
            BizRequestChecks.writeCommon(g, installments, creditAllowed, storeId, terminalId, operatorId);
            if (qrCodeTimeoutExpress.isPresent()) {
                g.writeStringField("qr_code_timeout_express", qrCodeTimeoutExpress.get());
            }
            if (timeoutExpress.isPresent()) {
                g.writeStringField("timeout_express", timeoutExpress.get());
            }
        }
    }

    /** {@code alipay.trade.query}. @param outTradeNo the merchant's trade number */
    record TradeQuery(String outTradeNo) implements AlipayBizRequest {
        /** Validates. */
        public TradeQuery {
            BizRequestChecks.outTradeNo(outTradeNo);
        }

        @Override
        public String method() {
            return "alipay.trade.query";
        }

        @Override
        public void writeFields(JsonGenerator g) throws IOException {
            g.writeStringField("out_trade_no", outTradeNo);
        }
    }

    /** {@code alipay.trade.cancel}: closes if unpaid, refunds if paid. @param outTradeNo the merchant's trade number */
    record TradeCancel(String outTradeNo) implements AlipayBizRequest {
        /** Validates. */
        public TradeCancel {
            BizRequestChecks.outTradeNo(outTradeNo);
        }

        @Override
        public String method() {
            return "alipay.trade.cancel";
        }

        @Override
        public void writeFields(JsonGenerator g) throws IOException {
            g.writeStringField("out_trade_no", outTradeNo);
        }
    }

    /** {@code alipay.trade.close}: closes an unpaid trade. @param outTradeNo the merchant's trade number */
    record TradeClose(String outTradeNo) implements AlipayBizRequest {
        /** Validates. */
        public TradeClose {
            BizRequestChecks.outTradeNo(outTradeNo);
        }

        @Override
        public String method() {
            return "alipay.trade.close";
        }

        @Override
        public void writeFields(JsonGenerator g) throws IOException {
            g.writeStringField("out_trade_no", outTradeNo);
        }
    }

    /**
     * {@code alipay.trade.refund}, idempotent by {@code out_request_no}.
     *
     * @param outTradeNo the merchant's trade number
     * @param refundAmount the amount to refund, more than zero
     * @param outRequestNo the refund request number, 1–64 characters, unique within the trade
     * @param reason shown to the buyer, if set
     */
    record TradeRefund(String outTradeNo, Money refundAmount, String outRequestNo, Optional<String> reason)
            implements AlipayBizRequest {
        /** Validates. */
        public TradeRefund {
            BizRequestChecks.outTradeNo(outTradeNo);
            BizRequestChecks.amount("refundAmount", refundAmount);
            BizRequestChecks.text("outRequestNo", outRequestNo, 64);
            BizRequestChecks.optional("reason", reason, 256);
        }

        @Override
        public String method() {
            return "alipay.trade.refund";
        }

        @Override
        public void writeFields(JsonGenerator g) throws IOException {
            g.writeStringField("out_trade_no", outTradeNo);
            g.writeStringField("refund_amount", refundAmount.toPlainString());
            g.writeStringField("out_request_no", outRequestNo);
            if (reason.isPresent()) {
                g.writeStringField("refund_reason", reason.get());
            }
        }
    }

    /**
     * {@code alipay.trade.fastpay.refund.query}.
     *
     * @param outTradeNo the merchant's trade number
     * @param outRequestNo the refund request number
     */
    record TradeRefundQuery(String outTradeNo, String outRequestNo) implements AlipayBizRequest {
        /** Validates. */
        public TradeRefundQuery {
            BizRequestChecks.outTradeNo(outTradeNo);
            BizRequestChecks.text("outRequestNo", outRequestNo, 64);
        }

        @Override
        public String method() {
            return "alipay.trade.fastpay.refund.query";
        }

        @Override
        public void writeFields(JsonGenerator g) throws IOException {
            g.writeStringField("out_trade_no", outTradeNo);
            g.writeStringField("out_request_no", outRequestNo);
        }
    }

    /**
     * {@code alipay.data.dataservice.bill.downloadurl.query}: the link to a day's bill (bills.md §1).
     *
     * @param billType {@code trade} (the trades acquired through the API)
     * @param billDate the day, {@code yyyy-MM-dd}
     */
    record BillDownloadUrlQuery(String billType, String billDate) implements AlipayBizRequest {
        /** Validates. */
        public BillDownloadUrlQuery {
            BizRequestChecks.text("billType", billType, 20);
            BizRequestChecks.text("billDate", billDate, 15);
        }

        @Override
        public String method() {
            return "alipay.data.dataservice.bill.downloadurl.query";
        }

        @Override
        public void writeFields(JsonGenerator g) throws IOException {
            g.writeStringField("bill_type", billType);
            g.writeStringField("bill_date", billDate);
        }
    }
}
