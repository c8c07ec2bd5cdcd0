package dev.tenderkit.testkit.wechat;

import java.util.Map;

/**
 * Something WeChat Pay calls the merchant back about: an order paid or a refund settled.
 *
 * @param eventType e.g. {@code TRANSACTION.SUCCESS}, {@code REFUND.SUCCESS}
 * @param originalType {@code transaction} or {@code refund}: the resource's original_type and associated_data
 * @param summary WeChat's Chinese summary
 * @param url the notify_url the order or refund carried
 * @param outTradeNo the order
 * @param resource the plaintext resource, encrypted before it is posted
 */
record WalletEvent(String eventType, String originalType, String summary, String url, String outTradeNo,
        Map<String, Object> resource) {
}
