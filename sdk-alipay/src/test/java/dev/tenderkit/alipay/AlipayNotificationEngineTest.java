package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.QrTicket;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification as a prompt to the engine: a QR trade whose next poll is 30 s away is settled as
 * soon as Alipay's verified notification reaches the integrator's endpoint, because the listener
 * asks the engine to query it now ({@link PaymentEngine#checkNow}); the engine's own verified query,
 * not the notification, decides the outcome.
 */
class AlipayNotificationEngineTest {
    private static final String SELLER = "2088000000000777";

    @Test
    void aPaidNotificationMakesTheEngineQueryTheQrTradeNowInsteadOfAtItsNextPoll(@TempDir Path dir) throws Exception {
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        Clock clock = Clock.systemUTC();
        AtomicReference<AlipayNotificationHandler> handler = new AtomicReference<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/alipay/notify", ex -> {
            try (ex) {
                String body = handler.get().handle(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                        .body();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        receiver.start();
        try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).appId("2021000000000001").sellerId(SELLER).start();
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("notify-engine-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            AlipayCredentials credentials = AlipayCredentials.builder().appId(alipay.appId())
                    .appPrivateKey(keys.appPrivateKeyPem()).alipayPublicKey(keys.alipayPublicKeyPem()).build();
            AlipayGateway gateway = AlipayGateway.builder().credentials(credentials).gatewayUrl(alipay.gatewayUrl())
                    .notifyUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/alipay/notify")
                    .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(2))
                            .callTimeout(Duration.ofSeconds(5)).build())
                    // Polls 30 s apart: without the prompt the trade could not be settled within this test's wait.
                    .timing(new GatewayTiming(Duration.ofSeconds(30), Duration.ofSeconds(30), 1.0, Duration.ofSeconds(30),
                            Duration.ofMinutes(5), Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 5))
                    .build();
            CapabilityPolicy policy = CapabilityPolicy.builder().version("t").issuedAt(clock.instant())
                    .maxAge(Duration.ofDays(1)).channel(new ChannelProfile("alipay-direct",
                            LocalizedText.of("支付宝直连", "Alipay direct"), LicenceKind.WALLET_DIRECT,
                            List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false))))
                    .build();
            CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN",
                    SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                    new MerchantProfile("M", "M", "5411", List.of("alipay-direct"), List.of()));
            PaymentEngine engine = PaymentEngine.builder().terminalId("T1")
                    .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                    .context(() -> context).store(journal).gateway("alipay-direct", gateway).scheduler(scheduler)
                    .build();
            handler.set(AlipayNotificationHandler.builder().credentials(credentials).sellerId(SELLER)
                    .orders(no -> engine.trade(no).map(TradeRecord::amount))
                    .listener(new AlipayNotificationListener() {
                        @Override
                        public void onPaid(AlipayNotification n) {
                            engine.checkNow(n.outTradeNo().orElseThrow());
                        }
                    }).build());

            QrTicket qr = engine.startQr(new QrPaymentRequest("ORD-QR-1", Money.parse("25.00"), "面包",
                    PaymentMethods.ALIPAY, Duration.ofMinutes(5), Optional.empty()));
            String code = qr.qrCode().get(10, TimeUnit.SECONDS);
            assertTrue(code.startsWith("https://qr.alipay.com/"), code);
            assertTrue(alipay.buyerScansQr(qr.outTradeNo().orElseThrow(), false));

            TradeOutcome outcome = qr.outcome().get(15, TimeUnit.SECONDS);
            TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, outcome);
            assertEquals(Money.parse("25.00"), paid.payment().amount());
            assertEquals(1, alipay.received().stream().filter(r -> r.method().equals("alipay.trade.query")).count(),
                    "one query, made at the notification's prompt");
        } finally {
            receiver.stop(0);
        }
    }
}
