/**
 * Alipay OpenAPI v2 ({@code gateway.do}) for TenderKit. The public API is what an integrator
 * configures and receives: the credentials a merchant configures once
 * ({@link dev.tenderkit.alipay.AlipayCredentials}, {@link dev.tenderkit.alipay.SignType}), key and
 * certificate parsing in Alipay's words over core's {@link dev.tenderkit.core.crypto} package
 * ({@link dev.tenderkit.alipay.AlipayKeys}, {@link dev.tenderkit.alipay.AlipayCertSn}), the
 * {@code PaymentGateway} ({@link dev.tenderkit.alipay.AlipayGateway}: a signed request sent through
 * {@code sdk-transport-http}, answered only from a verified response bound to its request),
 * asynchronous notifications received at the integrator's notify endpoint
 * ({@link dev.tenderkit.alipay.AlipayNotificationHandler}, {@link dev.tenderkit.alipay.AlipayNotification},
 * {@link dev.tenderkit.alipay.NotificationAnswer}, {@link dev.tenderkit.alipay.AlipayNotificationListener}),
 * Alipay's own limits through the capability SPI ({@link dev.tenderkit.alipay.AlipayCapabilityRule}), and the
 * daily trade bill as core's {@code BillSource} ({@link dev.tenderkit.alipay.AlipayBills}: the link query,
 * the download, the zip and its GBK detail file read by {@code AlipayBillReader}).
 *
 * <p>Everything else is package-private: signing and verification exactly as Alipay specifies
 * ({@code AlipaySigner}, {@code AlipayVerifier}), request building ({@code AlipayRequestFactory},
 * {@code AlipayBizRequest}), response parsing and code mapping ({@code AlipayReply},
 * {@code AlipayCodes}), and the binding of an answer to its request ({@code AnswerBinding}). SM2
 * runs on BouncyCastle when it is present. Not here yet: certificate rotation.
 */
package dev.tenderkit.alipay;
