package dev.tenderkit.alipay.crash;

import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trade.pay as the simulator received it, read from its {@code biz_content}: which trade and
 * which buyer's payment code.
 *
 * @param outTradeNo the trade
 * @param paymentCode the buyer's code ({@code auth_code})
 */
record ReceivedPay(String outTradeNo, String paymentCode) {
    private static final Pattern OUT_TRADE_NO = Pattern.compile("\"out_trade_no\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern AUTH_CODE = Pattern.compile("\"auth_code\"\\s*:\\s*\"([^\"]+)\"");

    /** @return the pay, if the request is one */
    static Optional<ReceivedPay> of(SimulatedAlipay.Received r) {
        if (!r.method().equals("alipay.trade.pay")) {
            return Optional.empty();
        }
        String biz = r.params().getOrDefault("biz_content", "");
        Matcher no = OUT_TRADE_NO.matcher(biz);
        Matcher code = AUTH_CODE.matcher(biz);
        return no.find() && code.find() ? Optional.of(new ReceivedPay(no.group(1), code.group(1))) : Optional.empty();
    }
}
