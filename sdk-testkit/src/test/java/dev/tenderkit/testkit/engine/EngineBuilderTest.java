package dev.tenderkit.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.payment.PaymentEngineBuilder;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.InMemoryWallet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's builder catches at build() what would otherwise fail at the first payment. */
class EngineBuilderTest {
    private final ManualTaskScheduler time = new ManualTaskScheduler(EngineHarness.START);

    @TempDir
    Path dir;

    private PaymentEngineBuilder twoChannelMerchant(JournalTransactionStore store) {
        List<ChannelOffering> offers = List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false));
        CapabilityPolicy policy = CapabilityPolicy.builder().version("t").issuedAt(EngineHarness.START)
                .maxAge(Duration.ofDays(1))
                .channel(new ChannelProfile("lakala", LocalizedText.of("拉卡拉", "Lakala"), LicenceKind.PAYMENT_INSTITUTION,
                        offers))
                .channel(new ChannelProfile("sft", LocalizedText.of("盛付通", "Shengfutong"),
                        LicenceKind.PAYMENT_INSTITUTION, offers))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN1",
                SoftwareVersion.parse("3.4"), EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI), Set.of()),
                new MerchantProfile("M1", "Test", "5411", List.of("lakala", "sft"), List.of()));
        return PaymentEngine.builder().terminalId("T1").scheduler(time).store(store)
                .resolver(CapabilityResolver.builder().policy(policy).clock(time.clock()).serviceLoader(false).build())
                .context(() -> context);
    }

    @Test
    void aMerchantChannelWithoutAGatewayIsRefusedAtBuildNamingTheChannel() {
        try (JournalTransactionStore store = JournalTransactionStore.open(dir.resolve("j"), time.clock())) {
            PaymentEngineBuilder b = twoChannelMerchant(store).gateway("lakala", new InMemoryWallet("w", time.clock()));
            ConfigurationException e = assertThrows(ConfigurationException.class, b::build);
            assertEquals("gateways", e.setting());
            assertTrue(e.getMessage().contains("[sft]"), e.getMessage());
            b.gateway("sft", new InMemoryWallet("w2", time.clock())).build();   // complete: builds
        }
    }

    @Test
    void theDirectAccountProfileReplacesResolverAndContextAndSaysSoWhenBothAreSet() {
        try (JournalTransactionStore store = JournalTransactionStore.open(dir.resolve("j"), time.clock())) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> twoChannelMerchant(store)
                    .directAccount(Wallet.ALIPAY, "2088", new InMemoryWallet("w", time.clock())).build());
            assertEquals("directAccount", e.setting());
            PaymentEngine.builder().terminalId("T1").scheduler(time).store(store)
                    .directAccount(Wallet.ALIPAY, "2088", new InMemoryWallet("w", time.clock())).build();
        }
    }
}
