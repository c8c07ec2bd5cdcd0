package dev.tenderkit.examples.health;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityPolicyReader;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.health.CheckDepth;
import dev.tenderkit.core.health.HealthMonitor;
import dev.tenderkit.core.health.HealthReport;
import dev.tenderkit.core.health.checks.ClockSkewCheck;
import dev.tenderkit.core.health.checks.GatewayEndpoint;
import dev.tenderkit.core.health.checks.GatewayReachabilityCheck;
import dev.tenderkit.core.health.checks.JournalStorageCheck;
import dev.tenderkit.core.health.checks.PeripheralCondition;
import dev.tenderkit.core.health.checks.PeripheralState;
import dev.tenderkit.core.health.checks.PeripheralStatusCheck;
import dev.tenderkit.core.health.checks.PowerCheck;
import dev.tenderkit.core.health.checks.PowerReading;
import dev.tenderkit.core.health.checks.ReferenceClock;
import dev.tenderkit.core.health.checks.SoftwareVersionCheck;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.core.time.TaskScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The health example: runs a full health check of a simulated terminal, entirely on this machine,
 * and shows what a failing item does to the checkout screen.
 *
 * <ul>
 *   <li>two gateways on loopback: {@code wechat-direct} listens; {@code alipay-direct} points at a
 *       port nothing listens on, so it FAILs with its remedy;
 *   <li>a simulated time server 95.5 s ahead of the terminal clock (WARN: 1 minute or more);
 *   <li>a temporary journal directory (written, fsync'd, probe deleted);
 *   <li>software 3.1.0 against the bundled SAMPLE policy (Huabei needs 3.2.0: update available);
 *   <li>a scanner that is ready and a receipt printer low on paper; a battery at 12 %.
 * </ul>
 *
 * <p>Then the capability matrix for 88.00 with that health: Alipay refused as
 * {@code TERMINAL_UNHEALTHY}, with the gateway's remedy. Exit status 0, or 2 on an error.
 */
public final class HealthExample {
    static final String SAMPLE_POLICY = "/samples/capability-policy.sample.json";
    /** The bundled policy is dated; the terminal clock starts at this instant so it is fresh. */
    static final OffsetDateTime SAMPLE_NOW = OffsetDateTime.parse("2026-11-25T10:00:00+08:00");
    static final Money AMOUNT = Money.parse("88.00");

    private HealthExample() {
    }

    /** @param args none; {@code --help} prints usage */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the example; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println("usage: health    (no arguments: everything is simulated on this machine)");
            return 0;
        }
        if (args.length > 0) {
            err.println("health: unexpected argument \"" + args[0] + "\"; see --help");
            return 2;
        }
        try (ServerSocket wechatGateway = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int closedPort = closedLoopbackPort();
            Path journal = Files.createTempDirectory("tenderkit-health-journal-");
            try {
                demonstrate(wechatGateway.getLocalPort(), closedPort, journal, out);
                return 0;
            } finally {
                Files.deleteIfExists(journal);
            }
        } catch (TenderKitException e) {
            err.println("health: " + e.code() + ": " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("health: " + e);
            return 2;
        }
    }

    private static void demonstrate(int listeningPort, int closedPort, Path journal, PrintStream out) {
        CapabilityPolicy policy = samplePolicy();
        // The terminal clock: real time, moved to the sample date so the bundled policy is fresh.
        Clock terminalClock = Clock.offset(Clock.systemUTC(),
                Duration.between(Clock.systemUTC().instant(), SAMPLE_NOW.toInstant()));
        CapabilityResolver resolver = CapabilityResolver.builder().policy(policy).clock(terminalClock).build();

        TerminalProfile terminal = new TerminalProfile("Sunmi", "P2 Pro", "SN-HEALTH-0001",
                SoftwareVersion.parse("3.1.0"), Set.of(Peripheral.BARCODE_SCANNER, Peripheral.RECEIPT_PRINTER),
                Set.of(Connectivity.WIFI), Set.of("channel.merchant_no", "channel.terminal_no"));
        MerchantProfile merchant = new MerchantProfile("M2001", "示例咖啡馆 Sample Café", "5814",
                List.of("alipay-direct", "wechat-direct"), List.of());

        // What the platform and the drivers would report; on a real terminal these come from
        // BatteryManager and the peripheral drivers.
        List<PeripheralState> peripherals = List.of(
                PeripheralState.of("scanner", Peripheral.BARCODE_SCANNER, PeripheralCondition.READY,
                        LocalizedText.of("在线", "online")),
                new PeripheralState("printer", Peripheral.RECEIPT_PRINTER, PeripheralCondition.DEGRADED,
                        LocalizedText.of("纸将用尽", "paper low"),
                        Optional.of(LocalizedText.of("准备一卷 57 毫米热敏纸", "have a 57 mm thermal paper roll ready"))));
        PowerReading battery = new PowerReading(12, false, false);

        try (ExecutorTaskScheduler realTime = ExecutorTaskScheduler.create("health-example", 1);
                HealthMonitor monitor = HealthMonitor.builder()
                .scheduler(new TerminalTime(realTime, terminalClock))
                .check(CheckDepth.QUICK, GatewayReachabilityCheck.builder()
                        .endpoint(GatewayEndpoint.of("wechat-direct", "127.0.0.1", listeningPort, Wallet.WECHAT_PAY))
                        .endpoint(GatewayEndpoint.of("alipay-direct", "127.0.0.1", closedPort, Wallet.ALIPAY))
                        .connectTimeout(Duration.ofSeconds(2))
                        .build())
                .check(CheckDepth.FULL, ClockSkewCheck.builder()
                        .reference(ReferenceClock.of("ntp.example.test",
                                () -> terminalClock.instant().plusMillis(95_500)))
                        .build())
                .check(CheckDepth.FULL, JournalStorageCheck.builder().directory(journal).build())
                .check(CheckDepth.FULL, SoftwareVersionCheck.builder().terminal(terminal).policy(resolver::policy)
                        .neededMethods(PaymentMethods.ALIPAY, PaymentMethods.WECHAT_PAY).build())
                .check(CheckDepth.QUICK, PeripheralStatusCheck.builder().source(() -> peripherals).build())
                .check(CheckDepth.QUICK, PowerCheck.builder().source(() -> Optional.of(battery)).build())
                .build()) {
            HealthReport report = monitor.run(CheckDepth.FULL);
            HealthPrinter printer = new HealthPrinter(out);
            printer.header(terminal, policy);
            out.println("simulated here: gateway wechat-direct listening on loopback, alipay-direct on a closed "
                    + "loopback port; a time server 95.5 s ahead; a temporary journal; printer low on paper; "
                    + "battery 12 %");
            printer.report(report);
            CheckoutContext here = CheckoutContext.of(terminal, merchant).withHealth(monitor.terminalHealth());
            printer.consequence(resolver, here, AMOUNT);
        }
    }

    /**
     * Real time read on the terminal clock: the executor's delays elapse on real time, and the
     * terminal clock, a fixed offset from it, ticks at the same rate, so the two agree as a
     * {@link TaskScheduler} must.
     */
    private record TerminalTime(TaskScheduler realTime, Clock clock) implements TaskScheduler {
        @Override
        public Cancellable schedule(Runnable task, Duration delay) {
            return realTime.schedule(task, delay);
        }
    }

    /** @return a loopback port that was free a moment ago: connecting to it is refused */
    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static CapabilityPolicy samplePolicy() {
        try (InputStream in = HealthExample.class.getResourceAsStream(SAMPLE_POLICY)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("bundled resource " + SAMPLE_POLICY + " is missing"));
            }
            return new CapabilityPolicyReader(PaymentMethods.standardRegistry()).read(in, "bundled " + SAMPLE_POLICY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + SAMPLE_POLICY, e);
        }
    }
}
