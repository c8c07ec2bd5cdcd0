package dev.tenderkit.benchmarks.alipay;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One whole process, JVM start to the first verified payment: reads the keys (PEM) and the URL
 * that {@link ColdStartGateway} wrote, builds an {@code AlipayGateway} with the JDK's provider,
 * pays once, checks the verified success, and exits. Measured against {@link ColdStartOfficialSdk}
 * by benchmarks/cold-start/run, each on its own minimal class path.
 */
public final class ColdStartTenderKit {

    private ColdStartTenderKit() {
    }

    /**
     * @param args the directory {@link ColdStartGateway} wrote
     * @throws IOException when the files cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        AlipayCredentials credentials = AlipayCredentials.builder().appId(LoopbackPayCall.APP_ID)
                .appPrivateKey(read(dir.resolve("app-private.pem"))).alipayPublicKey(read(dir.resolve("alipay-public.pem")))
                .build();
        AlipayGateway gateway = AlipayGateway.builder().credentials(credentials)
                .transport(GatewayTransport.builder().build()).gatewayUrl(URI.create(read(dir.resolve("url")))).build();
        PayResult r = gateway.pay(new PayRequest(new TradeRef(PaySuccess.OUT_TRADE_NO, "alipay-direct"),
                Money.parse(LoopbackPayCall.AMOUNT), PaymentCodeClassifier.standard().classify(PaySuccess.AUTH_CODE),
                LoopbackPayCall.SUBJECT, PaymentMethods.ALIPAY, Optional.empty(), true));
        if (!(r instanceof PayResult.Paid p) || !PaySuccess.TRADE_NO.equals(p.payment().gatewayTradeNo())) {
            System.err.println("not the verified success: " + r);
            System.exit(1);
        }
        System.exit(0); // both programs end the same way, whatever threads their HTTP clients left
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
