package dev.tenderkit.wechat;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.http.GatewayTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a {@link WeChatPayGateway}; {@link #build()} names the first setting that cannot work.
 * Required: the merchant's {@link WeChatPayCredentials}, a {@link GatewayTransport}, the device id
 * and the store id sent as {@code scene_info} with every barcode payment; in platform-certificate
 * mode also a {@link TaskScheduler} to refresh the certificates on. Not thread-safe; the gateway is.
 */
public final class WeChatPayGatewayBuilder {
    /** WeChat Pay's production API host. */
    public static final URI PRODUCTION = URI.create("https://api.mch.weixin.qq.com");

    private WeChatPayCredentials credentials;
    private GatewayTransport transport;
    private URI baseUrl = PRODUCTION;
    private String deviceId;
    private String storeId;
    private Optional<String> notifyUrl = Optional.empty();
    private GatewayTiming timing = WeChatPayGateway.TIMING;
    private Clock clock = Clock.systemUTC();
    private TaskScheduler scheduler;
    private Duration refreshEvery = Duration.ofMinutes(60);
    private Duration retryAfter = Duration.ofMinutes(1);

    WeChatPayGatewayBuilder() {
    }

    /** The settings a built gateway reads. */
    record Settings(String deviceId, String storeId, Optional<String> notifyUrl, GatewayTiming timing, Clock clock) {
    }

    /** @param credentials the merchant's credentials @return this */
    public WeChatPayGatewayBuilder credentials(WeChatPayCredentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /** @param transport the HTTP transport (may be shared by several gateways) @return this */
    public WeChatPayGatewayBuilder transport(GatewayTransport transport) {
        this.transport = transport;
        return this;
    }

    /** @param url the API host; default {@link #PRODUCTION}; plain http only to loopback @return this */
    public WeChatPayGatewayBuilder baseUrl(URI url) {
        this.baseUrl = url;
        return this;
    }

    /** @param id the terminal's device id ({@code scene_info.device_id}) @return this */
    public WeChatPayGatewayBuilder deviceId(String id) {
        this.deviceId = id;
        return this;
    }

    /** @param id the merchant's store id ({@code scene_info.store_info}) @return this */
    public WeChatPayGatewayBuilder storeId(String id) {
        this.storeId = id;
        return this;
    }

    /** @param url where WeChat Pay posts callbacks (native payments and refunds) @return this */
    public WeChatPayGatewayBuilder notifyUrl(String url) {
        this.notifyUrl = Optional.of(url);
        return this;
    }

    /** @param timing polling and reversal timing; default {@link WeChatPayGateway#TIMING} @return this */
    public WeChatPayGatewayBuilder timing(GatewayTiming timing) {
        this.timing = timing;
        return this;
    }

    /**
     * @param clock the clock for request timestamps and the answers' five-minute check; default the
     *     scheduler's clock when a scheduler is set, else UTC system time
     * @return this
     */
    public WeChatPayGatewayBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * @param scheduler where platform certificates are refreshed (required in platform-certificate mode)
     * @return this
     */
    public WeChatPayGatewayBuilder scheduler(TaskScheduler scheduler) {
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
        return this;
    }

    /**
     * @param every how often to download the platform certificates; default 60 min
     * @param retry how soon to try again after a failed download; default 1 min
     * @return this
     */
    public WeChatPayGatewayBuilder certificateRefresh(Duration every, Duration retry) {
        this.refreshEvery = every;
        this.retryAfter = retry;
        return this;
    }

    /** @return the gateway; in platform-certificate mode its first download is scheduled at once */
    public WeChatPayGateway build() {
        if (credentials == null) {
            throw new ConfigurationException("credentials", "a WeChat Pay gateway needs the merchant's credentials");
        }
        if (transport == null) {
            throw new ConfigurationException("transport", "a WeChat Pay gateway needs a GatewayTransport");
        }
        if (deviceId == null || deviceId.isBlank()) {
            throw new ConfigurationException("deviceId", "is required: the terminal's id, sent as scene_info.device_id");
        }
        if (storeId == null || storeId.isBlank()) {
            throw new ConfigurationException("storeId", "is required: the store's id, sent as scene_info.store_info");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new ConfigurationException("baseUrl", "must be an https URL (plain http only to a loopback "
                    + "simulator: 127.0.0.1, localhost or [::1]), got " + baseUrl);
        }
        if (credentials.usesPlatformCertificates() && scheduler == null) {
            throw new ConfigurationException("scheduler", "platform-certificate mode refreshes the certificates in "
                    + "the background: set a TaskScheduler (e.g. the payment engine's)");
        }
        if (refreshEvery == null || refreshEvery.isNegative() || refreshEvery.isZero() || retryAfter == null
                || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new ConfigurationException("certificateRefresh", "both intervals must be positive");
        }
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(clock, "clock");
        AnswerKeys keys = new AnswerKeys(credentials);
        WeChatPayCall call = new WeChatPayCall(credentials, transport, baseUrl, new AnswerVerifier(keys, clock), clock,
                keys::requestSerial);
        Optional<PlatformCertificates> certs = Optional.empty();
        if (credentials.usesPlatformCertificates()) {
            certs = Optional.of(new PlatformCertificates(call, keys, scheduler, refreshEvery, retryAfter));
        }
        WeChatPayGateway g = new WeChatPayGateway(call, new Settings(deviceId, storeId, notifyUrl, timing, clock), certs);
        certs.ifPresent(PlatformCertificates::start);
        return g;
    }
}
