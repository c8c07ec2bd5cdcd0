/**
 * A simulated Alipay OpenAPI gateway for offline tests and the examples:
 * {@link dev.tenderkit.testkit.alipay.SimulatedAlipay}, a real HTTP server on loopback serving
 * {@code POST /gateway.do} with its own, independently written RSA2 request verification and
 * response signing; {@link dev.tenderkit.testkit.alipay.SimulatedAlipayKeys}, generated key pairs
 * (no real keys); {@link dev.tenderkit.testkit.alipay.BuyerScript} and
 * {@link dev.tenderkit.testkit.alipay.Fault}, scripted buyers and injected faults; and
 * {@link dev.tenderkit.testkit.alipay.AlipayLedger}, the trade ledger, which can be written
 * atomically to a file and read back from another process;
 * {@link dev.tenderkit.testkit.alipay.SimulatedAlipayCertificates}, certificate mode with certificates
 * minted by the JDK; asynchronous notifications posted to {@code notify_url} and resent on a
 * {@link dev.tenderkit.testkit.alipay.NotificationSchedule}, each delivery recorded as a
 * {@link dev.tenderkit.testkit.alipay.NotificationDelivery}; trade bills served from the wallet's movements
 * ({@link dev.tenderkit.testkit.alipay.SimulatedAlipayBills}, with scripted divergences) and rendered by
 * {@link dev.tenderkit.testkit.alipay.AlipayBillWriter} from {@link dev.tenderkit.testkit.alipay.AlipayBillRow}s. Each gateway method is its own class
 * ({@code TradePay}, {@code TradeQuery}, ...), behind {@code GatewayDispatch} (HTTP),
 * {@code RequestCheck} and {@code ResponseRenderer}. The module README lists what is implemented
 * and how it differs from the real Alipay.
 */
package dev.tenderkit.testkit.alipay;
