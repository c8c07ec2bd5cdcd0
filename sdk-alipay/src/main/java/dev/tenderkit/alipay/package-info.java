/**
 * Alipay OpenAPI v2 ({@code gateway.do}) for TenderKit: keys and certificate serial numbers
 * ({@link dev.tenderkit.alipay.AlipayKeys}, {@link dev.tenderkit.alipay.AlipayCertSn}, in Alipay's
 * words over core's {@link dev.tenderkit.core.crypto} package), the
 * credentials a merchant configures once ({@link dev.tenderkit.alipay.AlipayCredentials}),
 * signing and verification exactly as Alipay specifies ({@link dev.tenderkit.alipay.AlipaySigner},
 * {@link dev.tenderkit.alipay.AlipayVerifier}), request building
 * ({@link dev.tenderkit.alipay.AlipayRequestFactory}, {@link dev.tenderkit.alipay.AlipayBizRequest}),
 * response parsing and code mapping ({@link dev.tenderkit.alipay.AlipayReply},
 * {@link dev.tenderkit.alipay.AlipayCodes}) and asynchronous notifications
 * ({@link dev.tenderkit.alipay.AlipayNotification}, received at the integrator's notify endpoint by
 * {@link dev.tenderkit.alipay.AlipayNotificationHandler}).
 *
 * <p>{@link dev.tenderkit.alipay.AlipayGateway} is the {@code PaymentGateway}: a signed request sent
 * through {@code sdk-transport-http}, answered only from a verified response. {@link dev.tenderkit.alipay.AlipayCapabilityRule}
 * contributes Alipay's own limits through the capability SPI. SM2 runs on BouncyCastle when it is on the class path. Not here yet: certificate rotation.
 */
package dev.tenderkit.alipay;
