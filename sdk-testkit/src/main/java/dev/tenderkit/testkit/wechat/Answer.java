package dev.tenderkit.testkit.wechat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an endpoint answers: the HTTP status, the JSON body (none for 204), and whether the ledger
 * changed (then the ledger file is written before the answer leaves).
 */
record Answer(int status, Optional<Map<String, Object>> body, boolean changed) {

    static Answer ok(Map<String, Object> body, boolean changed) {
        return new Answer(200, Optional.of(body), changed);
    }

    static Answer status(int status, Map<String, Object> body, boolean changed) {
        return new Answer(status, Optional.of(body), changed);
    }

    static Answer noContent(boolean changed) {
        return new Answer(204, Optional.empty(), changed);
    }

    /** A WeChat error answer {@code {"code","message"}}, nothing changed. */
    static Answer error(int status, String code, String message) {
        return new Answer(status, Optional.of(errorBody(code, message)), false);
    }

    /** The same, after the ledger changed (e.g. NOT_ENOUGH leaves a PAYERROR order behind). */
    static Answer errorAfterChange(int status, String code, String message) {
        return new Answer(status, Optional.of(errorBody(code, message)), true);
    }

    /** A 400 PARAM_ERROR naming the field, with WeChat's {@code detail}. */
    static Answer paramError(String field, String issue) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("field", "/" + field.replace('.', '/'));
        detail.put("location", "body");
        detail.put("issue", issue);
        Map<String, Object> body = errorBody("PARAM_ERROR", "参数错误: " + field + " " + issue);
        body.put("detail", detail);
        return new Answer(400, Optional.of(body), false);
    }

    static Map<String, Object> errorBody(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        return m;
    }
}
