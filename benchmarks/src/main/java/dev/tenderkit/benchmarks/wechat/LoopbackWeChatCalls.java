package dev.tenderkit.benchmarks.wechat;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayResponse;
import dev.tenderkit.benchmarks.CryptoProvider;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.net.URI;

/**
 * What {@link WeChatCallBenchmark} measures, runnable on its own (and tested): one loopback WeChat Pay
 * ({@link WeChatAnswerServer}) on fresh keys, the official SDK's {@code NativePayService}
 * ({@link OfficialWeChatClient}) and TenderKit's {@code WeChatPayGateway} with the JDK's provider and
 * with Conscrypt ({@link TenderKitWeChatClient}), all pointed at it, all in public-key mode.
 */
final class LoopbackWeChatCalls implements AutoCloseable {
    private final WeChatAnswerServer server;
    private final OfficialWeChatClient official;
    private final TenderKitWeChatClient tenderKitJdk;
    private final TenderKitWeChatClient tenderKitConscrypt;

    private LoopbackWeChatCalls(SimulatedWeChatPayKeys keys, boolean tamper) {
        server = WeChatAnswerServer.start(keys.wechatKeyPair(), keys.publicKeyId(), tamper);
        URI base = server.baseUrl();
        official = new OfficialWeChatClient(base, keys.merchantPrivateKeyPem(), keys.merchantCertificateSerial(),
                keys.wechatPublicKeyPem(), keys.publicKeyId(), keys.apiV3Key());
        GatewayTransport transport = GatewayTransport.builder().build();
        tenderKitJdk = tenderKit(keys, base, transport, CryptoProvider.JDK);
        tenderKitConscrypt = tenderKit(keys, base, transport.newBuilder().build(), CryptoProvider.CONSCRYPT);
    }

    private static TenderKitWeChatClient tenderKit(SimulatedWeChatPayKeys keys, URI base, GatewayTransport transport,
            CryptoProvider provider) {
        return new TenderKitWeChatClient(base, transport, keys.merchantPrivateKeyPem(), keys.merchantCertificateSerial(),
                keys.wechatPublicKeyPem(), keys.publicKeyId(), keys.apiV3Key(), provider.provider());
    }

    /** @return the server and the three clients on new keys */
    static LoopbackWeChatCalls start() {
        return start(SimulatedWeChatPayKeys.generate(), false);
    }

    /**
     * @param keys the merchant's and WeChat Pay's keys
     * @param tamper whether the server changes one character of every answer after signing
     * @return the server and the three clients
     */
    static LoopbackWeChatCalls start(SimulatedWeChatPayKeys keys, boolean tamper) {
        return new LoopbackWeChatCalls(keys, tamper);
    }

    PrepayResponse officialPrepay() {
        return official.prepay();
    }

    Transaction officialQuery() {
        return official.query();
    }

    PrecreateResult.Created tenderKitJdkPrecreate() {
        return tenderKitJdk.precreate();
    }

    QueryResult.Paid tenderKitJdkQuery() {
        return tenderKitJdk.query();
    }

    PrecreateResult.Created tenderKitConscryptPrecreate() {
        return tenderKitConscrypt.precreate();
    }

    QueryResult.Paid tenderKitConscryptQuery() {
        return tenderKitConscrypt.query();
    }

    TenderKitWeChatClient tenderKitJdk() {
        return tenderKitJdk;
    }

    @Override
    public void close() {
        server.close();
    }
}
