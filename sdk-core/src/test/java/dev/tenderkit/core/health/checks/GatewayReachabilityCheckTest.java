package dev.tenderkit.core.health.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.health.HealthStatus;
import dev.tenderkit.core.method.Wallet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback: a listening port, and a port nothing listens on. */
class GatewayReachabilityCheckTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private ServerSocket listening;
    private int closedPort;

    @BeforeEach
    void openPorts() throws IOException {
        // The kernel completes connections into the backlog; nobody needs to accept them.
        listening = new ServerSocket(0, 50, LOOPBACK);
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterEach
    void closePorts() throws IOException {
        listening.close();
    }

    private static GatewayReachabilityCheck check(GatewayEndpoint... endpoints) {
        GatewayReachabilityCheck.Builder b = GatewayReachabilityCheck.builder().connectTimeout(Duration.ofSeconds(2));
        for (GatewayEndpoint e : endpoints) {
            b.endpoint(e);
        }
        return b.build();
    }

    private GatewayEndpoint reachable(String name, Wallet... wallets) {
        return GatewayEndpoint.of(name, LOOPBACK.getHostAddress(), listening.getLocalPort(), wallets);
    }

    private GatewayEndpoint closed(String name, Wallet... wallets) {
        return GatewayEndpoint.of(name, LOOPBACK.getHostAddress(), closedPort, wallets);
    }

    @Test
    void aListeningPortIsOk() {
        List<HealthItem> items = check(reachable("lakala")).check(Contexts.fixed());
        assertEquals(1, items.size());
        assertEquals("network.gateway.lakala", items.get(0).id());
        assertEquals(HealthStatus.OK, items.get(0).status());
        assertTrue(items.get(0).detail().en().startsWith("connected to the lakala gateway 127.0.0.1:"),
                items.get(0).detail().en());
    }

    @Test
    void aClosedPortIsAFailSayingRefusedWithARemedyForItsWallets() {
        // Connecting to a closed loopback port is refused at once (RST), so this takes milliseconds.
        List<HealthItem> items = check(reachable("wechat-direct", Wallet.WECHAT_PAY),
                closed("alipay-direct", Wallet.ALIPAY)).check(Contexts.fixed());
        assertEquals(List.of("network.gateway.wechat-direct", "network.gateway.alipay-direct"),
                items.stream().map(HealthItem::id).toList());
        HealthItem refused = items.get(1);
        assertEquals(HealthStatus.FAIL, refused.status());
        assertTrue(refused.detail().en().contains("refused the connection"), refused.detail().en());
        assertTrue(refused.detail().en().contains(":" + closedPort), refused.detail().en());
        assertTrue(refused.remedy().orElseThrow().en().startsWith("check the gateway address and port configured for "
                + "alipay-direct"), refused.remedy().orElseThrow().en());
        assertTrue(refused.remedy().orElseThrow().zh().contains("alipay-direct"));
        assertEquals(Set.of(Wallet.ALIPAY), refused.affectedWallets());
    }

    @Test
    void refusedMeansTheNetworkIsUpSoThereIsNoOfflineVerdict() {
        List<HealthItem> items = check(closed("a"), closed("b")).check(Contexts.fixed());
        assertEquals(List.of("network.gateway.a", "network.gateway.b"), items.stream().map(HealthItem::id).toList());
    }

    @Test
    void whenNoGatewayAnswersAtAllTheTerminalSaysItLooksOffline() {
        // .invalid never resolves (RFC 6761), so nothing answers: no connection, not even a refusal.
        List<HealthItem> items = check(GatewayEndpoint.of("alipay", "gateway.tenderkit.invalid", 443, Wallet.ALIPAY))
                .check(Contexts.fixed());
        assertEquals(List.of("network.gateway.alipay", "network.gateway"), items.stream().map(HealthItem::id).toList());
        assertTrue(items.get(0).detail().en().contains("cannot resolve the host name gateway.tenderkit.invalid"),
                items.get(0).detail().en());
        HealthItem offline = items.get(1);
        assertEquals(HealthStatus.FAIL, offline.status());
        assertTrue(offline.detail().en().contains("no network connection"), offline.detail().en());
        assertEquals(Set.of(), offline.affectedWallets()); // every method
    }

    @Test
    void theBuilderAndEndpointsNameTheWrongSetting() {
        assertEquals("endpoints", assertThrows(ConfigurationException.class,
                () -> GatewayReachabilityCheck.builder().build()).setting());
        assertEquals("endpoints", assertThrows(ConfigurationException.class,
                () -> check(closed("a"), reachable("a"))).setting());
        assertEquals("connectTimeout", assertThrows(ConfigurationException.class,
                () -> GatewayReachabilityCheck.builder().endpoint(closed("a")).connectTimeout(Duration.ZERO).build())
                .setting());
        assertEquals("port", assertThrows(InvalidInputException.class,
                () -> GatewayEndpoint.of("a", "localhost", 0)).field());
        assertEquals("name", assertThrows(InvalidInputException.class,
                () -> GatewayEndpoint.of("Alipay Direct", "localhost", 443)).field());
        assertEquals("[::1]:443", GatewayEndpoint.of("v6", "::1", 443).address());
    }
}
