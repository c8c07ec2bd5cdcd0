package dev.tenderkit.transport.serial.ecr;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.transport.serial.SerialLink;
import dev.tenderkit.transport.serial.frame.FrameChannel;
import dev.tenderkit.transport.serial.frame.FrameChannelSettings;
import dev.tenderkit.transport.serial.frame.SendOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's end of the ECR link: reads the cash register's requests, runs sales, refunds
 * and voids through the terminal software's {@link EcrTransactionHandler}, and answers.
 *
 * <p>What it guarantees the cash register:
 *
 * <ul>
 *   <li><b>At most once per request id.</b> A sale, refund or void whose id is running is
 *       answered {@link TransactionStatus#IN_PROGRESS}; one whose result is known (from the last
 *       {@value #REMEMBERED} results kept here, then from {@link EcrTransactionHandler#find}) is
 *       answered with that result. Neither is run again.
 *   <li><b>One transaction at a time.</b> Another id while one runs is {@link RejectReason#BUSY}.
 *   <li><b>No guessed outcomes.</b> A handler that fails answers {@link TransactionStatus#UNKNOWN}.
 *   <li><b>Unreadable requests</b> are answered {@link RejectReason#BAD_REQUEST}, naming the field.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class EcrDevice implements AutoCloseable {

    /** How many recent results the device remembers itself. */
    public static final int REMEMBERED = 64;

    private static final Logger log = LoggerFactory.getLogger(EcrDevice.class);

    private final FrameChannel channel;
    private final EcrTransactionHandler handler;
    private final Object lock = new Object();
    private final Map<String, EcrResponse.TransactionResult> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EcrResponse.TransactionResult> eldest) {
            return size() > REMEMBERED;
        }
    };
    private EcrRequest running;

    private EcrDevice(Builder b) {
        this.handler = b.handler;
        this.channel = FrameChannel.builder(b.link).scheduler(b.scheduler).settings(b.channelSettings)
                .receiver(this::onPayload).build();
    }

    /** @param link the serial link to the cash register @return a builder */
    public static Builder builder(SerialLink link) {
        return new Builder(link);
    }

    /** Opens the link and starts answering. */
    public void start() {
        channel.start();
    }

    /** @return the frame channel underneath, for its statistics and link state */
    public FrameChannel channel() {
        return channel;
    }

    private void onPayload(byte[] payload) {
        EcrRequest request;
        try {
            request = EcrMessageCodec.decodeRequest(payload);
        } catch (InvalidInputException e) {
            String id = EcrMessageCodec.requestIdOf(payload).orElse("-");
            log.warn("{}: refusing an unreadable request {}: {}", channel.link().name(), id, e.getMessage());
            answer(new EcrResponse.Rejected(id, RejectReason.BAD_REQUEST, shorten(e.getMessage())));
            return;
        }
        if (request instanceof EcrRequest.StatusQuery q) {
            TerminalState state;
            synchronized (lock) {
                state = running != null ? TerminalState.BUSY : handler.state();
            }
            answer(new EcrResponse.TerminalStatus(q.requestId(), state));
        } else if (request instanceof EcrRequest.LastResultQuery q) {
            answer(new EcrResponse.LastResult(q.requestId(), q.ofRequestId(), known(q.ofRequestId())));
        } else {
            begin(request);
        }
    }

    private Optional<EcrResponse.TransactionResult> known(String requestId) {
        synchronized (lock) {
            if (running != null && running.requestId().equals(requestId)) {
                return Optional.of(inProgress(running));
            }
            EcrResponse.TransactionResult remembered = recent.get(requestId);
            if (remembered != null) {
                return Optional.of(remembered);
            }
        }
        return handler.find(requestId);
    }

    private void begin(EcrRequest request) {
        String id = request.requestId();
        synchronized (lock) {
            if (running != null) {
                if (running.requestId().equals(id)) {
                    answer(inProgress(running));
                } else {
                    answer(new EcrResponse.Rejected(id, RejectReason.BUSY, "request " + running.requestId()
                            + " is running"));
                }
                return;
            }
            Optional<EcrResponse.TransactionResult> before = known(id);
            if (before.isPresent()) {
                log.info("{}: request {} was seen before; answering its recorded result, not running it again",
                        channel.link().name(), id);
                answer(before.get());
                return;
            }
            running = request;
        }
        CompletionStage<EcrResponse.TransactionResult> stage;
        try {
            stage = call(request);
        } catch (RuntimeException e) {
            finish(request, null, e);
            return;
        }
        stage.whenComplete((result, error) -> finish(request, result, error));
    }

    private CompletionStage<EcrResponse.TransactionResult> call(EcrRequest request) {
        if (request instanceof EcrRequest.Sale s) {
            return handler.sale(s);
        }
        if (request instanceof EcrRequest.Refund r) {
            return handler.refund(r);
        }
        return handler.voidTrade((EcrRequest.VoidTrade) request);
    }

    private void finish(EcrRequest request, EcrResponse.TransactionResult result, Throwable error) {
        EcrResponse.TransactionResult answer;
        if (error != null || result == null) {
            log.error("{}: the transaction handler failed on request {}; answering UNKNOWN", channel.link().name(),
                    request.requestId(), error);
            answer = EcrResponse.TransactionResult.pending(request.requestId(), amountOf(request),
                    TransactionStatus.UNKNOWN, "terminal error; ask again later");
        } else if (!result.requestId().equals(request.requestId())) {
            log.error("{}: the handler answered request {} with a result for {}; answering UNKNOWN",
                    channel.link().name(), request.requestId(), result.requestId());
            answer = EcrResponse.TransactionResult.pending(request.requestId(), amountOf(request),
                    TransactionStatus.UNKNOWN, "terminal error; ask again later");
        } else {
            answer = result;
        }
        synchronized (lock) {
            if (running == request) {
                running = null;
            }
            if (answer.status() == TransactionStatus.APPROVED || answer.status() == TransactionStatus.DECLINED) {
                recent.put(request.requestId(), answer);
            }
        }
        answer(answer);
    }

    private void answer(EcrResponse response) {
        channel.send(EcrMessageCodec.encode(response)).thenAccept(outcome -> {
            if (!(outcome instanceof SendOutcome.Delivered)) {
                log.warn("{}: the answer to request {} was not confirmed ({}); the cash register must ask for it",
                        channel.link().name(), response.requestId(), outcome);
            }
        });
    }

    private static EcrResponse.TransactionResult inProgress(EcrRequest request) {
        return EcrResponse.TransactionResult.pending(request.requestId(), amountOf(request),
                TransactionStatus.IN_PROGRESS, "still running");
    }

    private static Money amountOf(EcrRequest request) {
        if (request instanceof EcrRequest.Sale s) {
            return s.amount();
        }
        if (request instanceof EcrRequest.Refund r) {
            return r.amount();
        }
        return Money.ZERO;
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 128 ? oneLine : oneLine.substring(0, 125) + "...";
    }

    /** Closes the channel and its link. */
    @Override
    public void close() {
        channel.close();
    }

    /** Builds an {@link EcrDevice}; {@link #build()} validates and names the setting at fault. */
    public static final class Builder {
        private final SerialLink link;
        private TaskScheduler scheduler;
        private EcrTransactionHandler handler;
        private FrameChannelSettings channelSettings = FrameChannelSettings.DEFAULT;

        private Builder(SerialLink link) {
            this.link = Objects.requireNonNull(link, "link");
        }

        /** @param scheduler runs the frame channel's timers; required @return this builder */
        public Builder scheduler(TaskScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** @param handler runs the transactions; required @return this builder */
        public Builder handler(EcrTransactionHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** @param settings the frame channel's ACK timeout, retransmissions, ...; default {@link FrameChannelSettings#DEFAULT} @return this builder */
        public Builder channelSettings(FrameChannelSettings settings) {
            this.channelSettings = Objects.requireNonNull(settings, "channelSettings");
            return this;
        }

        /**
         * @return the device end, not started
         * @throws ConfigurationException naming the first setting that cannot work
         */
        public EcrDevice build() {
            if (scheduler == null) {
                throw new ConfigurationException("scheduler", "is required: the frame channel's timers run on it");
            }
            if (handler == null) {
                throw new ConfigurationException("handler", "is required: the terminal software's "
                        + "EcrTransactionHandler runs the transactions");
            }
            return new EcrDevice(this);
        }
    }
}
