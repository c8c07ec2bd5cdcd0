package dev.tenderkit.core.health.checks;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.Wallet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A gateway the terminal must reach to take payments: a channel's or a wallet's API host and port.
 *
 * @param name short name, usually the channel id, e.g. {@code lakala}; the health item is
 *     {@code network.gateway.<name>}
 * @param host host name or IP address
 * @param port TCP port, 1 to 65535
 * @param wallets the wallets paid through this gateway; empty means every wallet
 */
public record GatewayEndpoint(String name, String host, int port, Set<Wallet> wallets) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /** Validates and copies. */
    public GatewayEndpoint {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "endpoint name must be 1-32 of [a-z0-9_-], starting with a "
                    + "letter or digit, got \"" + name + "\"");
        }
        if (host == null || host.isBlank()) {
            throw new InvalidInputException("host", "endpoint " + name + " needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "endpoint " + name + " port must be 1..65535, got " + port);
        }
        host = host.strip();
        wallets = Set.copyOf(wallets);
    }

    /** @return an endpoint serving the given wallets (none given: every wallet) */
    public static GatewayEndpoint of(String name, String host, int port, Wallet... wallets) {
        return new GatewayEndpoint(name, host, port, Set.of(wallets));
    }

    /** @return {@code host:port}, with an IPv6 literal in brackets */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
