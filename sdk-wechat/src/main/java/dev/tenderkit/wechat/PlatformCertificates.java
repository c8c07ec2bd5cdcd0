package dev.tenderkit.wechat;

import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.crypto.BoundVerifier;
import dev.tenderkit.core.crypto.Certificates;
import dev.tenderkit.core.time.TaskScheduler;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platform-certificate mode for one gateway (wechatpay.md §2): downloads
 * {@code GET /v3/certificates?algorithm_type=RSA} ({@code SM2} in the SM2 scheme), decrypts each
 * certificate with the APIv3 key (AEAD_AES_256_GCM, or AEAD_SM4_GCM for SM2: an entry in the other
 * algorithm is refused; only WeChat Pay and the merchant can produce either), checks that each is
 * WeChat Pay's (its serial is the one announced, it is not the merchant's own key, it is valid
 * today), verifies the answer's signature with those certificates (or the ones already known), and
 * only then replaces the gateway's set. Refreshes on the injected {@link TaskScheduler}: every
 * {@code refreshEvery} after a success, sooner after a failure. Per gateway, never a global
 * registry: two merchants' gateways in one JVM never see each other's certificates. Thread-safe.
 */
final class PlatformCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformCertificates.class);
    static final String PATH = path(SigningScheme.RSA);

    private final WeChatPayCall call;
    private final AnswerKeys keys;
    private final WeChatPayCredentials credentials;
    private final TaskScheduler scheduler;
    private final Duration refreshEvery;
    private final Duration retryAfter;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<TaskScheduler.Cancellable> next = new AtomicReference<>();

    PlatformCertificates(WeChatPayCall call, AnswerKeys keys, TaskScheduler scheduler, Duration refreshEvery,
            Duration retryAfter) {
        this.call = call;
        this.keys = keys;
        this.credentials = call.credentials();
        this.scheduler = scheduler;
        this.refreshEvery = refreshEvery;
        this.retryAfter = retryAfter;
    }

    /** @return the download's path and query for a scheme's certificates */
    static String path(SigningScheme scheme) {
        return "/v3/certificates?algorithm_type=" + scheme.certificateType();
    }

    /** Schedules the first download now and each later one from the last. */
    void start() {
        schedule(Duration.ZERO);
    }

    void stop() {
        stopped.set(true);
        TaskScheduler.Cancellable c = next.getAndSet(null);
        if (c != null) {
            c.cancel();
        }
    }

    private void schedule(Duration delay) {
        if (!stopped.get()) {
            next.set(scheduler.schedule(() -> scheduler.blockingExecutor().execute(this::refreshAndReschedule), delay));
        }
    }

    private void refreshAndReschedule() {
        CertificateRefresh r;
        try {
            r = refresh();
        } catch (RuntimeException e) {
            r = new CertificateRefresh(keys.platformSerials(), Optional.of("refresh failed: " + e));
        }
        if (r.failure().isPresent()) {
            LOG.warn("WeChat Pay platform certificates of merchant {} not refreshed: {}", credentials.mchid(),
                    r.failure().get());
        }
        schedule(r.succeeded() ? refreshEvery : retryAfter);
    }

    /** @return what one download came to; the known certificates are replaced only on success */
    CertificateRefresh refresh() {
        AtomicReference<String> problem = new AtomicReference<>();
        Map<String, BoundVerifier> found = new HashMap<>();
        AtomicReference<String> newest = new AtomicReference<>();
        String path = path(credentials.signingScheme());
        WeChatPayAnswer a = call.send("wechat.certificates", "GET", path, Optional.empty(), raw -> {
            Map<String, BoundVerifier> carried = new HashMap<>();
            problem.set(decrypt(raw, carried, newest));
            found.putAll(carried);
            Map<String, BoundVerifier> all = new HashMap<>(carried);
            for (String s : keys.platformSerials()) {
                keys.forSerial(s).ifPresent(v -> all.putIfAbsent(s, v));
            }
            return new AnswerVerifier(keys.withPlatformCertificates(all), scheduler.clock());
        });
        if (!(a instanceof WeChatPayAnswer.Ok)) {
            // the certificates' own problem first: a wrong APIv3 key also leaves the answer unverified
            return new CertificateRefresh(keys.platformSerials(), Optional.of(problem.get() == null ? a.reason()
                    : problem.get() + " (and so: " + a.reason() + ")"));
        }
        if (problem.get() != null) {
            return new CertificateRefresh(keys.platformSerials(), Optional.of(problem.get()));
        }
        keys.replacePlatformCertificates(found);
        keys.newest(newest.get());
        return new CertificateRefresh(found.keySet(), Optional.empty());
    }

    /** @return why the body's certificates cannot be used, or null when every one decrypted and checked */
    private String decrypt(String raw, Map<String, BoundVerifier> out, AtomicReference<String> newest) {
        Optional<JsonObject> body = JsonObject.parse(raw);
        if (body.isEmpty() || !(body.get().raw("data") instanceof List<?> data) || data.isEmpty()) {
            return "the answer carries no certificate list";
        }
        Instant now = scheduler.clock().instant();
        Instant latest = Instant.MIN;
        for (Object o : data) {
            if (!(o instanceof JsonObject item)) {
                return "a certificate entry is not an object";
            }
            JsonObject enc = item.object("encrypt_certificate");
            Optional<String> serial = item.string("serial_no");
            String algorithm = credentials.apiV3Cipher().algorithm();
            if (serial.isEmpty() || !enc.string("algorithm").filter(algorithm::equals).isPresent()) {
                return "a certificate entry lacks serial_no or is not " + algorithm + " (algorithm "
                        + enc.string("algorithm").orElse("absent") + ", credentials " + credentials.signingScheme() + ")";
            }
            X509Certificate cert;
            try {
                String pem = credentials.apiV3Cipher().decryptToString(enc.string("nonce").orElse(""),
                        enc.string("associated_data").orElse(""), enc.string("ciphertext").orElse(""));
                cert = SchemeKeys.certificate(credentials.signingScheme(), "platformCertificate", pem,
                        "a WeChat Pay platform certificate");
            } catch (TenderKitException e) {
                return "certificate " + serial.get() + " did not decrypt with the APIv3 key (check apiV3Key): "
                        + e.getMessage();
            }
            String actual = Certificates.serialHex(cert);
            if (!actual.equals(WeChatPayCredentials.normalSerialOrSelf(serial.get()))) {
                return "certificate announced as " + serial.get() + " has serial " + actual;
            }
            if (credentials.isMerchantKey(cert.getPublicKey())) {
                return "certificate " + actual + " holds the merchant's own key, not WeChat Pay's";
            }
            if (now.isBefore(cert.getNotBefore().toInstant()) || now.isAfter(cert.getNotAfter().toInstant())) {
                continue; // not valid today: not used, and not a reason to refuse the others
            }
            out.put(actual, BoundVerifier.of(cert.getPublicKey(), credentials.signatures()));
            if (cert.getNotAfter().toInstant().isAfter(latest)) {
                latest = cert.getNotAfter().toInstant();
                newest.set(actual);
            }
        }
        return out.isEmpty() ? "no certificate in the answer is valid today" : null;
    }
}
