package dev.tenderkit.wechat;

import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillReader;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulated WeChat Pay on a manual clock, a gateway on the same clock, and its bills: what the bill tests
 * share. The clock starts at 10:00 Beijing time on {@link #DAY}.
 */
final class SimulatedBillDay implements AutoCloseable {
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final SimulatedWeChatPayKeys KEYS = SimulatedWeChatPayKeys.generate();

    final ManualTaskScheduler clock = new ManualTaskScheduler(
            OffsetDateTime.parse("2026-12-02T10:00:00+08:00").toInstant());
    final SimulatedWeChatPay wechat;
    final WeChatPayGateway gateway;
    final Path dir;

    SimulatedBillDay(Path dir) {
        this.dir = dir;
        this.wechat = SimulatedWeChatPay.builder(KEYS).scheduler(clock).start();
        WeChatPayCredentials credentials = WeChatPayCredentials.builder().mchid(wechat.mchid()).appid(wechat.appid())
                .merchantPrivateKey(KEYS.merchantPrivateKeyPem()).merchantSerialNumber(KEYS.merchantCertificateSerial())
                .apiV3Key(KEYS.apiV3Key()).wechatPayPublicKey(KEYS.wechatPublicKeyPem(), KEYS.publicKeyId()).build();
        this.gateway = WeChatPayGateway.builder().credentials(credentials)
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(10))
                        .callTimeout(Duration.ofSeconds(20)).build())
                .baseUrl(wechat.baseUrl()).deviceId("POS-01").storeId("S-1").clock(clock.clock()).build();
    }

    WeChatPayBills bills() {
        return bills(Long.MAX_VALUE);
    }

    WeChatPayBills bills(long maxBytes) {
        return WeChatPayBills.builder().gateway(gateway).gatewayId("wechat-direct").temporaryDirectory(dir)
                .maxBytes(maxBytes).build();
    }

    /** Moves the clock past the end of {@link #DAY} in UTC+8. */
    void afterMidnight() {
        Instant target = OffsetDateTime.parse("2026-12-03T00:30:00+08:00").toInstant();
        clock.advance(Duration.between(clock.now(), target));
    }

    /** @return every entry of an available bill, the reader closed */
    static List<BillEntry> entries(BillDownload download) {
        if (!(download instanceof BillDownload.Available a)) {
            throw new AssertionError("expected a bill, got " + download);
        }
        List<BillEntry> all = new ArrayList<>();
        try (BillReader r = a.reader()) {
            for (Optional<BillEntry> e = r.next(); e.isPresent(); e = r.next()) {
                all.add(e.get());
            }
        }
        return all;
    }

    @Override
    public void close() {
        wechat.close();
    }
}
