package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code alipay.trade.pay} (bar_code / wave_code): the scripted buyer pays at once (10000), confirms
 * after some queries (10003), never confirms, or is refused. A repeat for an existing out_trade_no
 * answers that trade's state.
 */
final class TradePay implements GatewayMethod {
    private static final Pattern ALIPAY_CODE = Pattern.compile("(2[5-9]|30)[0-9]{14,22}");

    private final WalletState state;

    TradePay(WalletState state) {
        this.state = state;
    }

    @Override
    public Answer apply(Map<String, Object> biz, Map<String, String> params) {
        String outTradeNo = BizFields.str(biz, "out_trade_no");
        String authCode = BizFields.str(biz, "auth_code");
        String scene = BizFields.str(biz, "scene");
        if (!BizFields.validOutTradeNo(outTradeNo)) {
            return BizFields.badOutTradeNo();
        }
        if (!"bar_code".equals(scene) && !"wave_code".equals(scene)) {
            return Answers.refused("ACQ.INVALID_PARAMETER", "scene must be bar_code or wave_code, was '" + scene + "'");
        }
        if (authCode.isEmpty()) {
            return Answers.refused("ACQ.INVALID_PARAMETER", "auth_code is required");
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
        Optional<AlipayTrade> existing = state.ledger.trade(outTradeNo);
        if (existing.isPresent()) {
            AlipayTrade t = existing.get();
            if (t.kind().equals("BAR_CODE") && !t.totalAmount().equals(total)) {
                return Answers.refused("ACQ.TRADE_PAYINFO_INCONSISTENT", "交易信息被篡改: same out_trade_no, other amount");
            }
            return switch (t.status()) {
                case TRADE_SUCCESS -> new Answer(Answers.paid(t, state.paidAt(t)), false);
                case WAIT_BUYER_PAY -> new Answer(Answers.paying(t), false);
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
        int installments = (Integer) hb;
        BuyerScript buyer = state.buyers.getOrDefault(authCode,
                ALIPAY_CODE.matcher(authCode).matches() ? BuyerScript.paysAtOnce() : BuyerScript.invalidCode());
        switch (buyer.behaviour()) {
            case INVALID_CODE:
                return Answers.refused("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款");
            case BALANCE_NOT_ENOUGH:
                return Answers.refused("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足");
            default:
                break;
        }
        AlipayTrade t = new AlipayTrade(outTradeNo, state.nextTradeNo(), "BAR_CODE", total,
                AlipayTrade.Status.WAIT_BUYER_PAY, Money.ZERO, Optional.empty(), 0, Map.of(), Optional.empty());
        state.create(t, Optional.ofNullable(params.get("notify_url")), subject);
        // A buyer who would use Huabei pays from the balance when the merchant disabled credit.
        boolean huabei = (buyer.huabei() && !BizFields.creditDisabled(biz)) || installments > 0;
        if (buyer.behaviour() == BuyerScript.Behaviour.PAYS && buyer.waitingQueries() == 0) {
            AlipayTrade paid = state.markPaid(t, huabei, installments);
            return new Answer(Answers.paid(paid, state.paidAt(paid)), true);
        }
        int waiting = buyer.behaviour() == BuyerScript.Behaviour.NEVER_PAYS ? Integer.MAX_VALUE : buyer.waitingQueries();
        state.pending.put(outTradeNo, new WalletState.Pending(waiting, huabei, installments));
        return new Answer(Answers.paying(t), true);
    }
}
