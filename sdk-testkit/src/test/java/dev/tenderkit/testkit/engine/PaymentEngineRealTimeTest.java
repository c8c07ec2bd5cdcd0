package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.testkit.InMemoryWallet;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blocking call on real threads and real time, as a POS would use it. */
class PaymentEngineRealTimeTest {

    @Test
    void aBlockingPaymentOnARealTimeSchedulerReturnsItsOutcome(@TempDir Path dir) {
        Clock clock = Clock.systemUTC();
        CapabilityPolicy policy = CapabilityPolicy.builder().version("v").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(1)).channel(new ChannelProfile("lakala", LocalizedText.of("拉卡拉", "Lakala"),
                        LicenceKind.PAYMENT_INSTITUTION, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false))))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN", SoftwareVersion.parse("1"),
                EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of("lakala"), List.of()));
        try (ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create("engine-test", 2);
                JournalTransactionStore store = JournalTransactionStore.open(dir.resolve("trades.journal"), clock)) {
            PaymentEngine engine = PaymentEngine.builder().terminalId("T2")
                    .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                    .context(() -> context).store(store).gateway("lakala", new InMemoryWallet("scripted", clock))
                    .scheduler(scheduler).build();
            TradeOutcome o = engine.pay(BarcodePaymentRequest.of("SYNC-1", Money.parse("1.00"),
                    EngineHarness.ALIPAY_CODE, "x"));
            assertInstanceOf(TradeOutcome.Paid.class, o);
        }
    }
}
