package dev.tenderkit.alipay.crash;

import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.http.GatewayTransport;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The terminal the crash test kills: the payment engine, the Alipay adapter and the HTTP transport
 * on a journal, pointed at the simulated Alipay of the test's JVM. The child and the test's final
 * recovery build it the same way, so the last restart is no different from the others.
 */
final class TerminalUnderTest {
    static final String CHANNEL = "alipay-direct";
    static final String TERMINAL_ID = "T1";

    /**
     * Alipay's shape (poll, back off, reverse at the deadline, retry the reversal), compressed so a
     * trade lives about two seconds: short enough that restarts often land on trades still polling
     * or past their deadline, long enough that a child also gets to pay.
     */
    static final GatewayTiming TIMING = new GatewayTiming(Duration.ofMillis(150), Duration.ofMillis(150), 1.3,
            Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMillis(100), 2.0, Duration.ofMillis(500), 5);

    /**
     * Compaction after 8 KiB of growth instead of 4 MiB, so that it happens in most children's
     * short lives and some kills land in it. Retention stays the default: nothing final is dropped.
     */
    static final long COMPACT_AFTER_BYTES = 8 * 1024;

    private TerminalUnderTest() {
    }

    /** Where the simulator listens and the generated keys to talk to it, handed to the child in a file. */
    record Endpoint(URI gatewayUrl, String appId, String appPrivateKeyPem, String alipayPublicKeyPem) {
        void write(Path file) {
            Properties p = new Properties();
            p.setProperty("gatewayUrl", gatewayUrl.toString());
            p.setProperty("appId", appId);
            p.setProperty("appPrivateKeyPem", appPrivateKeyPem);
            p.setProperty("alipayPublicKeyPem", alipayPublicKeyPem);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "simulated Alipay for the crash test; generated keys, valid for one test run");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Endpoint read(Path file) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Endpoint(URI.create(p.getProperty("gatewayUrl")), p.getProperty("appId"),
                    p.getProperty("appPrivateKeyPem"), p.getProperty("alipayPublicKeyPem"));
        }
    }

    /** Opens the journal durably (fsync per append), with frequent compaction. */
    static JournalTransactionStore openJournal(Path file) {
        return JournalTransactionStore.open(file, Clock.systemUTC(), JournalOptions.DURABLE,
                JournalTransactionStore.DEFAULT_RETENTION, COMPACT_AFTER_BYTES);
    }

    static PaymentEngine engine(Endpoint endpoint, TransactionStore store, TaskScheduler scheduler,
            TradeListener listener) {
        Clock clock = Clock.systemUTC();
        AlipayGateway gateway = AlipayGateway.builder()
                .credentials(AlipayCredentials.builder().appId(endpoint.appId())
                        .appPrivateKey(endpoint.appPrivateKeyPem()).alipayPublicKey(endpoint.alipayPublicKeyPem())
                        .build())
                // Generous against a loaded machine: a timeout makes the outcome unknown, which is
                // handled, but too many of them would only slow the run down.
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofSeconds(8)).build())
                .gatewayUrl(endpoint.gatewayUrl())
                .timing(TIMING)
                .build();
        CapabilityPolicy policy = CapabilityPolicy.builder().version("crash").issuedAt(clock.instant())
                .maxAge(Duration.ofDays(1)).channel(new ChannelProfile(CHANNEL,
                        LocalizedText.of("支付宝直连", "Alipay direct"), LicenceKind.WALLET_DIRECT,
                        List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                                ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, false))))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN-CRASH",
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of(CHANNEL), List.of()));
        return PaymentEngine.builder().terminalId(TERMINAL_ID)
                .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                .context(() -> context).store(store).gateway(CHANNEL, gateway).scheduler(scheduler)
                .listener(listener).build();
    }
}
