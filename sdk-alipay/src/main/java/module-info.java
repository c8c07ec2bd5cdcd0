/**
 * The Alipay OpenAPI v2 adapter: credentials and keys, the {@code PaymentGateway}, asynchronous
 * notifications and Alipay's capability rule. Its one package is exported; signing, verification,
 * request building and reply parsing are package-private in it.
 *
 * <p>BouncyCastle is optional ({@code requires static}): SM2 works when {@code org.bouncycastle.provider}
 * is in the module graph (required by the application or added with {@code --add-modules}); RSA2
 * needs nothing. {@link dev.tenderkit.alipay.AlipayCapabilityRule} is provided to core's resolver
 * through {@link java.util.ServiceLoader}, as the {@code META-INF/services} entry does on the class path.
 */
module dev.tenderkit.alipay {
    requires transitive dev.tenderkit.core;
    requires transitive dev.tenderkit.transport.http;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    requires static org.bouncycastle.provider;

    exports dev.tenderkit.alipay;

    provides dev.tenderkit.core.capability.CapabilityRule with dev.tenderkit.alipay.AlipayCapabilityRule;
}
