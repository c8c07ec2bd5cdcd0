package dev.tenderkit.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.fee.FeeScheduleReader;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.InMemoryWallet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a fee schedule the engine routes to the cheapest capable channel and prices what the buyer used. */
class PaymentEngineFeesTest {
    private static final String SCHEDULE = """
            {"schema": "tenderkit.fee-schedule/1", "id": "test", "channels": {
              "lakala": {"versions": [{"id": "l1", "effectiveFrom": "2026-01-01", "methods": {
                  "alipay": {"rate": "0.38%"}, "alipay.huabei": {"rate": "0.60%"}}}]},
              "sft": {"versions": [{"id": "s1", "effectiveFrom": "2026-01-01", "methods": {
                  "alipay": {"rate": "0.30%"}, "alipay.huabei": {"rate": "0.80%"}}}]}}}
            """;

    @TempDir
    Path dir;

    private PaymentEngine engine(ManualTaskScheduler scheduler, InMemoryWallet lakala, InMemoryWallet sft,
            JournalTransactionStore store) {
        List<ChannelOffering> offers = List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, true));
        CapabilityPolicy policy = CapabilityPolicy.builder().version("p").issuedAt(EngineHarness.START)
                .maxAge(Duration.ofDays(30))
                .channel(new ChannelProfile("lakala", LocalizedText.of("拉卡拉", "Lakala"),
                        LicenceKind.PAYMENT_INSTITUTION, offers))
                .channel(new ChannelProfile("sft", LocalizedText.of("盛付通", "Shengfutong"),
                        LicenceKind.PAYMENT_INSTITUTION, offers))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN",
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of("lakala", "sft"),
                        List.of(Qualification.approved("lakala", "huabei"), Qualification.approved("sft", "huabei"))));
        return PaymentEngine.builder().terminalId("T1")
                .resolver(CapabilityResolver.builder().policy(policy).clock(scheduler.clock()).serviceLoader(false)
                        .build())
                .context(() -> context).store(store).gateway("lakala", lakala).gateway("sft", sft)
                .feeSchedule(new FeeScheduleReader(PaymentMethods.standardRegistry()).read(SCHEDULE, "test"))
                .scheduler(scheduler).build();
    }

    @Test
    void theCheapestCapableChannelTakesThePaymentAndTheFeeFollowsWhatTheBuyerUsed() {
        ManualTaskScheduler scheduler = new ManualTaskScheduler(EngineHarness.START);
        InMemoryWallet lakala = new InMemoryWallet("scripted", scheduler.clock());
        InMemoryWallet sft = new InMemoryWallet("scripted", scheduler.clock());
        sft.funding(new FundingSource("PCREDIT", true, 0));   // the buyer chose Huabei in the wallet
        try (JournalTransactionStore store = JournalTransactionStore.open(dir.resolve("j"), scheduler.clock())) {
            CompletableFuture<TradeOutcome> f = engine(scheduler, lakala, sft, store).payAsync(
                    BarcodePaymentRequest.of("ORD-1", Money.parse("88.00"), EngineHarness.ALIPAY_CODE, "x"));
            scheduler.runDueTasks();
            TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, f.getNow(null));
            assertEquals("sft", paid.trade().channelId(), "Alipay costs 0.30% on sft and 0.38% on lakala");
            assertEquals(List.of(), lakala.calls());
            // Priced as Huabei on sft: 0.80% of 88.00 = 0.704, half-up to 0.70.
            assertEquals(Optional.of(Money.parse("0.70")), paid.fee());
            assertEquals(Optional.of(Money.parse("87.30")), paid.net());
            assertEquals(Optional.of(Money.parse("0.70")), store.find(paid.trade().outTradeNo()).orElseThrow().fee());
        }
    }
}
