package dev.tenderkit.examples.quickstart;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's quick start, runnable: a merchant with one direct Alipay account, no policy file,
 * one barcode payment. It runs against {@link SimulatedAlipay} on loopback; against Alipay, drop the
 * {@code gatewayUrl} line (production is the default) and use the merchant's own keys.
 */
public final class QuickStartExample {
    private QuickStartExample() {
    }

    /** @param args ignored */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("tenderkit-quickstart");
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        try (SimulatedAlipay simulator = SimulatedAlipay.builder(keys).appId("2021000000000001").start()) {
            TradeOutcome outcome = run(dir, simulator.gatewayUrl(), keys.appPrivateKeyPem(), keys.alipayPublicKeyPem());
            System.out.println(outcome.getClass().getSimpleName() + " "
                    + outcome.record().map(t -> t.outTradeNo() + " " + t.state()).orElse(outcome.toString()));
        }
    }

    /** The quick start itself: everything between the two marker comments is what the README shows. */
    static TradeOutcome run(Path dir, URI gatewayUrl, String appPrivateKeyPem, String alipayPublicKeyPem) {
        // quick start: begin
        AlipayGateway alipay = AlipayGateway.builder()
                .credentials(AlipayCredentials.builder().appId("2021000000000001")
                        .appPrivateKey(appPrivateKeyPem).alipayPublicKey(alipayPublicKeyPem).build())
                .transport(GatewayTransport.builder().build())   // one OkHttp client, timeouts, safe retries
                .gatewayUrl(gatewayUrl)                          // leave out for Alipay's production gateway
                .build();
        try (ExecutorTaskScheduler time = ExecutorTaskScheduler.create();
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"),
                        time.clock())) {
            PaymentEngine engine = PaymentEngine.builder().terminalId("T0001").scheduler(time).store(journal)
                    .directAccount(Wallet.ALIPAY, "2088000000000001", alipay).build();
            engine.recover().join();                          // at start-up: settle what a crash left
            return engine.pay(BarcodePaymentRequest.of("ORDER-1", Money.parse("12.50"), "281234567890123456",
                    "咖啡 coffee"));                           // the code the buyer showed, scanned
        }
        // quick start: end
    }
}
