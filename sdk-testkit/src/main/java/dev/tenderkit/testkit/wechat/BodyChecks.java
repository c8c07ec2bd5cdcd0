package dev.tenderkit.testkit.wechat;

import java.util.Map;
import java.util.Optional;

/** The field checks WeChat Pay makes on every request body, answering as WeChat does. */
final class BodyChecks {
    private BodyChecks() {
    }

    /** @return a refusal if a required text field is missing or blank */
    static Optional<Answer> required(Map<String, Object> body, String... fields) {
        for (String f : fields) {
            if (Json.text(body, f.split("\\.")).filter(v -> !v.isBlank()).isEmpty()) {
                return Optional.of(Answer.paramError(f, "此字段为必填项"));
            }
        }
        return Optional.empty();
    }

    /** @return a refusal unless {@code mchid} (and {@code appid} when {@code withAppid}) are the simulator's */
    static Optional<Answer> merchant(WalletState s, Map<String, Object> body, boolean withAppid) {
        Optional<Answer> missing = withAppid ? required(body, "appid", "mchid") : required(body, "mchid");
        if (missing.isPresent()) {
            return missing;
        }
        if (!s.mchid.equals(Json.text(body, "mchid").orElseThrow())) {
            return Optional.of(Answer.error(400, "MCH_NOT_EXISTS", "商户号不存在"));
        }
        if (withAppid && !s.appid.equals(Json.text(body, "appid").orElseThrow())) {
            return Optional.of(Answer.error(400, "APPID_MCHID_NOT_MATCH", "AppID和mch_id不匹配"));
        }
        return Optional.empty();
    }

    /** @return a refusal if {@code amount.<field>} is not a positive integer (fen) or the currency is not CNY */
    static Optional<Answer> amount(Map<String, Object> body, String field) {
        Optional<Long> v = Json.integer(body, "amount", field);
        if (v.isEmpty()) {
            return Optional.of(Answer.paramError("amount." + field, "此字段为必填项，须为整数（分）"));
        }
        if (v.get() < 1) {
            return Optional.of(Answer.paramError("amount." + field, "须大于0"));
        }
        Optional<String> currency = Json.text(body, "amount", "currency");
        if (currency.isPresent() && !"CNY".equals(currency.get())) {
            return Optional.of(Answer.paramError("amount.currency", "仅支持CNY"));
        }
        return Optional.empty();
    }

    /** @return a refusal if {@code out_trade_no} is longer than 32 or has other characters than WeChat allows */
    static Optional<Answer> outTradeNo(String no) {
        if (no.length() > 32 || !no.matches("[0-9A-Za-z_\\-|*]+")) {
            return Optional.of(Answer.paramError("out_trade_no", "只能是数字、大小写字母_-|*，且长度不超过32"));
        }
        return Optional.empty();
    }
}
