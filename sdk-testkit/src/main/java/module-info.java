/**
 * Simulated wallets for testing offline: the in-memory wallet and the simulated Alipay (a real HTTP
 * server on loopback, with its own signing written apart from sdk-alipay's, which it does not
 * require). Both packages are exported.
 */
module dev.tenderkit.testkit {
    requires transitive dev.tenderkit.core;
    requires com.fasterxml.jackson.core;
    requires java.net.http;
    requires jdk.httpserver;

    exports dev.tenderkit.testkit;
    exports dev.tenderkit.testkit.alipay;
}
