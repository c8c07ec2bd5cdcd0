package dev.tenderkit.wechat;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.BillReader;
import dev.tenderkit.core.reconcile.BillSource;
import dev.tenderkit.core.reconcile.BillUnavailableException;
import dev.tenderkit.transport.http.HttpDownload;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat Pay's trade bill of a business day as a {@link BillSource} (bills.md §2), for the same merchant, keys
 * and transport as a {@link WeChatPayGateway}: {@code GET /v3/bill/tradebill?bill_date=…&bill_type=ALL&tar_type=GZIP},
 * signed, its answer verified like every answer of the gateway (signature, serial, clock) before its
 * {@code hash_value} and {@code download_url} are believed; then the signed GET of the download link, whose
 * answer WeChat Pay does not sign, streamed to a temporary file within the size limit, decompressed to a second
 * one while its SHA-1 is compared with the signed hash, and only then handed out as a
 * {@link dev.tenderkit.core.reconcile.BillReader} that checks the bill's summary at its end.
 *
 * <p>{@code NO_STATEMENT_EXIST} is {@link BillDownload.NoTrades}; {@code STATEMENT_CREATING} and a day that has
 * not ended in UTC+8 (asked about without a call) are {@link BillDownload.NotReady}; every other refusal, an
 * unverifiable answer, a failed or refused download and a bill over the limit are
 * {@link BillUnavailableException}; a file whose hash does not match or that is not a bill is a
 * {@link dev.tenderkit.core.reconcile.MalformedBillException}. Thread-safe; each call fetches afresh.
 */
public final class WeChatPayBills implements BillSource {
    private static final Logger LOG = LoggerFactory.getLogger(WeChatPayBills.class);
    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

    private final WeChatPayCall call;
    private final Clock clock;
    private final String gatewayId;
    private final Path directory;
    private final long maxBytes;
    private final URI base;

    private WeChatPayBills(Builder b) {
        this.call = b.gateway.call();
        this.clock = b.gateway.clock();
        this.gatewayId = b.gatewayId;
        this.directory = b.directory;
        this.maxBytes = b.maxBytes;
        this.base = call.base();
    }

    /** @return a builder; the gateway and its id in the engine are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a trade bill (bill_type ALL, uncompressed) that was obtained another way — saved from the merchant
     * platform, or downloaded earlier — with the same checks and the same entries as a download. There is no hash
     * to compare it with: its integrity is the caller's. The reader owns the file: closing it deletes the file.
     *
     * @param file the bill, UTF-8 CSV as WeChat Pay writes it
     * @param businessDay the day the bill covers
     * @param mchid the merchant number its rows must carry
     * @param gatewayId the gateway id the store's trades name (the gateway's {@code id()})
     * @return the reader
     */
    public static BillReader readFile(Path file, LocalDate businessDay, String mchid, String gatewayId) {
        return new TradeBillReader(Objects.requireNonNull(file, "file"), file.getFileName().toString(),
                Objects.requireNonNull(gatewayId, "gatewayId"), Objects.requireNonNull(businessDay, "businessDay"),
                Objects.requireNonNull(mchid, "mchid"));
    }

    @Override
    public String gatewayId() {
        return gatewayId;
    }

    @Override
    public BillDownload download(LocalDate businessDay) {
        Objects.requireNonNull(businessDay, "businessDay");
        LocalDate today = clock.instant().atOffset(TradeBillRows.CHINA).toLocalDate();
        if (!businessDay.isBefore(today)) {
            return new BillDownload.NotReady(businessDay, "DAY_NOT_ENDED", "the business day " + businessDay
                    + " has not ended in UTC+8 (today is " + today + "): WeChat Pay bills a day after it ends");
        }
        WeChatPayAnswer a = call.send("wechat.tradebill", "GET", "/v3/bill/tradebill?bill_date=" + businessDay
                + "&bill_type=ALL&tar_type=GZIP", Optional.empty());
        if (a instanceof WeChatPayAnswer.Refused f) {
            switch (f.code()) {
                case "NO_STATEMENT_EXIST":
                    return new BillDownload.NoTrades(businessDay, f.code());
                case "STATEMENT_CREATING":
                    return new BillDownload.NotReady(businessDay, f.code(), f.error().raw().message());
                default:
                    throw new BillUnavailableException("WeChat Pay refused the trade bill of " + businessDay + ": "
                            + f.error().raw());
            }
        }
        if (!(a instanceof WeChatPayAnswer.Ok ok)) {
            throw new BillUnavailableException("the trade bill of " + businessDay + " was not applied for: "
                    + a.reason());
        }
        String hashType = ok.body().string("hash_type").orElse("");
        String hash = ok.body().string("hash_value").orElse("");
        Optional<URI> link = ok.body().string("download_url").flatMap(this::link);
        if (!hashType.equalsIgnoreCase("SHA1") || !SHA1_HEX.matcher(hash).matches() || link.isEmpty()) {
            throw new BillUnavailableException("WeChat Pay's answer for the trade bill of " + businessDay
                    + " has no SHA1 hash_value and https download_url on its host (hash_type \"" + hashType + "\")");
        }
        String source = "wechat-tradebill-" + mchid() + "-" + businessDay + ".csv";
        Path gz = temp(businessDay, ".gz");
        HttpDownload d;
        try {
            d = call.download("wechat.billdownload", link.get(), gz, maxBytes);
        } catch (java.io.UncheckedIOException e) {
            BillFileCheck.deleteQuietly(gz);
            throw new BillUnavailableException("writing the trade bill of " + businessDay + " to " + directory
                    + " failed: " + e.getMessage(), e);
        }
        if (!(d instanceof HttpDownload.Saved)) {
            BillFileCheck.deleteQuietly(gz);
            throw new BillUnavailableException("downloading the trade bill of " + businessDay + " failed: "
                    + describe(d));
        }
        Path plain = BillFileCheck.verified(gz, temp(businessDay, ".csv"), hash, maxBytes, source);
        LOG.info("WeChat Pay trade bill of {} downloaded ({} bytes) and its SHA-1 matches", businessDay,
                ((HttpDownload.Saved) d).size());
        try {
            return new BillDownload.Available(businessDay, new TradeBillReader(plain, source, gatewayId, businessDay,
                    mchid()));
        } catch (RuntimeException e) {
            BillFileCheck.deleteQuietly(plain);
            throw e;
        }
    }

    private String mchid() {
        return call.credentials().mchid();
    }

    /** @return the link, when it is https, or on the gateway's own host (a loopback simulator over http) */
    private Optional<URI> link(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        boolean sameOrigin = scheme.equals(base.getScheme()) && Objects.equals(u.getHost(), base.getHost())
                && u.getPort() == base.getPort();
        return scheme.equals("https") && u.getHost() != null || sameOrigin ? Optional.of(u) : Optional.empty();
    }

    private static String describe(HttpDownload d) {
        if (d instanceof HttpDownload.Refused r) {
            String body = r.response().rawBody();
            return "HTTP " + r.response().status() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
        if (d instanceof HttpDownload.TooLarge t) {
            return "the file is larger than the limit of " + t.limit() + " bytes";
        }
        return ((HttpDownload.Failed) d).outcome().toString();
    }

    private Path temp(LocalDate day, String suffix) {
        try {
            return Files.createTempFile(directory, "wechat-bill-" + day + "-", suffix);
        } catch (IOException e) {
            throw new BillUnavailableException("cannot create a temporary file for the trade bill of " + day + " in "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    /** Configures a {@link WeChatPayBills}; {@link #build()} names the setting that cannot work. Not thread-safe. */
    public static final class Builder {
        private WeChatPayGateway gateway;
        private String gatewayId;
        private Path directory = java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"));
        private long maxBytes = 512L * 1024 * 1024;

        private Builder() {
        }

        /** @param gateway the merchant's gateway: its keys, verification, transport and clock are used @return this */
        public Builder gateway(WeChatPayGateway gateway) {
            this.gateway = gateway;
            return this;
        }

        /** @param id the id the gateway is registered under in the payment engine, e.g. {@code wechat-direct} @return this */
        public Builder gatewayId(String id) {
            this.gatewayId = id;
            return this;
        }

        /** @param dir where the bill's temporary files go (default {@code java.io.tmpdir}) @return this */
        public Builder temporaryDirectory(Path dir) {
            this.directory = dir;
            return this;
        }

        /** @param bytes the largest bill accepted, compressed and decompressed (default 512 MiB) @return this */
        public Builder maxBytes(long bytes) {
            this.maxBytes = bytes;
            return this;
        }

        /** @return the bill source */
        public WeChatPayBills build() {
            if (gateway == null) {
                throw new ConfigurationException("gateway", "WeChat Pay bills need the merchant's WeChatPayGateway");
            }
            if (gatewayId == null || gatewayId.isBlank()) {
                throw new ConfigurationException("gatewayId", "is required: the id the gateway is registered under in "
                        + "the payment engine, as trades record it (e.g. wechat-direct)");
            }
            if (directory == null || !Files.isDirectory(directory) || !Files.isWritable(directory)) {
                throw new ConfigurationException("temporaryDirectory", "must be a writable directory: " + directory);
            }
            if (maxBytes < 1) {
                throw new ConfigurationException("maxBytes", "must be positive, was " + maxBytes);
            }
            return new WeChatPayBills(this);
        }
    }
}
