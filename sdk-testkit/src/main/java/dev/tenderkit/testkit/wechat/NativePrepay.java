package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v3/pay/transactions/native}: creates a NOTPAY QR order and answers its
 * {@code code_url}; the same again while it waits. The buyer pays with
 * {@link SimulatedWeChatPay#buyerScansQr(String)}, and WeChat calls {@code notify_url} back with
 * TRANSACTION.SUCCESS. Another amount for the same number is 403 OUT_TRADE_NO_USED; a paid one
 * 400 ORDER_PAID, a closed one 400 ORDER_CLOSED.
 */
final class NativePrepay implements Endpoint {
    private final WalletState s;

    NativePrepay(WalletState s) {
        this.s = s;
    }

    @Override
    public Answer handle(Call call) {
        Map<String, Object> b = call.body();
        Optional<Answer> refusal = BodyChecks.merchant(s, b, true)
                .or(() -> BodyChecks.required(b, "description", "out_trade_no", "notify_url"))
                .or(() -> BodyChecks.amount(b, "total"))
                .or(() -> BodyChecks.outTradeNo(Json.text(b, "out_trade_no").orElseThrow()));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String url = Json.text(b, "notify_url").orElseThrow();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            return Answer.paramError("notify_url", "须为http或https地址");
        }
        String no = Json.text(b, "out_trade_no").orElseThrow();
        Money total = Money.ofFen(Json.integer(b, "amount", "total").orElseThrow());
        Optional<WeChatTrade> existing = s.ledger.trade(no);
        if (existing.isPresent()) {
            WeChatTrade t = existing.get();
            if (!t.tradeType().equals("NATIVE") || !t.total().equals(total)) {
                return Answer.error(403, "OUT_TRADE_NO_USED", "商户订单号重复");
            }
            if (t.state() == WeChatTrade.State.SUCCESS) {
                return Answer.error(400, "ORDER_PAID", "该订单已支付");
            }
            if (t.state() != WeChatTrade.State.NOTPAY) {
                return Answer.error(400, "ORDER_CLOSED", "订单已关闭");
            }
            return Answer.ok(Map.of("code_url", s.codeUrls.get(no)), false);
        }
        WeChatTrade t = new WeChatTrade(no, s.nextTransactionId(), "NATIVE", total, WeChatTrade.State.NOTPAY, Money.ZERO,
                Optional.empty(), Optional.empty(), s.now());
        s.ledger.put(t);
        s.notifyUrls.put(no, url);
        s.descriptions.put(no, Json.text(b, "description").orElseThrow());
        String codeUrl = "weixin://wxpay/bizpayurl?pr=" + s.crypto.nonce(7);
        s.codeUrls.put(no, codeUrl);
        return Answer.ok(Map.of("code_url", codeUrl), true);
    }
}
