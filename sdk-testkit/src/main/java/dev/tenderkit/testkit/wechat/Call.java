package dev.tenderkit.testkit.wechat;

import java.util.Map;

/**
 * One authenticated request as an endpoint sees it.
 *
 * @param pathId the identifier in the path (out_trade_no, transaction_id or out_refund_no), decoded; empty if none
 * @param query the query parameters, decoded
 * @param body the JSON body (empty for GET)
 */
record Call(String pathId, Map<String, String> query, Map<String, Object> body) {
}
