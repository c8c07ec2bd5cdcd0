package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.time.TaskScheduler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * WeChat Pay's callbacks (wechatpay.md §3): for each {@link WalletEvent}, a JSON POST
 * {@code {id, create_time, event_type, resource_type:"encrypt-resource", summary, resource:{
 * original_type, algorithm:"AEAD_AES_256_GCM", ciphertext, associated_data, nonce}}}, the resource
 * encrypted under the APIv3 key, signed like an answer; resent on the {@link CallbackSchedule} until
 * the receiver answers 200 or 204, with the same {@code id} and body every time (signed afresh), on
 * the injected {@link TaskScheduler}. Thread-safe.
 */
final class CallbackSender {
    private static final class Outgoing {
        final String id;
        final WalletEvent event;
        final String body;
        CallbackFault fault;
        int attempts;
        int retriesUsed;

        Outgoing(String id, WalletEvent event, String body, CallbackFault fault) {
            this.id = id;
            this.event = event;
            this.body = body;
            this.fault = fault;
        }
    }

    private final SimulatorCrypto crypto;
    private final byte[] apiV3Key;
    private final AnswerSigner signer;
    private final String serial;
    private final CallbackSchedule schedule;
    private final TaskScheduler timer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Deque<CallbackFault> faults = new ArrayDeque<>();
    private final List<CallbackDelivery> deliveries = new ArrayList<>();
    private volatile boolean closed;

    CallbackSender(SimulatorCrypto crypto, byte[] apiV3Key, AnswerSigner signer, String serial, CallbackSchedule schedule,
            TaskScheduler timer) {
        this.crypto = crypto;
        this.apiV3Key = apiV3Key.clone();
        this.signer = signer;
        this.serial = serial;
        this.schedule = schedule;
        this.timer = timer;
    }

    synchronized void failNext(CallbackFault fault) {
        faults.add(fault);
    }

    /** Called under the wallet's lock; posts nothing itself (the scheduler does). */
    void onEvent(WalletEvent e) {
        String nonce = crypto.nonce(12);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("original_type", e.originalType());
        resource.put("algorithm", crypto.resourceAlgorithm());
        resource.put("ciphertext", crypto.encrypt(apiV3Key, nonce, e.originalType(), Json.write(e.resource())));
        resource.put("associated_data", e.originalType());
        resource.put("nonce", nonce);
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("create_time", WalletState.rfc3339(timer.clock().instant()));
        body.put("resource_type", "encrypt-resource");
        body.put("event_type", e.eventType());
        body.put("summary", e.summary());
        body.put("resource", resource);
        CallbackFault fault;
        synchronized (this) {
            fault = faults.poll();
        }
        after(Duration.ZERO, new Outgoing(id, e, Json.write(body), fault));
    }

    private void after(Duration wait, Outgoing o) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(() -> deliver(o), wait);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: undelivered callbacks are dropped, as close() says
        }
    }

    void close() {
        closed = true;
    }

    private void deliver(Outgoing o) {
        if (closed) {
            return;
        }
        AnswerSigner.Spoil spoil = AnswerSigner.Spoil.NONE;
        if (o.attempts == 0 && o.fault != null) {
            spoil = switch (o.fault) {
                case BAD_SIGNATURE -> AnswerSigner.Spoil.WRONG_TEXT;
                case PROBE_SIGNATURE -> AnswerSigner.Spoil.PROBE;
                case STALE_TIMESTAMP -> AnswerSigner.Spoil.STALE;
                case DUPLICATE -> AnswerSigner.Spoil.NONE;
            };
        }
        o.attempts++;
        Map<String, String> headers = signer.headers(o.body, serial, spoil);
        Optional<Integer> status = Optional.empty();
        String answer;
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(o.event.url())).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(o.body, StandardCharsets.UTF_8));
            headers.forEach(rb::header);
            HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = Optional.of(r.statusCode());
            answer = r.body();
        } catch (IOException | IllegalArgumentException e) {
            answer = "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean acknowledged = status.filter(s -> s == 200 || s == 204).isPresent();
        record(new CallbackDelivery(o.id, o.event.eventType(), o.event.outTradeNo(), o.attempts, o.event.url(), o.body,
                headers, status, answer, acknowledged));
        if (o.fault == CallbackFault.DUPLICATE) {
            o.fault = null;
            after(Duration.ZERO, o);
        } else if (!acknowledged && o.retriesUsed < schedule.retries().size()) {
            after(schedule.retries().get(o.retriesUsed++), o);
        }
    }

    private void record(CallbackDelivery d) {
        synchronized (deliveries) {
            deliveries.add(d);
            deliveries.notifyAll();
        }
    }

    List<CallbackDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Waits until {@code count} deliveries (acknowledged ones only, if so asked) were made, or the timeout passed. */
    List<CallbackDelivery> await(int count, Duration timeout, boolean acknowledgedOnly) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (deliveries) {
            while ((acknowledgedOnly ? deliveries.stream().filter(CallbackDelivery::acknowledged).count()
                    : deliveries.size()) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(deliveries, left);
            }
            return List.copyOf(deliveries);
        }
    }
}
