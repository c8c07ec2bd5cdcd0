package dev.tenderkit.transport.http;

import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The OkHttp clients of one {@link GatewayTransport}: the one for {@code http} URLs and the one for
 * {@code https}. When the transport owns its client, the TLS one is built at the first https call:
 * building it loads the platform's trust store and probes the TLS providers (about 200 ms of a
 * cold JVM's start on a 2-core terminal), which a transport that only talks to a loopback or LAN
 * gateway never needs. Both share one connection pool and dispatcher. Thread-safe.
 */
final class SchemeClients {

    private final OkHttpClient cleartext;
    private final Supplier<OkHttpClient> tlsFactory;
    private volatile OkHttpClient tls;

    private SchemeClients(OkHttpClient cleartext, Supplier<OkHttpClient> tlsFactory, OkHttpClient tls) {
        this.cleartext = cleartext;
        this.tlsFactory = tlsFactory;
        this.tls = tls;
    }

    /** @param client one client for both schemes (the host's, whose TLS is already set up) */
    static SchemeClients single(OkHttpClient client) {
        return new SchemeClients(Objects.requireNonNull(client, "client"), () -> client, client);
    }

    /**
     * @param cleartext the client for http URLs, limited to cleartext connections
     * @param tlsFactory builds the https client, derived from {@code cleartext} so the pool is shared
     */
    static SchemeClients lazyTls(OkHttpClient cleartext, Supplier<OkHttpClient> tlsFactory) {
        return new SchemeClients(Objects.requireNonNull(cleartext, "cleartext"), Objects.requireNonNull(tlsFactory,
                "tlsFactory"), null);
    }

    OkHttpClient forUrl(HttpUrl url) {
        return url.isHttps() ? tls() : cleartext;
    }

    /** @return whether the https client exists yet */
    boolean tlsReady() {
        return tls != null;
    }

    private OkHttpClient tls() {
        OkHttpClient ready = tls;
        if (ready != null) {
            return ready;
        }
        synchronized (this) {
            if (tls == null) {
                tls = tlsFactory.get();
            }
            return tls;
        }
    }
}
