/**
 * The WeChat Pay APIv3 adapter: credentials, the {@code PaymentGateway}, callbacks and WeChat Pay's
 * capability rule. Its one package is exported; signing, verification and parsing are
 * package-private in it. {@link dev.tenderkit.wechat.WeChatPayCapabilityRule} is provided to core's
 * resolver through {@link java.util.ServiceLoader}, as the {@code META-INF/services} entry does on
 * the class path.
 *
 * <p>BouncyCastle is optional ({@code requires static}): the SM2 scheme works when
 * {@code org.bouncycastle.provider} is in the module graph (required by the application or added with
 * {@code --add-modules}); RSA needs nothing.
 */
module dev.tenderkit.wechat {
    requires transitive dev.tenderkit.core;
    requires transitive dev.tenderkit.transport.http;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    requires static org.bouncycastle.provider;

    exports dev.tenderkit.wechat;

    provides dev.tenderkit.core.capability.CapabilityRule with dev.tenderkit.wechat.WeChatPayCapabilityRule;
}
