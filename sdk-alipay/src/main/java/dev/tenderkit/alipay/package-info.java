/**
 * Alipay OpenAPI v2 ({@code gateway.do}) for TenderKit: keys and certificate serial numbers
 * ({@link dev.tenderkit.alipay.AlipayKeys}, {@link dev.tenderkit.alipay.AlipayCertSn}), the
 * credentials a merchant configures once ({@link dev.tenderkit.alipay.AlipayCredentials}),
 * signing and verification exactly as Alipay specifies ({@link dev.tenderkit.alipay.AlipaySigner},
 * {@link dev.tenderkit.alipay.AlipayVerifier}), request building
 * ({@link dev.tenderkit.alipay.AlipayRequestFactory}, {@link dev.tenderkit.alipay.AlipayBizRequest}),
 * response parsing and code mapping ({@link dev.tenderkit.alipay.AlipayReply},
 * {@link dev.tenderkit.alipay.AlipayCodes}) and asynchronous notifications
 * ({@link dev.tenderkit.alipay.AlipayNotification}).
 *
 * <p>Not here yet: the {@code PaymentGateway} adapter that sends these requests over HTTP. It
 * needs {@code sdk-transport-http}, which is being written in parallel; everything it needs from
 * this package (a signed request, a verified and mapped answer) is here and tested.
 */
package dev.tenderkit.alipay;
