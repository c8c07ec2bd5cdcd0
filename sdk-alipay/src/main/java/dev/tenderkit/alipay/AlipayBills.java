package dev.tenderkit.alipay;

import dev.tenderkit.alipay.AlipayCall.Answer;
import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.BillSource;
import dev.tenderkit.core.reconcile.BillUnavailableException;
import dev.tenderkit.transport.http.GatewayRequest;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.transport.http.HttpDownload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Alipay's trade bill of a business day as a {@link BillSource} (bills.md §1), built from the merchant's
 * {@link AlipayGateway} (its credentials, transport, gateway URL and clock): asks
 * {@code alipay.data.dataservice.bill.downloadurl.query} ({@code bill_type=trade}, {@code bill_date=yyyy-MM-dd})
 * through the same signed call and response verification as {@link AlipayGateway}, downloads the
 * {@code bill_download_url} at once (it lives 30 s) to a temporary file within a size limit, and hands out
 * an {@link AlipayBillReader} over the zip's {@code …_业务明细.csv}. What it decides:
 *
 * <ul>
 *   <li>a day that has not ended in UTC+8 (today, the future) is {@link BillDownload.NotReady} without a call;</li>
 *   <li>{@code 40004 isp.bill_not_exist} is {@link BillDownload.NoTrades}, but only once the day's bill is
 *       surely generated ({@link Builder#noTradesTrustedFrom}, 10:00 the next day by default): before, Alipay may
 *       say it of a bill not yet made, so it is {@link BillDownload.NotReady};</li>
 *   <li>any other refusal, an unverifiable or missing answer, a link that is not https (loopback http aside)
 *       or names another day, a download refused, too large, failed or not a zip (an expired link) throw
 *       {@link BillUnavailableException} naming the step and Alipay's code;</li>
 *   <li>a zip or file that is not the day's bill throws {@code MalformedBillException} naming line and column.</li>
 * </ul>
 *
 * Alipay signs the answer with the link but not the file (bills.md §1): the file is bound to the request by
 * its day, checked three times (the link's {@code bizDates}, the entry's name, the file's {@code #起始日期}),
 * and, when {@link Builder#merchantPid} is set, its account; beyond that only TLS protects it. Thread-safe.
 */
public final class AlipayBills implements BillSource {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String NOT_EXIST = "isp.bill_not_exist";

    private final AlipayCall call;
    private final GatewayTransport transport;
    private final Clock clock;
    private final Optional<Path> tempDirectory;
    private final long maxDownloadBytes;
    private final long maxDetailBytes;
    private final int maxLineChars;
    private final Optional<String> account;
    private final LocalTime noTradesTrustedFrom;

    private AlipayBills(Builder b) {
        this.call = b.gateway.call().withoutNotifyUrl();
        this.transport = call.transport();
        this.clock = b.gateway.clock();
        this.tempDirectory = Optional.ofNullable(b.tempDirectory);
        this.maxDownloadBytes = b.maxDownloadBytes;
        this.maxDetailBytes = b.maxDetailBytes;
        this.maxLineChars = b.maxLineChars;
        this.account = b.merchantPid.map(pid -> pid + "0156");
        this.noTradesTrustedFrom = b.noTradesTrustedFrom;
    }

    /**
     * @param gateway the merchant's gateway: its credentials, transport, gateway URL and clock are the bills'
     * @return a builder
     */
    public static Builder builder(AlipayGateway gateway) {
        return new Builder(Objects.requireNonNull(gateway, "gateway"));
    }

    /** @return {@code "alipay"}, as {@link AlipayGateway#id()} */
    @Override
    public String gatewayId() {
        return "alipay";
    }

    @Override
    public BillDownload download(LocalDate businessDay) {
        Objects.requireNonNull(businessDay, "businessDay");
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), CHINA);
        if (!businessDay.isBefore(now.toLocalDate())) {
            return new BillDownload.NotReady(businessDay, "DAY_NOT_ENDED", "the business day " + businessDay
                    + " has not ended in UTC+8 (it is " + now + " there): Alipay bills a day once it is over");
        }
        Answer a = call.send(new AlipayBizRequest.BillDownloadUrlQuery("trade", businessDay.toString()));
        String what = "Alipay's trade bill of " + businessDay;
        if (!(a instanceof Answer.Verified v)) {
            throw new BillUnavailableException(what + ": no verified answer to the link query (" + a.reason() + ")");
        }
        if (v.outcome() instanceof AlipayOutcome.Refused f) {
            if (f.error().raw().subCode().filter(NOT_EXIST::equals).isPresent()) {
                if (now.isBefore(businessDay.plusDays(1).atTime(noTradesTrustedFrom))) {
                    return new BillDownload.NotReady(businessDay, NOT_EXIST, "Alipay has no bill of " + businessDay
                            + " yet; before " + noTradesTrustedFrom + " the next day that may mean not generated");
                }
                return new BillDownload.NoTrades(businessDay, NOT_EXIST);
            }
            throw new BillUnavailableException(what + ": Alipay refused the link query: " + f.error().raw());
        }
        if (!(v.outcome() instanceof AlipayOutcome.Success s)) {
            throw new BillUnavailableException(what + ": unexpected answer to the link query: " + v.outcome());
        }
        URI link = link(s.reply(), businessDay, what);
        return new BillDownload.Available(businessDay, fetch(link, businessDay, what));
    }

    private static URI link(AlipayReply reply, LocalDate day, String what) {
        String text = reply.get("bill_download_url").orElseThrow(() -> new BillUnavailableException(what
                + ": Alipay's answer has no bill_download_url"));
        URI link;
        try {
            link = new URI(text);
        } catch (URISyntaxException e) {
            throw new BillUnavailableException(what + ": bill_download_url is not a URL", e);
        }
        if (!link.isAbsolute() || !SecureUrls.allowed(link)) {
            throw new BillUnavailableException(what + ": bill_download_url is not an https URL: refused");
        }
        String query = Optional.ofNullable(link.getRawQuery()).orElse("");
        for (String pair : query.split("&")) {
            if (pair.startsWith("bizDates=") && !pair.equals("bizDates=" + DAY.format(day))) {
                throw new BillUnavailableException(what + ": the link is for another day (" + pair + ")");
            }
        }
        return link;
    }

    private AlipayBillReader fetch(URI link, LocalDate day, String what) {
        Path file = tempFile();
        boolean handedOut = false;
        try {
            HttpDownload d = transport.download(GatewayRequest.get("alipay.bill.download", link).build(), file,
                    maxDownloadBytes);
            if (d instanceof HttpDownload.Refused r) {
                throw new BillUnavailableException(what + ": the download was refused with HTTP " + r.response().status());
            }
            if (d instanceof HttpDownload.TooLarge t) {
                throw new BillUnavailableException(what + ": the download is larger than the limit of " + t.limit()
                        + " bytes");
            }
            if (d instanceof HttpDownload.Failed f) {
                throw new BillUnavailableException(what + ": the download failed: " + f.outcome());
            }
            AlipayBillArchive archive = AlipayBillArchive.open(file, day);
            AutoCloseable release = () -> {
                archive.close();
                Files.deleteIfExists(file);
            };
            try {
                AlipayBillReader reader = new AlipayBillReader(gatewayId(), day, archive.detail(maxDetailBytes),
                        archive.source(), maxLineChars, account, release);
                handedOut = true;
                return reader;
            } finally {
                if (!handedOut) {
                    archive.close();
                }
            }
        } finally {
            if (!handedOut) {
                deleteQuietly(file);
            }
        }
    }

    private Path tempFile() {
        try {
            return tempDirectory.isPresent() ? Files.createTempFile(tempDirectory.get(), "alipay-bill-", ".zip")
                    : Files.createTempFile("alipay-bill-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bill's temporary file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind in the configured directory; nothing of it was believed
        }
    }

    /** Configures {@link AlipayBills}; {@link #build()} names the wrong setting. Not thread-safe. */
    public static final class Builder {
        private final AlipayGateway gateway;
        private Path tempDirectory;
        private long maxDownloadBytes = 64L << 20;
        private long maxDetailBytes = 1L << 30;
        private int maxLineChars = 4096;
        private Optional<String> merchantPid = Optional.empty();
        private LocalTime noTradesTrustedFrom = LocalTime.of(10, 0);

        private Builder(AlipayGateway gateway) {
            this.gateway = gateway;
        }

        /** @param dir where the download is kept while it is read (default: the JVM's temporary directory) @return this */
        public Builder tempDirectory(Path dir) {
            this.tempDirectory = dir;
            return this;
        }

        /** @param bytes the largest download accepted, the zip (default 64 MiB) @return this */
        public Builder maxDownloadBytes(long bytes) {
            this.maxDownloadBytes = bytes;
            return this;
        }

        /** @param bytes the largest detail file accepted, decompressed (default 1 GiB) @return this */
        public Builder maxDetailBytes(long bytes) {
            this.maxDetailBytes = bytes;
            return this;
        }

        /** @param chars the longest line of the file accepted (default 4096) @return this */
        public Builder maxLineChars(int chars) {
            this.maxLineChars = chars;
            return this;
        }

        /** @param pid the merchant's PID ({@code 2088…}): the bill must name its account @return this */
        public Builder merchantPid(String pid) {
            this.merchantPid = Optional.ofNullable(pid);
            return this;
        }

        /**
         * @param time from when, on the day after the business day (UTC+8), {@code isp.bill_not_exist} is taken
         *     to mean no trades (default 10:00, the time the Alipay Q&amp;A advises; bills.md §1)
         * @return this
         */
        public Builder noTradesTrustedFrom(LocalTime time) {
            this.noTradesTrustedFrom = time;
            return this;
        }

        /** @return the bill source */
        public AlipayBills build() {
            if (tempDirectory != null && !Files.isDirectory(tempDirectory)) {
                throw new ConfigurationException("tempDirectory", "is not a directory: " + tempDirectory);
            }
            if (maxDownloadBytes < 1 || maxDetailBytes < 1) {
                throw new ConfigurationException(maxDownloadBytes < 1 ? "maxDownloadBytes" : "maxDetailBytes",
                        "must be positive");
            }
            if (maxLineChars < 256) {
                throw new ConfigurationException("maxLineChars", "must be at least 256: a bill row is longer");
            }
            if (merchantPid.filter(p -> !p.matches("2088[0-9]{12}")).isPresent()) {
                throw new ConfigurationException("merchantPid", "a PID is 2088 and 12 digits, got " + merchantPid.get());
            }
            if (noTradesTrustedFrom == null) {
                throw new ConfigurationException("noTradesTrustedFrom", "is required");
            }
            return new AlipayBills(this);
        }
    }
}
