package dev.tenderkit.wechat.crash;

import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A codepay as the simulator received it, read from its JSON body: which trade and which buyer's
 * payment code.
 *
 * @param outTradeNo the trade
 * @param paymentCode the buyer's code ({@code payer.auth_code})
 */
record ReceivedCodepay(String outTradeNo, String paymentCode) {
    private static final Pattern OUT_TRADE_NO = Pattern.compile("\"out_trade_no\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern AUTH_CODE = Pattern.compile("\"auth_code\"\\s*:\\s*\"([^\"]+)\"");

    /** @return the codepay, if the request is one */
    static Optional<ReceivedCodepay> of(SimulatedWeChatPay.Received r) {
        if (!r.endpoint().equals("codepay")) {
            return Optional.empty();
        }
        Matcher no = OUT_TRADE_NO.matcher(r.body());
        Matcher code = AUTH_CODE.matcher(r.body());
        return no.find() && code.find() ? Optional.of(new ReceivedCodepay(no.group(1), code.group(1)))
                : Optional.empty();
    }
}
