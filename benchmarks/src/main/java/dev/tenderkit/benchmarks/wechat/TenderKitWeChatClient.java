package dev.tenderkit.benchmarks.wechat;

import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.wechat.WeChatPayCredentials;
import dev.tenderkit.wechat.WeChatPayGateway;
import java.net.URI;
import java.security.Provider;
import java.time.Duration;
import java.util.Optional;

/**
 * TenderKit's side of the WeChat Pay whole-call and cold-start benchmarks: {@code WeChatPayGateway}
 * in public-key mode over {@code GatewayTransport}, with the JDK's provider or the one given, and the
 * two calls the official SDK's {@code NativePayService} is measured with: a native payment
 * ({@code precreate}) and a query by {@code out_trade_no}. Each throws unless the answer verified and
 * is the one expected.
 */
final class TenderKitWeChatClient {
    static final String CHANNEL = "wechat-direct";
    private static final TradeRef TRADE = new TradeRef(WeChatTrade.OUT_TRADE_NO, CHANNEL);
    private static final PrecreateRequest PRECREATE = new PrecreateRequest(TRADE, Money.ofFen(WeChatTrade.TOTAL_FEN),
            WeChatTrade.DESCRIPTION, PaymentMethods.WECHAT_PAY, Duration.ofMinutes(10), true);

    private final WeChatPayGateway gateway;

    /**
     * @param base where the loopback server listens
     * @param transport the HTTP transport
     * @param merchantPrivateKeyPem the merchant API key, PKCS#8 PEM
     * @param merchantSerial its certificate's serial, hex
     * @param wechatPublicKeyPem WeChat Pay's public key, PEM
     * @param publicKeyId its id
     * @param apiV3Key the APIv3 key
     * @param provider the JCA provider; empty for the JDK's
     */
    TenderKitWeChatClient(URI base, GatewayTransport transport, String merchantPrivateKeyPem, String merchantSerial,
            String wechatPublicKeyPem, String publicKeyId, String apiV3Key, Optional<Provider> provider) {
        WeChatPayCredentials.Builder c = WeChatPayCredentials.builder().mchid(WeChatTrade.MCHID)
                .appid(WeChatTrade.APPID).merchantPrivateKey(merchantPrivateKeyPem).merchantSerialNumber(merchantSerial)
                .apiV3Key(apiV3Key).wechatPayPublicKey(wechatPublicKeyPem, publicKeyId);
        provider.ifPresent(c::provider);
        gateway = WeChatPayGateway.builder().credentials(c.build()).transport(transport).baseUrl(base)
                .deviceId(WeChatTrade.DEVICE_ID).storeId(WeChatTrade.STORE_ID).notifyUrl(WeChatTrade.NOTIFY_URL)
                .build();
    }

    /** @return the gateway */
    WeChatPayGateway gateway() {
        return gateway;
    }

    /** @return one native payment's verified QR code; throws unless it is the code URL */
    PrecreateResult.Created precreate() {
        PrecreateResult r = gateway.precreate(PRECREATE);
        if (!(r instanceof PrecreateResult.Created c) || !c.qrCode().equals(WeChatTrade.CODE_URL)) {
            throw new IllegalStateException("TenderKit did not get the verified code URL: " + r);
        }
        return c;
    }

    /** @return one query's verified paid trade; throws unless paid */
    QueryResult.Paid query() {
        QueryResult r = gateway.query(TRADE);
        if (!(r instanceof QueryResult.Paid p) || !p.payment().gatewayTradeNo().equals(WeChatTrade.TRANSACTION_ID)) {
            throw new IllegalStateException("TenderKit did not get the verified paid trade: " + r);
        }
        return p;
    }

    /** @return the raw result of one native payment (for tests of refusal) */
    PrecreateResult precreateUnchecked() {
        return gateway.precreate(PRECREATE);
    }

    /** @return the raw result of one query (for tests of refusal) */
    QueryResult queryUnchecked() {
        return gateway.query(TRADE);
    }
}
