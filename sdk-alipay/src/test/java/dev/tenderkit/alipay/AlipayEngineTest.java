package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payment engine through the Alipay adapter and the HTTP transport, against the simulated Alipay. */
class AlipayEngineTest {

    private static final String HUABEI_BUYER = "281111111111111111";

    /** Pays 88.00 with a buyer who pays from Huabei after two queries, Huabei offered as the policy says. */
    private static TradeOutcome payWithAHuabeiBuyer(Path dir, boolean huabeiNeedsQualification,
            java.util.function.Consumer<SimulatedAlipay> check) {
        SimulatedAlipayKeys keys = SimulatedAlipayKeys.generate();
        Clock clock = Clock.systemUTC();
        try (SimulatedAlipay alipay = SimulatedAlipay.builder(keys).appId("2021000000000001").start();
                ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("alipay-engine-test", 2);
                JournalTransactionStore journal = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            alipay.script(HUABEI_BUYER, BuyerScript.userPayingFor(2).fromHuabei());
            AlipayGateway gateway = AlipayGateway.builder()
                    .credentials(AlipayCredentials.builder().appId(alipay.appId())
                            .appPrivateKey(keys.appPrivateKeyPem()).alipayPublicKey(keys.alipayPublicKeyPem()).build())
                    .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(2))
                            .callTimeout(Duration.ofSeconds(5)).build())
                    .gatewayUrl(alipay.gatewayUrl())
                    // Alipay's shape, compressed so the test polls in milliseconds rather than seconds.
                    .timing(new GatewayTiming(Duration.ofMillis(20), Duration.ofMillis(20), 1.5, Duration.ofMillis(50),
                            Duration.ofSeconds(10), Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 5))
                    .build();
            CapabilityPolicy policy = CapabilityPolicy.builder().version("t").issuedAt(clock.instant())
                    .maxAge(Duration.ofDays(1)).channel(new ChannelProfile("alipay-direct",
                            LocalizedText.of("支付宝直连", "Alipay direct"), LicenceKind.WALLET_DIRECT,
                            List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                                    ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, huabeiNeedsQualification))))
                    .build();
            CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN",
                    SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                    new MerchantProfile("M", "M", "5411", List.of("alipay-direct"), List.of()));
            PaymentEngine engine = PaymentEngine.builder().terminalId("T1")
                    .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                    .context(() -> context).store(journal).gateway("alipay-direct", gateway).scheduler(scheduler)
                    .build();

            TradeOutcome outcome = engine.pay(BarcodePaymentRequest.of("ORD-1", Money.parse("88.00"), HUABEI_BUYER, "咖啡"));

            if (outcome instanceof TradeOutcome.Paid paid) {
                assertEquals(Money.parse("88.00"),
                        alipay.ledger().trade(paid.trade().outTradeNo()).orElseThrow().charged());
            }
            assertTrue(alipay.received().stream().allMatch(SimulatedAlipay.Received::signatureValid),
                    "every request reached the simulator correctly signed");
            check.accept(alipay);
            return outcome;
        }
    }

    @Test
    void aUserPayingTradeIsPolledOverHttpUntilPaidFromHuabeiAndJournaled(@TempDir Path dir) {
        TradeOutcome outcome = payWithAHuabeiBuyer(dir, false, alipay -> assertTrue(alipay.received().stream()
                .noneMatch(r -> r.params().getOrDefault("biz_content", "").contains("disable_pay_channels"))));
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, outcome);
        assertTrue(paid.payment().fundingSource().credit(), "paid from Huabei");
    }

    @Test
    void creditIsDisabledAtAlipayWhenTheMerchantMayNotTakeHuabeiSoTheBuyerPaysFromTheBalance(@TempDir Path dir) {
        // The merchant has no Huabei qualification on the channel: the engine asks Alipay to disable
        // credit, and the buyer who would have used Huabei pays from the balance instead.
        TradeOutcome outcome = payWithAHuabeiBuyer(dir, true, alipay -> assertTrue(alipay.received().stream()
                .filter(r -> r.method().equals("alipay.trade.pay"))
                .allMatch(r -> r.params().get("biz_content").contains("\"disable_pay_channels\":\"pcredit,"))));
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, outcome);
        assertEquals(false, paid.payment().fundingSource().credit(), "paid from the balance, not Huabei");
        assertEquals("ALIPAYACCOUNT", paid.payment().fundingSource().channelCode());
    }
}
