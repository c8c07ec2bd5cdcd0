/**
 * A simulated WeChat Pay APIv3 for offline tests and the examples:
 * {@link dev.tenderkit.testkit.wechat.SimulatedWeChatPay}, a real HTTP server on loopback serving
 * codepay, order query, reverse, close, native, refunds, refund query and {@code /v3/certificates},
 * with its own JDK-only request verification, answer signing and AEAD_AES_256_GCM (written apart
 * from sdk-wechat's and sdk-core's); {@link dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys},
 * generated merchant and WeChat Pay key material (public-key mode and platform certificate);
 * {@link dev.tenderkit.testkit.wechat.BuyerScript}, {@link dev.tenderkit.testkit.wechat.RefundScript}
 * and {@link dev.tenderkit.testkit.wechat.Fault}, scripted buyers, refunds and injected faults;
 * {@link dev.tenderkit.testkit.wechat.WeChatLedger}, the ledger, written atomically to a file for a
 * test in another process; callbacks resent on a {@link dev.tenderkit.testkit.wechat.CallbackSchedule}
 * and recorded as {@link dev.tenderkit.testkit.wechat.CallbackDelivery}. Each endpoint is its own
 * class ({@code CodePay}, {@code OrderQuery}, ...) behind {@code GatewayDispatch}.
 */
package dev.tenderkit.testkit.wechat;
