package dev.tenderkit.benchmarks.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.response.AlipayTradePayResponse;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The same as {@link ColdStartTenderKit} with the official Alipay SDK: {@code DefaultAlipayClient}
 * (RSA2, public-key mode, its logger off as in the other benchmarks), one {@code alipay.trade.pay},
 * the success checked, exit. Run on the official SDK's own class path (its jar and what its POM
 * declares), not on the benchmarks' shaded jar.
 */
public final class ColdStartOfficialSdk {

    private ColdStartOfficialSdk() {
    }

    /**
     * @param args the directory {@link ColdStartGateway} wrote
     * @throws IOException when the files cannot be read
     * @throws AlipayApiException as the official client throws, e.g. on a bad signature
     */
    public static void main(String[] args) throws IOException, AlipayApiException {
        Path dir = Path.of(args[0]);
        AlipayLogger.setNeedEnableLogger(false);
        DefaultAlipayClient client = new DefaultAlipayClient(ColdStartTenderKit.read(dir.resolve("url")),
                LoopbackPayCall.APP_ID, ColdStartTenderKit.read(dir.resolve("app-private.b64")), "json", "utf-8",
                ColdStartTenderKit.read(dir.resolve("alipay-public.b64")), "RSA2");
        AlipayTradePayModel model = new AlipayTradePayModel();
        model.setOutTradeNo(PaySuccess.OUT_TRADE_NO);
        model.setScene("bar_code");
        model.setAuthCode(PaySuccess.AUTH_CODE);
        model.setSubject(LoopbackPayCall.SUBJECT);
        model.setTotalAmount(LoopbackPayCall.AMOUNT);
        AlipayTradePayRequest request = new AlipayTradePayRequest();
        request.setBizModel(model);
        AlipayTradePayResponse response = client.execute(request);
        if (!response.isSuccess() || !PaySuccess.TRADE_NO.equals(response.getTradeNo())) {
            System.err.println("not the success: " + response.getBody());
            System.exit(1);
        }
        System.exit(0);
    }
}
