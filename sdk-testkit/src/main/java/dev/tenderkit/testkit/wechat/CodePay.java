package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v3/pay/transactions/codepay}: the buyer's 付款码. Creates the order and acts out the
 * buyer's {@link BuyerScript}: 200 with the transaction when she pays at once, 202 (or 200, see
 * {@link SimulatedWeChatPay#userPayingStatus}) {@code {"trade_state":"USERPAYING"}} at the PIN
 * dialog, 403 NOT_ENOUGH, 400 PARAM_ERROR for an invalid code. A repeat with the same number, code
 * and amount answers the order's state; another code or amount is 403 OUT_TRADE_NO_USED.
 */
final class CodePay implements Endpoint {
    private static final String WECHAT_CODE = "1[0-5]\\d{16}";
    private final WalletState s;

    CodePay(WalletState s) {
        this.s = s;
    }

    @Override
    public Answer handle(Call call) {
        Map<String, Object> b = call.body();
        Optional<Answer> refusal = BodyChecks.merchant(s, b, true)
                .or(() -> BodyChecks.required(b, "description", "out_trade_no", "payer.auth_code"))
                .or(() -> BodyChecks.amount(b, "total"))
                .or(() -> BodyChecks.outTradeNo(Json.text(b, "out_trade_no").orElseThrow()));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!Json.hasObject(b, "scene_info")) {
            return Answer.paramError("scene_info", "此字段为必填项");
        }
        if (Json.text(b, "description").orElseThrow().length() > 127) {
            return Answer.paramError("description", "长度不能超过127");
        }
        String no = Json.text(b, "out_trade_no").orElseThrow();
        String code = Json.text(b, "payer", "auth_code").orElseThrow();
        Money total = Money.ofFen(Json.integer(b, "amount", "total").orElseThrow());
        Optional<WeChatTrade> existing = s.ledger.trade(no);
        if (existing.isPresent()) {
            return repeat(existing.get(), code, total);
        }
        BuyerScript script = s.buyers.getOrDefault(code,
                code.matches(WECHAT_CODE) ? BuyerScript.paysAtOnce() : BuyerScript.invalidCode());
        if (script.behaviour() == BuyerScript.Behaviour.INVALID_CODE) {
            return Answer.paramError("payer.auth_code", "付款码无效，请重新扫码");
        }
        WeChatTrade t = new WeChatTrade(no, s.nextTransactionId(), "MICROPAY", total, WeChatTrade.State.USERPAYING,
                Money.ZERO, Optional.empty(), Optional.empty(), s.now());
        s.authCodes.put(no, code);
        s.descriptions.put(no, Json.text(b, "description").orElseThrow());
        if (script.behaviour() == BuyerScript.Behaviour.NOT_ENOUGH) {
            s.ledger.put(t.with(WeChatTrade.State.PAYERROR, Money.ZERO));
            return Answer.errorAfterChange(403, "NOT_ENOUGH", "用户余额不足");
        }
        if (script.behaviour() == BuyerScript.Behaviour.PAYS && script.pinQueries() == 0) {
            return Answer.ok(Transactions.render(s, s.markPaid(t, script.bankType())), true);
        }
        s.ledger.put(t);
        s.pending.put(no, new WalletState.Pending(script));
        s.scheduleAutoRevoke();
        return userPaying(true);
    }

    private Answer repeat(WeChatTrade t, String code, Money total) {
        if (!t.tradeType().equals("MICROPAY") || !t.total().equals(total) || !code.equals(s.authCodes.get(t.outTradeNo()))) {
            return Answer.error(403, "OUT_TRADE_NO_USED", "商户订单号重复");
        }
        return switch (t.state()) {
            case SUCCESS -> Answer.ok(Transactions.render(s, t), false);
            case USERPAYING -> userPaying(false);
            case PAYERROR -> Answer.error(403, "TRADE_ERROR", "订单支付失败，请撤销订单");
            default -> Answer.error(400, "ORDER_CLOSED", "订单已关闭");
        };
    }

    private Answer userPaying(boolean changed) {
        return Answer.status(s.userPayingStatus, Map.of("trade_state", "USERPAYING"), changed);
    }
}
