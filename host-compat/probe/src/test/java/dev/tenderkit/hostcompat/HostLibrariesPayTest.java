package dev.tenderkit.hostcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.ConfigurationException;
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
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What a consumer project's class path does to TenderKit: which OkHttp, jackson-core and slf4j
 * binding Maven put there (printed, and checked against what the consumer's POM says to expect),
 * whether each library is there once, and whether a payment through the engine against the
 * simulated Alipay is paid. Run by every module under host-compat through surefire's
 * dependenciesToScan; the expectations come as system properties from the module's POM.
 */
class HostLibrariesPayTest {

    @TempDir
    Path dir;

    @Test
    void theClassPathHoldsTheLibrariesTheConsumerExpects() throws IOException {
        System.out.println("[host-compat] okhttp " + okHttpVersion() + " from " + copies("okhttp3/OkHttpClient.class")
                + "; jackson-core " + com.fasterxml.jackson.core.json.PackageVersion.VERSION + "; slf4j logger factory "
                + LoggerFactory.getILoggerFactory().getClass().getName());
        expect("expect.okhttp", okHttpVersion());
        expect("expect.jackson", com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        expect("expect.loggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
        assertEquals(1, copies("com/fasterxml/jackson/core/JsonFactory.class").size(), "one jackson-core");
        assertEquals(1, copies("org/slf4j/LoggerFactory.class").size(), "one slf4j-api");
        if (!"okhttp".equals(System.getProperty("expect.clash", ""))) {
            assertEquals(1, copies("okhttp3/OkHttpClient.class").size(), "one OkHttp");
        }
    }

    @Test
    void aPaymentAgainstTheSimulatedAlipayIsPaid() {
        assumeFalse("okhttp".equals(System.getProperty("expect.clash", "")), "two OkHttp jars: TenderKit refuses to start");
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        try (SimulatedAlipay simulator = SimulatedAlipay.builder(keys).appId("2021000000000001").start();
                ExecutorTaskScheduler time = ExecutorTaskScheduler.create();
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), time.clock())) {
            AlipayGateway alipay = AlipayGateway.builder()
                    .credentials(AlipayCredentials.builder().appId("2021000000000001")
                            .appPrivateKey(keys.appPrivateKeyPem()).alipayPublicKey(keys.alipayPublicKeyPem()).build())
                    .transport(GatewayTransport.builder().build()).gatewayUrl(simulator.gatewayUrl()).build();
            PaymentEngine engine = PaymentEngine.builder().terminalId("T0001").scheduler(time).store(journal)
                    .directAccount(Wallet.ALIPAY, "2088000000000001", alipay).build();
            engine.recover().join();

            TradeOutcome outcome = engine.pay(BarcodePaymentRequest.of("ORDER-1", Money.parse("12.50"), "281234567890123456",
                    "咖啡 coffee"));

            TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, outcome, outcome.toString());
            assertEquals(Money.parse("12.50"), paid.payment().amount());
            assertEquals(Money.parse("12.50"), simulator.ledger().totalCharged(), "charged once");
            assertTrue(simulator.ledger().trade(paid.trade().outTradeNo()).isPresent());
        }
    }

    @Test
    void twoOkHttpJarsAreRefusedWithTheFix() {
        assumeTrue("okhttp".equals(System.getProperty("expect.clash", "")), "only where the consumer put two OkHttps");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> GatewayTransport.builder().build());
        assertEquals("okhttp", e.setting());
        assertTrue(e.getMessage().contains("<exclusion>") && e.getMessage().contains("okhttp-jvm"), e.getMessage());
    }

    private static void expect(String property, String actual) {
        String expected = System.getProperty(property, "");
        if (!expected.isEmpty()) {
            assertEquals(expected, actual, property);
        }
    }

    private static List<URL> copies(String resource) throws IOException {
        return new ArrayList<>(Collections.list(HostLibrariesPayTest.class.getClassLoader().getResources(resource)));
    }

    /** @return the OkHttp version, read as OkHttp 3 (okhttp3.internal.Version) or 4 and 5 (okhttp3.OkHttp) state it */
    private static String okHttpVersion() {
        try {
            return (String) Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
        } catch (ReflectiveOperationException notFourOrLater) {
            try {
                return ((String) Class.forName("okhttp3.internal.Version").getMethod("userAgent").invoke(null))
                        .replace("okhttp/", "");
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("no OkHttp on the class path", e);
            }
        }
    }
}
