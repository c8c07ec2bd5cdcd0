package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks the {@code biz_content} fields several methods share: numbers, amounts, installments. */
final class BizFields {
    static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,8})(\\.[0-9]{1,2})?");
    private static final Pattern TIMEOUT = Pattern.compile("([1-9][0-9]{0,5})([mhd])");
    private static final Money MAX_AMOUNT = Money.ofYuan(100_000_000L);

    private BizFields() {
    }

    /** @return the field as text, empty when absent */
    static String str(Map<String, Object> biz, String key) {
        Object v = biz.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    /** @return whether {@code out_trade_no} is 1-64 letters, digits or underscores */
    static boolean validOutTradeNo(String outTradeNo) {
        return OUT_TRADE_NO.matcher(outTradeNo).matches();
    }

    /** @return the refusal of a malformed {@code out_trade_no} */
    static Answer badOutTradeNo() {
        return Answers.refused("ACQ.INVALID_PARAMETER", "out_trade_no: 1-64 letters, digits or underscores");
    }

    /** @return the amount in {@code field} as {@link Money}, or the {@link Answer} refusing it */
    static Object amount(Map<String, Object> biz, String field) {
        String text = str(biz, field);
        if (!AMOUNT.matcher(text).matches()) {
            return new Answer(Answers.error("40002", "Invalid Arguments", "isv.invalid-parameter",
                    field + " must be yuan with at most 2 decimals, was '" + text + "'"), false);
        }
        Money m = Money.parse(text.contains(".") ? text : text + ".00");
        if (!m.isPositive() || m.isGreaterThan(MAX_AMOUNT)) {
            return Answers.refused("ACQ.TOTAL_FEE_EXCEED", field + " must be within [0.01, 100000000]");
        }
        return m;
    }

    /**
     * Whether the request disabled consumer credit: {@code disable_pay_channels} lists
     * {@code pcredit} (Huabei), as a merchant does when its policy restricts credit.
     */
    /**
     * {@code timeout_express}: whole minutes, hours or days ({@code 90m}, {@code 2h}, {@code 15d}),
     * from 1 minute to 15 days, no decimals (alipay.md §4); {@code 1c} (closes at midnight) is not
     * simulated and is refused.
     *
     * @return the duration, {@code null} if absent, or a refusal
     */
    static Object timeoutExpress(Map<String, Object> biz, String field) {
        String v = str(biz, field);
        if (v.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher m = TIMEOUT.matcher(v);
        if (!m.matches()) {
            return Answers.refused("ACQ.INVALID_PARAMETER", field + " must be like 90m, 2h or 15d, was '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        java.time.Duration d = switch (m.group(2)) {
            case "m" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofDays(n);
        };
        if (d.compareTo(java.time.Duration.ofMinutes(1)) < 0 || d.compareTo(java.time.Duration.ofDays(15)) > 0) {
            return Answers.refused("ACQ.INVALID_PARAMETER", field + " must be from 1m to 15d, was '" + v + "'");
        }
        return d;
    }

    static boolean creditDisabled(Map<String, Object> biz) {
        Object disabled = biz.get("disable_pay_channels");
        if (disabled == null) {
            return false;
        }
        for (String channel : String.valueOf(disabled).split(",")) {
            if (channel.strip().equals("pcredit")) {
                return true;
            }
        }
        return false;
    }

    /** @return the installment count (0 when none) or the {@link Answer} refusing it */
    static Object installments(Map<String, Object> biz, boolean huabeiSigned) {
        Object ext = biz.get("extend_params");
        if (!(ext instanceof Map<?, ?> extend) || extend.get("hb_fq_num") == null) {
            return 0;
        }
        String num = String.valueOf(extend.get("hb_fq_num"));
        if (!List.of("3", "6", "12").contains(num)) {
            return Answers.refused("ACQ.INVALID_PARAMETER", "hb_fq_num must be 3, 6 or 12, was '" + num + "'");
        }
        Object percent = extend.get("hb_fq_seller_percent");
        if (percent != null && !List.of("0", "100").contains(String.valueOf(percent))) {
            return Answers.refused("ACQ.INVALID_PARAMETER", "hb_fq_seller_percent must be 0 or 100, was '" + percent + "'");
        }
        if (!huabeiSigned) {
            return Answers.refused("ACQ.ACCESS_FORBIDDEN", "无权限使用接口: 花呗分期未签约");
        }
        if (creditDisabled(biz)) {
            return Answers.refused("ACQ.INVALID_PARAMETER", "hb_fq_num with pcredit in disable_pay_channels");
        }
        return Integer.parseInt(num);
    }
}
