package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.time.TaskScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures and starts a {@link SimulatedWeChatPay}: {@code SimulatedWeChatPay.builder(keys)}, the
 * settings a test needs, then {@link #start()}. Every setting has a default that works offline.
 * Not thread-safe; the simulator it starts is.
 */
public final class SimulatedWeChatPayBuilder {
    final SimulatedWeChatPayKeys keys;
    String mchid = "1900000109";
    String appid = "wxd678efh567hg6787";
    PublicKey merchantPublicKey;
    String merchantSerial;
    TaskScheduler scheduler;
    Path ledgerFile;
    boolean publicKeyMode = true;
    boolean platformCertificates = true;
    CallbackSchedule callbackSchedule = CallbackSchedule.wechat();
    Duration refundSettlesAfter = Duration.ofMinutes(1);
    Duration requestWindow = RequestAuth.WINDOW;

    SimulatedWeChatPayBuilder(SimulatedWeChatPayKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.merchantPublicKey = keys.merchantPublicKey();
        this.merchantSerial = keys.merchantCertificateSerial();
    }

    /** @param id the merchant number (商户号) requests must carry (default {@code 1900000109}) @return this */
    public SimulatedWeChatPayBuilder mchid(String id) {
        this.mchid = Objects.requireNonNull(id, "mchid");
        return this;
    }

    /** @param id the appid bound to the merchant (default {@code wxd678efh567hg6787}) @return this */
    public SimulatedWeChatPayBuilder appid(String id) {
        this.appid = Objects.requireNonNull(id, "appid");
        return this;
    }

    /**
     * The merchant key requests are verified with (default: the keys' merchant pair and certificate).
     *
     * @param publicKey the merchant API public key
     * @param certificateSerial the merchant API certificate serial requests must name in {@code serial_no}
     * @return this
     */
    public SimulatedWeChatPayBuilder merchantKey(PublicKey publicKey, String certificateSerial) {
        this.merchantPublicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.merchantSerial = Objects.requireNonNull(certificateSerial, "certificateSerial");
        return this;
    }

    /**
     * @param s where time passes for the simulator: its clock (timestamps it checks and signs, order
     *     and refund times, the 45 s auto-revoke) and its timers (auto-revoke, refund settlement,
     *     callbacks and their resends). Default: its own threads, real time. A
     *     {@code ManualTaskScheduler} runs all of it on virtual time, on the test's thread.
     * @return this
     */
    public SimulatedWeChatPayBuilder scheduler(TaskScheduler s) {
        this.scheduler = Objects.requireNonNull(s, "scheduler");
        return this;
    }

    /**
     * How far a request's signed {@code timestamp} may be from the simulator's clock, in whole
     * seconds as WeChat Pay compares them; further is 401 {@code SIGN_ERROR} and the request does
     * nothing. Default 5 minutes, WeChat's. Shorter lets a test see, in seconds, that a request lost
     * in the network cannot take effect once its window has passed.
     *
     * @param window at least one second
     * @return this
     */
    public SimulatedWeChatPayBuilder requestWindow(Duration window) {
        if (window == null || window.getSeconds() < 1) {
            throw new IllegalArgumentException("requestWindow must be at least one second, got " + window);
        }
        this.requestWindow = window;
        return this;
    }

    /** @param file where the ledger is written (atomically) after every change @return this */
    public SimulatedWeChatPayBuilder ledgerFile(Path file) {
        this.ledgerFile = Objects.requireNonNull(file, "ledgerFile");
        return this;
    }

    /**
     * @param on public-key mode (default on): answers and callbacks announce {@code PUB_KEY_ID_…}
     *     unless a request asks for the platform certificate's serial
     * @return this
     */
    public SimulatedWeChatPayBuilder publicKeyMode(boolean on) {
        this.publicKeyMode = on;
        return this;
    }

    /**
     * @param on platform certificates (default on): {@code GET /v3/certificates} serves the
     *     certificate; off, it answers 404 RESOURCE_NOT_EXISTS as for a new merchant
     * @return this
     */
    public SimulatedWeChatPayBuilder platformCertificates(boolean on) {
        this.platformCertificates = on;
        return this;
    }

    /** @param schedule when unacknowledged callbacks are resent (default {@link CallbackSchedule#wechat()}) @return this */
    public SimulatedWeChatPayBuilder callbackSchedule(CallbackSchedule schedule) {
        this.callbackSchedule = Objects.requireNonNull(schedule, "callbackSchedule");
        return this;
    }

    /** @param after how long a refund stays PROCESSING unless queried (default 1 minute) @return this */
    public SimulatedWeChatPayBuilder refundSettlesAfter(Duration after) {
        this.refundSettlesAfter = Objects.requireNonNull(after, "refundSettlesAfter");
        return this;
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @return the running simulator
     * @throws IllegalArgumentException naming the setting that is wrong
     * @throws UncheckedIOException if it cannot listen
     */
    public SimulatedWeChatPay start() {
        if (!mchid.matches("\\d{8,12}")) {
            throw new IllegalArgumentException("mchid: a WeChat Pay merchant number is 8 to 12 digits, was '" + mchid + "'");
        }
        if (appid.isBlank()) {
            throw new IllegalArgumentException("appid: must not be blank");
        }
        if (!merchantSerial.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("merchantKey: the certificate serial must be hex, was '" + merchantSerial + "'");
        }
        if (!publicKeyMode && !platformCertificates) {
            throw new IllegalArgumentException("publicKeyMode, platformCertificates: at least one must be on,"
                    + " else nothing the simulator signs could be verified");
        }
        if (refundSettlesAfter.isNegative()) {
            throw new IllegalArgumentException("refundSettlesAfter: must not be negative, was " + refundSettlesAfter);
        }
        try {
            return new SimulatedWeChatPay(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated WeChat Pay", e);
        }
    }
}
