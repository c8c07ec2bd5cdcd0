package dev.tenderkit.transport.serial.ecr;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.serial.SerialLink;
import dev.tenderkit.transport.serial.frame.FrameChannel;
import dev.tenderkit.transport.serial.frame.FrameChannelSettings;
import dev.tenderkit.transport.serial.frame.SendOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cash register's end of the ECR link: sends requests to the terminal and matches the
 * answers to them by request id.
 *
 * <p>Each request ends in one {@link EcrOutcome}: {@link EcrOutcome.Answered} with the terminal's
 * response; {@link EcrOutcome.NotSent} when no byte left (safe to send again);
 * {@link EcrOutcome.Unknown} when the request may have arrived but no answer came within the
 * response timeout, which is when to ask with {@link #lastResult(String, String)}. A sale is
 * never reported failed because an answer is missing.
 *
 * <p>Thread-safe. Outcomes complete on the link's or the scheduler's thread.
 */
public final class EcrHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EcrHost.class);

    private final FrameChannel channel;
    private final TaskScheduler scheduler;
    private final Duration transactionTimeout;
    private final Duration queryTimeout;
    private final Object lock = new Object();
    private final Map<String, Waiting> waiting = new HashMap<>();

    private EcrHost(Builder b) {
        this.scheduler = b.scheduler;
        this.transactionTimeout = b.transactionTimeout;
        this.queryTimeout = b.queryTimeout;
        this.channel = FrameChannel.builder(b.link).scheduler(b.scheduler).settings(b.channelSettings)
                .receiver(this::onPayload).build();
    }

    /** @param link the serial link to the terminal @return a builder */
    public static Builder builder(SerialLink link) {
        return new Builder(link);
    }

    /** Opens the link and starts listening for answers. */
    public void start() {
        channel.start();
    }

    /** @return the frame channel underneath, for its statistics and link state */
    public FrameChannel channel() {
        return channel;
    }

    /**
     * @param requestId unique per transaction
     * @param amount in fen, more than zero
     * @param orderId the cash register's order number
     * @return the outcome
     */
    public CompletableFuture<EcrOutcome> sale(String requestId, Money amount, String orderId) {
        return send(new EcrRequest.Sale(requestId, amount, orderId));
    }

    /**
     * @param requestId unique per refund; also the refund's idempotency key
     * @param amount in fen, more than zero
     * @param tradeNo the sale's trade number
     * @return the outcome
     */
    public CompletableFuture<EcrOutcome> refund(String requestId, Money amount, String tradeNo) {
        return send(new EcrRequest.Refund(requestId, amount, tradeNo));
    }

    /**
     * @param requestId unique per void
     * @param tradeNo the sale's trade number
     * @return the outcome
     */
    public CompletableFuture<EcrOutcome> voidTrade(String requestId, String tradeNo) {
        return send(new EcrRequest.VoidTrade(requestId, tradeNo));
    }

    /** @param requestId this query's id @return the outcome */
    public CompletableFuture<EcrOutcome> status(String requestId) {
        return send(new EcrRequest.StatusQuery(requestId));
    }

    /**
     * @param requestId this query's id
     * @param ofRequestId the request whose outcome is wanted
     * @return the outcome
     */
    public CompletableFuture<EcrOutcome> lastResult(String requestId, String ofRequestId) {
        return send(new EcrRequest.LastResultQuery(requestId, ofRequestId));
    }

    /**
     * Sends a request.
     *
     * @param request the request
     * @return completes with the outcome, never exceptionally
     * @throws IllegalArgumentException if a request with the same id is still waiting for its answer
     */
    public CompletableFuture<EcrOutcome> send(EcrRequest request) {
        Waiting w = new Waiting(request);
        synchronized (lock) {
            if (waiting.containsKey(request.requestId())) {
                throw new IllegalArgumentException("requestId: " + request.requestId()
                        + " is still waiting for its answer");
            }
            waiting.put(request.requestId(), w);
        }
        channel.send(EcrMessageCodec.encode(request)).thenAccept(outcome -> sent(w, outcome));
        return w.result;
    }

    private void sent(Waiting w, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Delivered) {
            Duration timeout = isTransaction(w.request) ? transactionTimeout : queryTimeout;
            synchronized (lock) {
                if (waiting.get(w.request.requestId()) == w) {
                    w.timer = scheduler.schedule(() -> finish(w, new EcrOutcome.Unknown("no response within " + timeout)),
                            timeout);
                }
            }
        } else if (outcome instanceof SendOutcome.NotSent n) {
            finish(w, new EcrOutcome.NotSent(n.reason().name()));
        } else {
            SendOutcome.Unconfirmed u = (SendOutcome.Unconfirmed) outcome;
            finish(w, new EcrOutcome.Unknown("request not acknowledged after " + u.attempts() + " transmissions ("
                    + u.reason() + ")"));
        }
    }

    private void onPayload(byte[] payload) {
        EcrResponse response;
        try {
            response = EcrMessageCodec.decodeResponse(payload);
        } catch (InvalidInputException e) {
            log.warn("{}: ignoring an unreadable response: {}", channel.link().name(), e.getMessage());
            return;
        }
        Waiting w;
        synchronized (lock) {
            w = waiting.get(response.requestId());
        }
        if (w == null) {
            log.warn("{}: a response for request {} came when nothing was waiting for it (too late?); "
                    + "ask with a last-result query", channel.link().name(), response.requestId());
            return;
        }
        finish(w, new EcrOutcome.Answered(response));
    }

    private void finish(Waiting w, EcrOutcome outcome) {
        synchronized (lock) {
            if (!waiting.remove(w.request.requestId(), w)) {
                return;
            }
            if (w.timer != null) {
                w.timer.cancel();
            }
        }
        w.result.complete(outcome);
    }

    private static boolean isTransaction(EcrRequest request) {
        return request instanceof EcrRequest.Sale || request instanceof EcrRequest.Refund
                || request instanceof EcrRequest.VoidTrade;
    }

    /** Closes the channel and its link; requests still waiting end {@link EcrOutcome.Unknown}. */
    @Override
    public void close() {
        channel.close();
        Waiting[] left;
        synchronized (lock) {
            left = waiting.values().toArray(new Waiting[0]);
        }
        for (Waiting w : left) {
            finish(w, new EcrOutcome.Unknown("the ECR host was closed before an answer came"));
        }
    }

    /** A request waiting for its answer. */
    private static final class Waiting {
        final EcrRequest request;
        final CompletableFuture<EcrOutcome> result = new CompletableFuture<>();
        TaskScheduler.Cancellable timer;

        Waiting(EcrRequest request) {
            this.request = request;
        }
    }

    /** Builds an {@link EcrHost}; {@link #build()} validates and names the setting at fault. */
    public static final class Builder {
        private final SerialLink link;
        private TaskScheduler scheduler;
        private Duration transactionTimeout = Duration.ofSeconds(90);
        private Duration queryTimeout = Duration.ofSeconds(5);
        private FrameChannelSettings channelSettings = FrameChannelSettings.DEFAULT;

        private Builder(SerialLink link) {
            this.link = Objects.requireNonNull(link, "link");
        }

        /** @param scheduler runs the response timers and the frame channel's; required @return this builder */
        public Builder scheduler(TaskScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * @param timeout how long to wait for the answer to an acknowledged sale, refund or void,
         *     default 90 s: long enough for a buyer to enter a password
         * @return this builder
         */
        public Builder transactionTimeout(Duration timeout) {
            this.transactionTimeout = Objects.requireNonNull(timeout, "transactionTimeout");
            return this;
        }

        /** @param timeout how long to wait for the answer to a status or last-result query, default 5 s @return this builder */
        public Builder queryTimeout(Duration timeout) {
            this.queryTimeout = Objects.requireNonNull(timeout, "queryTimeout");
            return this;
        }

        /** @param settings the frame channel's ACK timeout, retransmissions, ...; default {@link FrameChannelSettings#DEFAULT} @return this builder */
        public Builder channelSettings(FrameChannelSettings settings) {
            this.channelSettings = Objects.requireNonNull(settings, "channelSettings");
            return this;
        }

        /**
         * @return the host, not started
         * @throws ConfigurationException naming the first setting that cannot work
         */
        public EcrHost build() {
            if (scheduler == null) {
                throw new ConfigurationException("scheduler", "is required: the response timers run on it");
            }
            if (transactionTimeout.toMillis() < 1) {
                throw new ConfigurationException("transactionTimeout", transactionTimeout + " is not positive");
            }
            if (queryTimeout.toMillis() < 1) {
                throw new ConfigurationException("queryTimeout", queryTimeout + " is not positive");
            }
            return new EcrHost(this);
        }
    }
}
