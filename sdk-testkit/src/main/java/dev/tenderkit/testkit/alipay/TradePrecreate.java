package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Optional;

/**
 * {@code alipay.trade.precreate}: creates a waiting QR trade and answers its {@code qr_code}; the same
 * code again while it waits. The buyer pays with {@link SimulatedAlipay#buyerScansQr}.
 */
final class TradePrecreate implements GatewayMethod {
    private final WalletState state;

    TradePrecreate(WalletState state) {
        this.state = state;
    }

    @Override
    public Answer apply(Map<String, Object> biz, Map<String, String> params) {
        String outTradeNo = BizFields.str(biz, "out_trade_no");
        if (!BizFields.validOutTradeNo(outTradeNo)) {
            return BizFields.badOutTradeNo();
        }
        String subject = BizFields.str(biz, "subject");
        if (subject.isEmpty()) {
            return Answers.refused("ACQ.INVALID_PARAMETER", "subject is required");
        }
        Object amount = BizFields.amount(biz, "total_amount");
        if (amount instanceof Answer a) {
            return a;
        }
        Money total = (Money) amount;
        Object timeout = BizFields.timeoutExpress(biz, "timeout_express");
        if (timeout instanceof Answer a) {
            return a;
        }
        Optional<AlipayTrade> existing = state.ledger.trade(outTradeNo);
        if (existing.isPresent()) {
            AlipayTrade t = existing.get();
            return switch (t.status()) {
                case WAIT_BUYER_PAY -> new Answer(Answers.qr(t), false);
                case TRADE_SUCCESS -> Answers.refused("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
                case TRADE_CLOSED -> Answers.refused("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            };
        }
        if (state.restrictedIndustry) {
            return Answers.refused("ACQ.RESTRICTED_MERCHANT_INDUSTRY", "行业信息交易受限");
        }
        Object hb = BizFields.installments(biz, state.huabeiSigned);
        if (hb instanceof Answer a) {
            return a;
        }
        AlipayTrade t = new AlipayTrade(outTradeNo, state.nextTradeNo(), "QR", total, AlipayTrade.Status.WAIT_BUYER_PAY,
                Money.ZERO, Optional.empty(), 0, Map.of(), Optional.empty());
        state.create(t, Optional.ofNullable(params.get("notify_url")), subject);
        state.qrInstallments.put(outTradeNo, (Integer) hb);
        if (BizFields.creditDisabled(biz)) {
            state.qrCreditDisabled.add(outTradeNo);
        }
        if (timeout instanceof java.time.Duration d) {
            state.expiresAt.put(outTradeNo, state.instant().plus(d));
        }
        return new Answer(Answers.qr(t), true);
    }
}
