package dev.tenderkit.testkit.alipay;

import java.util.Map;

/**
 * One OpenAPI method of the simulated wallet ({@code alipay.trade.pay}, ...). Runs under the
 * wallet's lock, after the request's signature verified.
 */
interface GatewayMethod {
    /**
     * @param biz the request's {@code biz_content}, parsed
     * @param params every request parameter (for {@code notify_url})
     * @return the response node and whether the ledger changed
     */
    Answer apply(Map<String, Object> biz, Map<String, String> params);
}
