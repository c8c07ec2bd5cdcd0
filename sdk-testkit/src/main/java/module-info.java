/**
 * Simulated wallets for testing offline: the in-memory wallet, the simulated Alipay and the simulated
 * WeChat Pay (real HTTP servers on loopback, each with its own signing written apart from the
 * adapter's, which it does not require). All three packages are exported. BouncyCastle is optional
 * ({@code requires static}), for the simulated WeChat Pay's SM2 mode only.
 */
module dev.tenderkit.testkit {
    requires transitive dev.tenderkit.core;
    requires com.fasterxml.jackson.core;
    requires java.net.http;
    requires jdk.httpserver;
    requires static org.bouncycastle.provider;

    exports dev.tenderkit.testkit;
    exports dev.tenderkit.testkit.alipay;
    exports dev.tenderkit.testkit.reconcile;
    exports dev.tenderkit.testkit.wechat;
}
