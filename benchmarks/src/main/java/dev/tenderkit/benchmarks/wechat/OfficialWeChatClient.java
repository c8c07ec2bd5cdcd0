package dev.tenderkit.benchmarks.wechat;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayResponse;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.nativepay.model.SceneInfo;
import com.wechat.pay.java.service.payments.nativepay.model.StoreInfo;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The official WeChat Pay SDK ({@code com.github.wechatpay-apiv3:wechatpay-java}) as a merchant
 * uses it: {@code RSAPublicKeyConfig} (public-key mode, so it verifies every answer with WeChat Pay's
 * public key), its default HTTP client (OkHttp, {@code DefaultHttpClientBuilder}) and
 * {@code NativePayService}. Its services call {@code https://api.mch.weixin.qq.com} and nothing
 * else; one OkHttp interceptor sends them to the loopback server instead, over plain HTTP as
 * TenderKit's calls go (a URL rewrite, a few microseconds). Each call throws unless the answer
 * verified and is the one expected, so an error path is never measured.
 */
final class OfficialWeChatClient {
    private final NativePayService service;

    /**
     * @param base where the loopback server listens ({@code http://127.0.0.1:port})
     * @param merchantPrivateKeyPem the merchant API key, PKCS#8 PEM
     * @param merchantSerial its certificate's serial, hex
     * @param wechatPublicKeyPem WeChat Pay's public key, PEM
     * @param publicKeyId its id
     * @param apiV3Key the APIv3 key
     */
    OfficialWeChatClient(URI base, String merchantPrivateKeyPem, String merchantSerial, String wechatPublicKeyPem,
            String publicKeyId, String apiV3Key) {
        Config config = new RSAPublicKeyConfig.Builder().merchantId(WeChatTrade.MCHID).privateKey(merchantPrivateKeyPem)
                .merchantSerialNumber(merchantSerial).publicKey(wechatPublicKeyPem).publicKeyId(publicKeyId)
                .apiV3Key(apiV3Key).build();
        HttpUrl loopback = HttpUrl.get(base.toString());
        OkHttpClient toLoopback = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request()
                .newBuilder().url(chain.request().url().newBuilder().scheme(loopback.scheme()).host(loopback.host())
                        .port(loopback.port()).build()).build())).build();
        service = new NativePayService.Builder().httpClient(new DefaultHttpClientBuilder().config(config)
                .okHttpClient(toLoopback).build()).build();
    }

    /** @return {@code NativePayService.prepay}'s answer, verified by the SDK; throws unless it is the code URL */
    PrepayResponse prepay() {
        PrepayRequest request = new PrepayRequest();
        request.setAppid(WeChatTrade.APPID);
        request.setMchid(WeChatTrade.MCHID);
        request.setDescription(WeChatTrade.DESCRIPTION);
        request.setOutTradeNo(WeChatTrade.OUT_TRADE_NO);
        request.setTimeExpire(WeChatTrade.TIME_EXPIRE);
        request.setNotifyUrl(WeChatTrade.NOTIFY_URL);
        Amount amount = new Amount();
        amount.setTotal(WeChatTrade.TOTAL_FEN);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        SceneInfo scene = new SceneInfo();
        scene.setDeviceId(WeChatTrade.DEVICE_ID);
        StoreInfo store = new StoreInfo();
        store.setId(WeChatTrade.STORE_ID);
        scene.setStoreInfo(store);
        request.setSceneInfo(scene);
        PrepayResponse response = service.prepay(request);
        if (!WeChatTrade.CODE_URL.equals(response.getCodeUrl())) {
            throw new IllegalStateException("the official SDK did not get the code URL: " + response);
        }
        return response;
    }

    /** @return {@code NativePayService.queryOrderByOutTradeNo}'s answer, verified; throws unless paid */
    Transaction query() {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(WeChatTrade.MCHID);
        request.setOutTradeNo(WeChatTrade.OUT_TRADE_NO);
        Transaction t = service.queryOrderByOutTradeNo(request);
        if (t.getTradeState() != Transaction.TradeStateEnum.SUCCESS
                || !WeChatTrade.TRANSACTION_ID.equals(t.getTransactionId())
                || t.getAmount().getTotal() != WeChatTrade.TOTAL_FEN) {
            throw new IllegalStateException("the official SDK did not get the paid trade: " + t);
        }
        return t;
    }
}
