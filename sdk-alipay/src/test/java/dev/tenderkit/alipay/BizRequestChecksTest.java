package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written field checks accept exactly what the documented patterns accept. */
class BizRequestChecksTest {
    private static final Pattern AUTH_CODE = Pattern.compile("(2[5-9]|30)[0-9]{14,22}");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");

    @Test
    void paymentCodesAndTradeNumbersAreCheckedAsTheirPatternsSay() {
        Random r = new Random(6L);
        String pool = "0123456789012345678923_aZ-é٣０ ";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (r.nextBoolean()) {
                sb.append(20 + r.nextInt(12)); // often a plausible prefix
            }
            for (int n = r.nextInt(r.nextBoolean() ? 26 : 70); n > 0; n--) {
                sb.append(r.nextInt(4) == 0 ? pool.charAt(r.nextInt(pool.length())) : (char) ('0' + r.nextInt(10)));
            }
            String s = sb.toString();
            assertEquals(AUTH_CODE.matcher(s).matches(), AlipayBizRequest.TradePay.isAlipayPaymentCode(s), s);
            assertEquals(OUT_TRADE_NO.matcher(s).matches(), BizRequestChecks.isOutTradeNo(s), s);
        }
        for (String s : new String[] {"", "2512345678901234", "3012345678901234567890123", "301234567890123456789012",
            "2412345678901234", "3112345678901234", "T_1", "x".repeat(64), "x".repeat(65)}) {
            assertEquals(AUTH_CODE.matcher(s).matches(), AlipayBizRequest.TradePay.isAlipayPaymentCode(s), s);
            assertEquals(OUT_TRADE_NO.matcher(s).matches(), BizRequestChecks.isOutTradeNo(s), s);
        }
    }
}
