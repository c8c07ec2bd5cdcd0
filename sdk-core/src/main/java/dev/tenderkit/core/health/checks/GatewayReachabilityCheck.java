package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.HealthCheck;
import dev.tenderkit.core.health.HealthCheckContext;
import dev.tenderkit.core.health.HealthItem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Can the terminal reach its payment gateways? Opens a TCP connection to each configured endpoint
 * within a connect timeout and closes it (no TLS, no request: reachability only). One item per
 * endpoint, {@code network.gateway.<name>}, FAIL naming what went wrong (refused, no answer, name
 * not resolved, no route) and affecting the endpoint's wallets. When no endpoint answered at all
 * (none even refused), the terminal appears to be offline, and an extra FAIL item
 * {@code network.gateway} says so, affecting every method.
 *
 * <p>Endpoints are tried one after the other: keep {@code connectTimeout} × endpoints below the
 * monitor's check timeout. A TCP connect is cheap: register it for
 * {@link dev.tenderkit.core.health.CheckDepth#QUICK} runs, so a lost network shows within one quick
 * interval. Immutable and thread-safe.
 */
public final class GatewayReachabilityCheck implements HealthCheck {
    /** The check id and prefix of its items. */
    public static final String ID = "network.gateway";

    private final List<GatewayEndpoint> endpoints;
    private final Duration connectTimeout;

    private GatewayReachabilityCheck(Builder b) {
        this.endpoints = List.copyOf(b.endpoints);
        this.connectTimeout = b.connectTimeout;
    }

    /** @return a builder; at least one endpoint is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the endpoints, in the order they are tried */
    public List<GatewayEndpoint> endpoints() {
        return endpoints;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HealthItem> check(HealthCheckContext context) {
        Duration timeout = connectTimeout.compareTo(context.timeout()) <= 0 ? connectTimeout : context.timeout();
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        List<HealthItem> items = new ArrayList<>(endpoints.size() + 1);
        boolean anyAnswered = false;
        for (GatewayEndpoint e : endpoints) {
            Instant start = context.clock().instant();
            Outcome outcome = connect(e, timeoutMillis);
            Duration took = Duration.between(start, context.clock().instant());
            anyAnswered |= outcome.answered();
            items.add(item(e, outcome, took, timeout));
        }
        if (!anyAnswered) {
            items.add(HealthItem.fail(ID,
                    LocalizedText.of("没有任何支付网关应答：终端似乎没有网络连接",
                            "no payment gateway answered: the terminal appears to have no network connection"),
                    LocalizedText.of("连接网络：检查网线、Wi-Fi 或移动数据，然后重新检查",
                            "connect the terminal to the network: check the cable, Wi-Fi or mobile data, then check again"),
                    Set.of()));
        }
        return items;
    }

    /** What a connection attempt ended in. */
    private enum Kind { CONNECTED, REFUSED, NO_ANSWER, UNRESOLVED, UNREACHABLE, OTHER }

    private record Outcome(Kind kind, IOException error) {
        boolean answered() {
            return kind == Kind.CONNECTED || kind == Kind.REFUSED;
        }
    }

    private static Outcome connect(GatewayEndpoint e, int timeoutMillis) {
        InetSocketAddress address = new InetSocketAddress(e.host(), e.port());
        if (address.isUnresolved()) {
            return new Outcome(Kind.UNRESOLVED, new UnknownHostException(e.host()));
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            return new Outcome(Kind.CONNECTED, null);
        } catch (SocketTimeoutException x) {
            return new Outcome(Kind.NO_ANSWER, x);
        } catch (NoRouteToHostException x) {
            return new Outcome(Kind.UNREACHABLE, x);
        } catch (ConnectException x) {
            // The JDK reports ECONNREFUSED as "Connection refused" and ETIMEDOUT as "Connection timed out".
            String m = String.valueOf(x.getMessage()).toLowerCase(Locale.ROOT);
            return new Outcome(m.contains("refused") ? Kind.REFUSED : m.contains("unreachable") ? Kind.UNREACHABLE
                    : Kind.NO_ANSWER, x);
        } catch (SocketException x) {
            String m = String.valueOf(x.getMessage()).toLowerCase(Locale.ROOT);
            return new Outcome(m.contains("unreachable") ? Kind.UNREACHABLE : Kind.OTHER, x);
        } catch (IOException x) {
            return new Outcome(Kind.OTHER, x);
        }
    }

    private static HealthItem item(GatewayEndpoint e, Outcome o, Duration took, Duration timeout) {
        String id = ID + "." + e.name();
        String at = e.address();
        LocalizedText checkNetwork = LocalizedText.of(
                "检查网络连接（网线、Wi-Fi、移动数据）以及终端与 " + e.host() + " 之间的防火墙或代理",
                "check the network connection (cable, Wi-Fi, mobile data) and any firewall or proxy between the "
                        + "terminal and " + e.host());
        return switch (o.kind()) {
            case CONNECTED -> HealthItem.ok(id, LocalizedText.of(
                    "已连接 " + e.name() + " 网关 " + at + "，用时 " + Measures.zh(took),
                    "connected to the " + e.name() + " gateway " + at + " in " + Measures.en(took)));
            case REFUSED -> HealthItem.fail(id,
                    LocalizedText.of(e.name() + " 网关 " + at + " 拒绝连接：主机有应答，但该端口没有服务",
                            "the " + e.name() + " gateway " + at
                                    + " refused the connection: the host answers but nothing listens on that port"),
                    LocalizedText.of("核对为 " + e.name() + " 配置的网关地址和端口；若无误，则是网关或防火墙拒绝连接，请联系通道",
                            "check the gateway address and port configured for " + e.name()
                                    + "; if they are right, the gateway or a firewall refuses connections: contact the channel"),
                    e.wallets());
            case NO_ANSWER -> HealthItem.fail(id,
                    LocalizedText.of(e.name() + " 网关 " + at + " 在 " + Measures.zh(timeout) + " 内没有应答",
                            "no answer from the " + e.name() + " gateway " + at + " within " + Measures.en(timeout)),
                    checkNetwork, e.wallets());
            case UNRESOLVED -> HealthItem.fail(id,
                    LocalizedText.of("无法解析 " + e.name() + " 网关的主机名 " + e.host(),
                            "cannot resolve the host name " + e.host() + " of the " + e.name() + " gateway"),
                    LocalizedText.of("检查网络连接和 DNS 设置，并核对为 " + e.name() + " 配置的主机名",
                            "check the network connection and the DNS settings, and the host name configured for "
                                    + e.name()),
                    e.wallets());
            case UNREACHABLE -> HealthItem.fail(id,
                    LocalizedText.of("没有到 " + e.host() + " 的路由：网络不可达",
                            "no route to " + e.host() + ": the network is unreachable"),
                    LocalizedText.of("把终端接入网络（网线、Wi-Fi 或移动数据）并检查其 IP 设置",
                            "connect the terminal to the network (cable, Wi-Fi or mobile data) and check its IP settings"),
                    e.wallets());
            case OTHER -> HealthItem.fail(id,
                    LocalizedText.of("无法连接 " + e.name() + " 网关 " + at + "：" + o.error(),
                            "cannot connect to the " + e.name() + " gateway " + at + ": " + o.error()),
                    checkNetwork, e.wallets());
        };
    }

    /** Configures the check; {@link #build()} validates and names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private final List<GatewayEndpoint> endpoints = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(3);

        private Builder() {
        }

        /** @param endpoint a gateway to reach; names must be unique */
        public Builder endpoint(GatewayEndpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /**
         * @param timeout how long to wait for each connection; default 3 s (a healthy mobile link
         *     connects in well under a second; the check's own timeout still caps it)
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** @return the check */
        public GatewayReachabilityCheck build() {
            if (endpoints.isEmpty()) {
                throw new ConfigurationException("endpoints", "configure at least one gateway endpoint");
            }
            Set<String> names = new HashSet<>();
            for (GatewayEndpoint e : endpoints) {
                if (!names.add(e.name())) {
                    throw new ConfigurationException("endpoints", "two endpoints are named \"" + e.name() + "\"");
                }
            }
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new ConfigurationException("connectTimeout", "must be a positive duration, got " + connectTimeout);
            }
            return new GatewayReachabilityCheck(this);
        }
    }
}
