/**
 * The WeChat Pay APIv3 adapter: {@link dev.tenderkit.wechat.WeChatPayCredentials} (keys parsed and
 * checked once), {@link dev.tenderkit.wechat.WeChatPayGateway} (the {@code PaymentGateway}: barcode
 * payments, query, reverse, close, native QR, refunds), the callback handler and WeChat Pay's
 * capability rule. Request signing, answer verification, platform-certificate download and the code
 * table are package-private here: every answer is verified before it is believed, whatever its HTTP
 * status.
 */
package dev.tenderkit.wechat;
