package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.time.TaskScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Configures and starts a {@link SimulatedAlipay}: {@code SimulatedAlipay.builder(keys)}, the settings
 * a test needs, then {@link #start()}. Every setting has a default that works offline. Not
 * thread-safe; the simulator it starts is.
 */
public final class SimulatedAlipayBuilder {
    final SimulatedAlipayKeys keys;
    String appId = "2021000000000001";
    Clock clock = Clock.systemUTC();
    Path ledgerFile;
    SimulatedAlipayCertificates certificates;
    String sellerId = "2088000000000002";
    NotificationSchedule notificationSchedule = NotificationSchedule.alipay();
    TaskScheduler notificationScheduler;
    FeeRate serviceFeeRate = FeeRate.parse("0.6%");

    SimulatedAlipayBuilder(SimulatedAlipayKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** @param id the app id requests must carry (default {@code 2021000000000001}) @return this */
    public SimulatedAlipayBuilder appId(String id) {
        this.appId = Objects.requireNonNull(id, "appId");
        return this;
    }

    /** @param c the clock for payment and refund times (default: the system clock) @return this */
    public SimulatedAlipayBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /** @param file where the ledger is written (atomically) after every request that changes it @return this */
    public SimulatedAlipayBuilder ledgerFile(Path file) {
        this.ledgerFile = Objects.requireNonNull(file, "ledgerFile");
        return this;
    }

    /**
     * @param id the merchant's PID, sent as {@code seller_id} in notifications (default
     *     {@code 2088000000000002})
     * @return this
     */
    public SimulatedAlipayBuilder sellerId(String id) {
        this.sellerId = Objects.requireNonNull(id, "sellerId");
        return this;
    }

    /**
     * @param schedule when a notification not answered {@code success} is resent (default
     *     {@link NotificationSchedule#alipay()}: minutes to hours; compress it in tests)
     * @return this
     */
    public SimulatedAlipayBuilder notificationSchedule(NotificationSchedule schedule) {
        this.notificationSchedule = Objects.requireNonNull(schedule, "notificationSchedule");
        return this;
    }

    /**
     * @param scheduler where notification deliveries and resends run (default: the simulator's own
     *     threads, in real time). A {@code ManualTaskScheduler} delivers only when the test
     *     advances its virtual time, on the test's thread: Alipay's real schedule, checked
     *     without waiting. Pair it with {@link #clock} set to the same virtual clock.
     * @return this
     */
    public SimulatedAlipayBuilder notificationScheduler(TaskScheduler scheduler) {
        this.notificationScheduler = Objects.requireNonNull(scheduler, "notificationScheduler");
        return this;
    }

    /**
     * Certificate mode (公钥证书): requests must carry this app certificate's {@code app_cert_sn}
     * (else 40002 {@code isv.app-cert-not-exist}) and the root bundle's {@code alipay_root_cert_sn}
     * (else 40002 {@code isv.invalid-alipay-root-cert-sn}); every answer carries
     * {@code alipay_cert_sn}. Default: public-key mode, where neither is checked.
     *
     * @param certs certificates issued for this simulator's keys ({@link SimulatedAlipayCertificates#issue})
     * @return this
     */
    public SimulatedAlipayBuilder certificates(SimulatedAlipayCertificates certs) {
        this.certificates = Objects.requireNonNull(certs, "certificates");
        return this;
    }

    /**
     * @param rate the service fee (服务费) the trade bills charge every payment, rounded half up to the fen
     *     (default 0.6%, face-to-face payment's standard rate); {@link SimulatedAlipayBills#serviceFeeRate(String,
     *     FeeRate)} and {@link SimulatedAlipayBills#serviceFeeRateForChannel} override it
     * @return this
     */
    public SimulatedAlipayBuilder serviceFeeRate(FeeRate rate) {
        this.serviceFeeRate = Objects.requireNonNull(rate, "serviceFeeRate");
        return this;
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @return the running simulator
     * @throws IllegalArgumentException if the app id is blank, or the certificates were issued for other keys
     * @throws UncheckedIOException if it cannot listen
     */
    public SimulatedAlipay start() {
        if (appId.isBlank()) {
            throw new IllegalArgumentException("appId: must not be blank");
        }
        if (certificates != null && !certificates.certify(keys)) {
            throw new IllegalArgumentException("certificates: issued for other keys than this simulator's;"
                    + " issue them with SimulatedAlipayCertificates.issue(keys, appId)");
        }
        try {
            return new SimulatedAlipay(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated Alipay", e);
        }
    }
}
