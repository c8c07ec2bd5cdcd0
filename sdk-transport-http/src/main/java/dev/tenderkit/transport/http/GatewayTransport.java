package dev.tenderkit.transport.http;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.transport.http.internal.CallGuards;
import dev.tenderkit.transport.http.internal.CallLog;
import dev.tenderkit.transport.http.internal.CallState;
import dev.tenderkit.transport.http.internal.OkHttpOnClassPath;
import java.io.IOException;
import java.net.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to a payment gateway over HTTP(S) and says, for each, whether a response was
 * received, the request provably never left, or its outcome is unknown ({@link HttpOutcome}).
 *
 * <h2>The rule</h2>
 * A call's request <em>may have left</em> from the moment OkHttp fires
 * {@code EventListener.requestHeadersStart} for it: OkHttp fires it just before it writes the first
 * byte of the request to a connection. A failure before that event (DNS, connect, TLS handshake,
 * certificate pin check, acquiring a pooled connection, a cancel or call timeout while any of these
 * ran) is {@link HttpOutcome.NotSent}; a failure after it (write, read timeout, reset, truncated
 * body, call timeout, cancel) is {@link HttpOutcome.OutcomeUnknown}. Any whole response, 5xx
 * included, is a {@link HttpOutcome.Response}. The decision is made per call from those events
 * ({@code dev.tenderkit.transport.http.internal.SendTracker}), never from the exception type.
 *
 * <h2>No resend</h2>
 * A request that may have left is never written again: {@code retryOnConnectionFailure(false)}
 * (OkHttp would otherwise resend a POST on a stale pooled connection), redirects not followed
 * (a 3xx comes back as a response), a one-shot request body, and a network interceptor that fails
 * any second attempt of a call whose first attempt may have left.
 *
 * <h2>Sharing</h2>
 * One OkHttp client per configuration: {@link #builder()} makes its own connection pool and
 * dispatcher, {@link Builder#baseClient(OkHttpClient)} derives from the host application's client
 * so pools are shared, and {@link #newBuilder()} derives variants (other timeouts, another
 * listener) that share this transport's pool. A transport that owns its client builds the https
 * half at its first https call, so one that only talks to a loopback or LAN gateway never loads the
 * platform trust store (a cold start's largest single cost). Immutable and thread-safe.
 *
 * <h2>Logging</h2>
 * With DEBUG on for this class, one line per request and one per outcome, redacted by
 * {@link LogRedaction}. Nothing is logged above DEBUG for a call's outcome: the caller decides
 * what an outcome means.
 */
public final class GatewayTransport {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTransport.class);

    private final OkHttpClient baseClient;
    private final boolean ownsBase;
    private final SchemeClients clients;
    private final Builder settings;
    private final TransportListener listener;
    private final CallLog callLog;

    private GatewayTransport(Builder settings, OkHttpClient baseClient, boolean ownsBase, SchemeClients clients) {
        this.settings = settings;
        this.baseClient = baseClient;
        this.ownsBase = ownsBase;
        this.clients = clients;
        this.listener = settings.listener;
        this.callLog = new CallLog(settings.logRedaction);
    }

    /** @return a builder with default settings and, unless given a base client, a new connection pool */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with this transport's settings whose transports share this one's connection pool */
    public Builder newBuilder() {
        Builder copy = settings.copy();
        if (ownsBase) {
            copy.ownPool = baseClient;
        } else {
            copy.baseClient = baseClient;
        }
        return copy;
    }

    /**
     * Sends one request and waits for its outcome.
     *
     * @param request what to send
     * @return the outcome; network failures are outcomes, not exceptions
     */
    public HttpOutcome execute(GatewayRequest request) {
        return newCall(request).execute();
    }

    /**
     * @param request what to send
     * @return a call to execute once, cancellable from another thread
     */
    public GatewayCall newCall(GatewayRequest request) {
        Objects.requireNonNull(request, "request");
        CallState state = new CallState();
        Request okRequest = OkHttpRequests.of(request, state);
        return new GatewayCall(this, request, clients.forUrl(okRequest.url()).newCall(okRequest), state);
    }

    /**
     * Downloads a file (a wallet's bill) to {@code file}, streamed and never whole in memory, within a size
     * limit. Not for payment calls: a download is an idempotent GET, so the caller may simply ask again after
     * any outcome but {@link HttpDownload.Saved}. The body is written as received; checking it (a hash) is
     * the caller's.
     *
     * @param request the GET to send
     * @param file where to write the body (created or truncated; deleted unless saved)
     * @param maxBytes the longest body accepted
     * @return the outcome
     * @throws java.io.UncheckedIOException when writing the file fails
     */
    public HttpDownload download(GatewayRequest request, java.nio.file.Path file, long maxBytes) {
        Objects.requireNonNull(file, "file");
        if (!request.method().equals("GET") || maxBytes < 1) {
            throw new IllegalArgumentException("a download is a GET with a positive limit: " + request + ", "
                    + maxBytes);
        }
        CallState state = new CallState();
        Request okRequest = OkHttpRequests.of(request, state);
        if (LOG.isDebugEnabled()) {
            LOG.debug(callLog.requestLine(request));
        }
        long start = System.nanoTime();
        HttpDownload download = Downloads.run(clients.forUrl(okRequest.url()).newCall(okRequest), state, file,
                maxBytes);
        report(request, Downloads.asOutcome(download), start);
        return download;
    }

    /** @return whether the https client has been built (it is built at the first https call when this transport owns its client) */
    boolean tlsReady() {
        return clients.tlsReady();
    }

    /** @return the call timeout: the longest a call may take, from DNS to the end of the body */
    public Duration callTimeout() {
        return settings.callTimeout;
    }

    HttpOutcome run(GatewayRequest request, Call call, CallState state) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(callLog.requestLine(request));
        }
        long start = System.nanoTime();
        HttpOutcome outcome;
        try (okhttp3.Response response = call.execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body.bytes();
            Charset charset = Optional.ofNullable(body.contentType()).map(t -> t.charset(StandardCharsets.UTF_8))
                    .orElse(StandardCharsets.UTF_8);
            outcome = new HttpOutcome.Response(response.code(), new HttpHeaders(response.headers().toMultimap()), bytes,
                    new String(bytes, charset));
        } catch (IOException | RuntimeException failure) {
            outcome = state.outcomeOf(failure);
        }
        report(request, outcome, start);
        return outcome;
    }

    private void report(GatewayRequest request, HttpOutcome outcome, long start) {
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        if (LOG.isDebugEnabled()) {
            LOG.debug(callLog.outcomeLine(request.operation(), outcome, latency));
        }
        CallGuards.report(listener, request.operation(), outcome, latency);
    }

    /**
     * Configures a {@link GatewayTransport}; validated on {@link #build()}, which names the setting
     * at fault. Not thread-safe.
     */
    public static final class Builder {
        private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

        private OkHttpClient baseClient;
        private OkHttpClient ownPool;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(15);
        private Duration writeTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(30);
        private final Map<String, List<String>> pins = new LinkedHashMap<>();
        private X509TrustManager trustManager;
        private Proxy proxy;
        private TransportListener listener = TransportListener.NONE;
        private LogRedaction logRedaction = LogRedaction.DEFAULT;

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.baseClient = baseClient;
            copy.ownPool = ownPool;
            copy.connectTimeout = connectTimeout;
            copy.readTimeout = readTimeout;
            copy.writeTimeout = writeTimeout;
            copy.callTimeout = callTimeout;
            pins.forEach((host, list) -> copy.pins.put(host, new ArrayList<>(list)));
            copy.trustManager = trustManager;
            copy.proxy = proxy;
            copy.listener = listener;
            copy.logRedaction = logRedaction;
            return copy;
        }

        /**
         * Derive from the host application's client ({@code newBuilder()}), sharing its connection
         * pool and dispatcher. Its interceptors and event listener are kept; its retry, redirect and
         * timeout settings are overridden as this transport requires.
         *
         * @param client the host's client
         * @return this builder
         */
        public Builder baseClient(OkHttpClient client) {
            this.baseClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** @param timeout TCP connect timeout, 1 ms to 10 min, default 5 s @return this builder */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @param timeout longest wait between two reads, 1 ms to 10 min, default 15 s @return this builder */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @param timeout longest wait between two writes, 1 ms to 10 min, default 10 s @return this builder */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param timeout the whole call, DNS to end of body, 1 ms to 10 min, default 30 s; never
         *     unlimited, and at least the connect timeout
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Pins the certificates of a host: a connection succeeds only if the server's chain holds a
         * certificate whose public key (SPKI) has one of these SHA-256 hashes. Pins add to those
         * already given for the host. Without pins the platform trust store alone decides.
         *
         * @param hostPattern a host name, or {@code *.example.com} / {@code **.example.com}
         * @param pins {@code sha256/} followed by the base64 of a 32-byte hash
         * @return this builder
         */
        public Builder certificatePin(String hostPattern, String... pins) {
            this.pins.computeIfAbsent(Objects.requireNonNull(hostPattern, "hostPattern"), h -> new ArrayList<>())
                    .addAll(List.of(pins));
            return this;
        }

        /**
         * Trust these CAs instead of the platform trust store (a private CA, a test server). Most
         * integrations leave this unset.
         *
         * @param trustManager what decides whether a server certificate chain is trusted
         * @return this builder
         */
        public Builder trustManager(X509TrustManager trustManager) {
            this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
            return this;
        }

        /** @param proxy the proxy every call goes through, or {@link Proxy#NO_PROXY} @return this builder */
        public Builder proxy(Proxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /** @param listener told every call's latency and outcome, default {@link TransportListener#NONE} @return this builder */
        public Builder listener(TransportListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @param logRedaction what the DEBUG log masks, default {@link LogRedaction#DEFAULT} @return this builder */
        public Builder logRedaction(LogRedaction logRedaction) {
            this.logRedaction = Objects.requireNonNull(logRedaction, "logRedaction");
            return this;
        }

        /**
         * @return the transport
         * @throws ConfigurationException naming the first setting that cannot work
         */
        public GatewayTransport build() {
            checkTimeout("connectTimeout", connectTimeout);
            checkTimeout("readTimeout", readTimeout);
            checkTimeout("writeTimeout", writeTimeout);
            checkTimeout("callTimeout", callTimeout);
            if (callTimeout.compareTo(connectTimeout) < 0) {
                throw new ConfigurationException("callTimeout", callTimeout + " is shorter than connectTimeout "
                        + connectTimeout + "; the call timeout bounds the whole call and must be at least the connect timeout");
            }
            OkHttpOnClassPath.problem().ifPresent(problem -> {
                throw new ConfigurationException("okhttp", problem);
            });
            CertificatePinner pinner = CertificatePins.pinner(pins);
            SSLContext tlsContext = trustManager != null ? sslContext() : null;
            X509TrustManager trust = trustManager; // the lazy https client must not see later changes to this builder
            boolean ownsBase = baseClient == null;
            OkHttpClient base = ownsBase ? (ownPool != null ? ownPool
                    : new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build()) : baseClient;
            EventListener.Factory hostListeners = base.eventListenerFactory();
            OkHttpClient.Builder client = base.newBuilder()
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .writeTimeout(writeTimeout)
                    .callTimeout(callTimeout)
                    .retryOnConnectionFailure(false)
                    .followRedirects(false)
                    .followSslRedirects(false)
                    .addNetworkInterceptor(CallGuards.resendGuard())
                    .eventListenerFactory(call -> CallState.trackingListener(call, hostListeners));
            if (proxy != null) {
                client.proxy(proxy);
            }
            Builder frozen = copy();
            frozen.baseClient = null;
            frozen.ownPool = null;
            SchemeClients clients;
            if (ownsBase) {
                OkHttpClient cleartext = client.build();
                clients = SchemeClients.lazyTls(cleartext, () -> withTls(cleartext.newBuilder()
                        .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)), pinner, tlsContext, trust)
                        .build());
            } else {
                clients = SchemeClients.single(withTls(client, pinner, tlsContext, trust).build());
            }
            return new GatewayTransport(frozen, base, ownsBase, clients);
        }

        private static OkHttpClient.Builder withTls(OkHttpClient.Builder client, CertificatePinner pinner,
                SSLContext tlsContext, X509TrustManager trust) {
            if (pinner != null) {
                client.certificatePinner(pinner);
            }
            if (tlsContext != null) {
                client.sslSocketFactory(tlsContext.getSocketFactory(), trust);
            }
            return client;
        }

        private static void checkTimeout(String setting, Duration timeout) {
            if (timeout.toMillis() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new ConfigurationException(setting, timeout + " is outside 1 ms..10 min");
            }
        }

        private SSLContext sslContext() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trustManager}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new ConfigurationException("trustManager", "cannot make a TLS context with it: " + e.getMessage());
            }
        }
    }
}
