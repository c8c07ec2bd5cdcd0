package dev.tenderkit.core.health;

import dev.tenderkit.core.time.ManualTaskScheduler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.capability.Remedy;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.health.checks.GatewayEndpoint;
import dev.tenderkit.core.health.checks.GatewayReachabilityCheck;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A health report reaches the capability resolver: FAIL refuses the affected methods as TERMINAL_UNHEALTHY. */
class HealthFeedsTheResolverTest {
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final Money AMOUNT = Money.parse("88.00");

    private final CapabilityResolver resolver = CapabilityResolver.builder()
            .policy(CapabilityPolicy.builder().version("health-test-1").issuedAt(NOW.minus(Duration.ofDays(1)))
                    .maxAge(Duration.ofDays(30))
                    .channel(new ChannelProfile("lakala", LocalizedText.of("拉卡拉", "Lakala"),
                            LicenceKind.PAYMENT_INSTITUTION, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                                    ChannelOffering.of(PaymentMethods.WECHAT_PAY, false))))
                    .build())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).serviceLoader(false).build();
    private final CheckoutContext healthy = CheckoutContext.of(
            new TerminalProfile("Sunmi", "P2 Pro", "SN-1", SoftwareVersion.parse("3.4.0"),
                    EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI), Set.of()),
            new MerchantProfile("M1", "Test Grocery", "5411", List.of("lakala"), List.of()));

    private HealthMonitor monitor(CheckDepth depth, ScriptedCheck check) {
        ManualTaskScheduler time = new ManualTaskScheduler(NOW);
        return HealthMonitor.builder().check(depth, check).scheduler(time)
                .checkExecutor(Runnable::run).build();
    }

    @Test
    void aFailingGatewayRefusesItsWalletWithTheRemedyAndSparesTheOthers() {
        assertTrue(resolver.resolve(healthy, PaymentMethods.ALIPAY, AMOUNT).isAccepted());
        try (HealthMonitor m = monitor(CheckDepth.QUICK, new ScriptedCheck("network.gateway")
                .failing(Set.of(Wallet.ALIPAY)))) {
            HealthReport report = m.run(CheckDepth.FULL);
            CheckoutContext here = healthy.withHealth(report.toTerminalHealth());

            CapabilityVerdict alipay = resolver.resolve(here, PaymentMethods.ALIPAY, AMOUNT);
            assertFalse(alipay.isAccepted());
            Finding f = alipay.blockingFindings().get(0);
            assertEquals(Cause.TERMINAL_UNHEALTHY, f.cause());
            assertEquals("network.gateway is broken", f.message().en());
            Remedy.PerformMaintenance remedy = (Remedy.PerformMaintenance) f.remedy();
            assertEquals("network.gateway", remedy.item());
            assertEquals("repair network.gateway", remedy.text().en());

            assertTrue(resolver.resolve(here, PaymentMethods.WECHAT_PAY, AMOUNT).isAccepted());
            assertEquals(here.health(), m.terminalHealth());
        }
    }

    @Test
    void aClosedGatewayPortOnLoopbackRefusesAlipayAsUnhealthyWithTheCheckRemedy() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        GatewayReachabilityCheck gateway = GatewayReachabilityCheck.builder()
                .endpoint(GatewayEndpoint.of("alipay-direct", "127.0.0.1", closedPort, Wallet.ALIPAY)).build();
        ManualTaskScheduler time = new ManualTaskScheduler(NOW);
        try (HealthMonitor m = HealthMonitor.builder().check(CheckDepth.QUICK, gateway).scheduler(time)
                .checkExecutor(Runnable::run).build()) {
            HealthReport report = m.run(CheckDepth.QUICK);
            assertEquals(HealthStatus.FAIL, report.status());
            CapabilityVerdict alipay = resolver.resolve(healthy.withHealth(m.terminalHealth()), PaymentMethods.ALIPAY,
                    AMOUNT);
            assertFalse(alipay.isAccepted());
            Finding f = alipay.blockingFindings().get(0);
            assertEquals(Cause.TERMINAL_UNHEALTHY, f.cause());
            assertEquals("network.gateway.alipay-direct", ((Remedy.PerformMaintenance) f.remedy()).item());
            assertEquals(report.failures().get(0).remedy().orElseThrow(), f.remedy().text());
            assertTrue(f.remedy().text().en().contains("check the gateway address and port"), f.remedy().text().en());
        }
    }

    @Test
    void aWarningOnlyWarns() {
        try (HealthMonitor m = monitor(CheckDepth.FULL, new ScriptedCheck("clock.skew").warning())) {
            CheckoutContext here = healthy.withHealth(m.run(CheckDepth.FULL).toTerminalHealth());
            CapabilityVerdict alipay = resolver.resolve(here, PaymentMethods.ALIPAY, AMOUNT);
            assertTrue(alipay.isAccepted());
            assertEquals(Cause.TERMINAL_UNHEALTHY, alipay.warnings().get(0).cause());
        }
    }

    @Test
    void anItemNarrowedToOneMethodRefusesOnlyThatMethod() {
        ScriptedCheck version = new ScriptedCheck("terminal.software");
        version.answering(c -> List.of(HealthItem.fail("terminal.software.update-required",
                LocalizedText.of("需要升级", "update required"), LocalizedText.of("升级", "upgrade"), Set.of())
                .onlyFor(Set.of(PaymentMethods.WECHAT_PAY))));
        try (HealthMonitor m = monitor(CheckDepth.FULL, version)) {
            CheckoutContext here = healthy.withHealth(m.run(CheckDepth.FULL).toTerminalHealth());
            assertTrue(resolver.resolve(here, PaymentMethods.ALIPAY, AMOUNT).isAccepted());
            assertTrue(resolver.resolve(here, PaymentMethods.WECHAT_PAY, AMOUNT).has(Cause.TERMINAL_UNHEALTHY));
            assertFalse(resolver.resolve(here, PaymentMethods.WECHAT_PAY, AMOUNT).isAccepted());
        }
    }
}
